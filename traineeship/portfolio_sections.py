"""The portfolio PDF's sections that other apps contribute, composed here so that portfolios
and mentors never import each other."""

from django.utils.translation import gettext_lazy as _

from mentors.export import meetings_for_portfolio
from mentors.permissions import MEETINGS
from portfolios.pdf.portfolio import Section, register_section


def _meetings(traineeship, relations):
    meetings = meetings_for_portfolio(traineeship, relations)
    return {"meetings": meetings, "empty": not meetings}


def register() -> None:
    register_section(
        Section("meetings", _("Progress meetings"), "mentors/pdf/meetings_section.html", _meetings, MEETINGS),
        before="final-evaluation",
    )
