from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from organisations import lookups, permissions  # noqa: F401  (read rules register themselves)

        lookups.register()
        # Every app's acts for the audit trail, from its ``audit`` module.
        from organisations import audit

        audit.autodiscover()
        # Django 6.1's "- Select an option -" has no Dutch translation yet: our own words, in our catalogue.
        from django.db.models import fields

        fields.BLANK_CHOICE_LABEL = _("Choose …")
