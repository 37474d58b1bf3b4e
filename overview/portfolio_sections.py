"""The portfolio PDF's sections that other apps contribute, composed here so that portfolios
and mentors never import each other."""

from django.utils.translation import gettext_lazy as _

from mentors.export import meetings_for_portfolio
from mentors.permissions import MEETINGS
from portfolios.pdf.portfolio import Section, register_section
from programmes.permissions import is_made_within


def _meetings(traineeship, relations, windows):
    # A partner's staff: the meetings of their periods, as ``mentors.permissions.meetings_scope`` gives them.
    meetings = [m for m in meetings_for_portfolio(traineeship, relations) if is_made_within(windows, m["date"])]
    return {"meetings": meetings, "empty": not meetings}


def register() -> None:
    register_section(
        Section(
            "meetings", _("Progress meetings"), "mentors/pdf/meetings_section.html", _meetings, MEETINGS, dated=True
        ),
        before="final-evaluation",
    )
