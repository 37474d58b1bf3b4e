"""The audit trail's acts of portfolios: the final evaluation, downloads and cohort exports."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations import audit


class PortfolioAction(models.TextChoices):
    EVALUATION_SIGNED = "evaluation.signed", _("Final evaluation signed")
    EVALUATION_REOPENED = "evaluation.reopened", _("Final evaluation reopened")
    PORTFOLIO_DOWNLOADED = "portfolio.downloaded", _("Portfolio downloaded")
    EVALUATION_DOWNLOADED = "evaluation.downloaded", _("Final evaluation downloaded")
    EXPORT_DOWNLOADED = "export.downloaded", _("Export downloaded")


audit.register_actions(
    PortfolioAction,
    summaries={
        PortfolioAction.EVALUATION_SIGNED: _("signed as %(signer)s"),
        PortfolioAction.EVALUATION_REOPENED: _("reason: %(reason)s"),
        # An export without a variant is the portfolios of a cohort.
        audit.Action.EXPORT_CREATED: _("portfolios of %(cohort)s"),
        PortfolioAction.EXPORT_DOWNLOADED: _("portfolios of %(cohort)s"),
    },
)
