from django.apps import AppConfig


class TraineeshipConfig(AppConfig):
    name = "traineeship"
    verbose_name = "Traineeship"

    def ready(self):
        from traineeship import portfolio_sections

        portfolio_sections.register()

        from portfolios.stored_pdfs import register_kind
        from traineeship.views_registers import REGISTER_PDF, render_register_pdf

        # A register's progress is counted to today: a stored register PDF is kept for one day at most.
        register_kind(REGISTER_PDF, render_register_pdf, dated=True)
