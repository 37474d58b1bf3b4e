"""The manager's overview's filter and rows: one definition for the page and for its exports.

A person sees only what they relate to (programmes.permissions: a partner's placements while it
hosts them); the step and the signals are read from the stored state (programmes.state).
"""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy

from mentors.risks import SIGNALS, signal_labels
from organisations.models import User
from overview.filters import OrganisationChoices, PersonChoiceFilter
from overview.stappenplan import STEP_CHOICES
from programmes.models import Cohort, Placement, Programme, Traineeship
from programmes.state import ensure_fresh, stored_columns


class AllYesNoWidget(django_filters.widgets.BooleanWidget):
    """Yes/no filter whose empty choice reads "All" rather than "Unknown"."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("", gettext_lazy("All")), ("true", gettext_lazy("Yes")), ("false", gettext_lazy("No"))]


class OverviewFilter(django_filters.FilterSet):
    programme = django_filters.ModelChoiceFilter(
        queryset=Programme.objects.none(), label=gettext_lazy("Programme"), empty_label=gettext_lazy("All programmes")
    )
    cohort = django_filters.ModelChoiceFilter(
        queryset=Cohort.objects.none(), label=gettext_lazy("Cohort"), empty_label=gettext_lazy("All cohorts")
    )
    step = django_filters.ChoiceFilter(
        field_name="current_step", choices=STEP_CHOICES, label=gettext_lazy("Step"), empty_label=gettext_lazy("All")
    )
    at_risk = django_filters.BooleanFilter(
        method="filter_at_risk",
        label=gettext_lazy("At risk"),
        widget=AllYesNoWidget,
    )
    signal = django_filters.ChoiceFilter(
        choices=[(signal, signal) for signal in SIGNALS],
        method="filter_signal",
        label=gettext_lazy("Signal"),
        empty_label=gettext_lazy("All signals"),
    )
    mentor = PersonChoiceFilter(
        queryset=User.objects.none(),
        method="filter_mentor",
        label=gettext_lazy("Mentor"),
        empty_label=gettext_lazy("All mentors"),
    )

    class Meta:
        model = Traineeship
        fields = ["programme", "cohort", "step", "at_risk", "signal", "mentor"]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        choices = OrganisationChoices(organisation)
        self.filters["programme"].queryset = choices.programmes
        self.filters["cohort"].queryset = choices.cohorts
        self.filters["mentor"].queryset = choices.mentors
        labels = signal_labels()
        self.filters["signal"].extra["choices"] = [(signal, labels[signal]) for signal in SIGNALS]

    def filter_at_risk(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(at_risk=bool(value))

    def filter_signal(self, queryset, name, value):
        return queryset.filter(**{f"risk_{value}": True})

    def filter_mentor(self, queryset, name, value):
        return queryset.filter(Exists(Placement.objects.filter(traineeship=OuterRef("pk"), mentor=value)))


def overview_filter(*, user, organisation, data, today) -> OverviewFilter:
    """The filtered traineeships of ``organisation`` that ``user`` sees, by end date; ``data`` the filter's values."""
    ensure_fresh(today)
    queryset = rows_of(Traineeship.objects.visible_to(user).of_organisation(organisation), today)
    return OverviewFilter(data or None, queryset=queryset.order_by("end_date", "pk"), organisation=organisation)


def rows_of(traineeships, today):
    """What a row shows: the people and the stored step and signals (made fresh by ``overview_filter``)."""
    return stored_columns(traineeships.with_people(), today)
