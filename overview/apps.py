from django.apps import AppConfig


class OverviewConfig(AppConfig):
    """What composes every domain app: home pages, the stappenplan, the traineeship lists,
    the manager's overview, navigation and the demo command."""

    name = "overview"
    verbose_name = "Overview"

    def ready(self):
        from overview import portfolio_sections

        portfolio_sections.register()

        from overview import coaching_shared

        coaching_shared.register()

        from overview.views_registers import REGISTER_PDF, render_register_pdf
        from portfolios.stored_pdfs import register_kind

        # A register's progress is counted to today: a stored register PDF is kept for one day at most.
        register_kind(REGISTER_PDF, render_register_pdf, dated=True)

        from overview import state

        # The stored traineeship state follows every change of its inputs (programmes.state is the hook).
        state.connect()
