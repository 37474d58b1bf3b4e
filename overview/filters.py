"""Filters of HR's overview of traineeships (the current step is read from the stored state)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, User
from organisations.widgets import PersonChoiceField
from overview.stappenplan import STEP_CHOICES
from programmes.models import Cohort, Placement, Programme, TraineeshipStatus


class OrganisationChoices:
    """What an organisation's lists offer to filter by: its programmes (owned or as a partner), their
    cohorts and its mentors. Read from the organisation, not from the traineeships the viewer may see,
    so a page pays no pass over its scope per filter (issue 13); choosing narrows that scope further."""

    def __init__(self, organisation: Organisation):
        self.programmes = Programme.objects.filter(Q(owner=organisation) | Q(partners=organisation)).distinct()
        self.cohorts = Cohort.objects.filter(programme__in=self.programmes).select_related("programme")
        self.mentors = User.objects.mentors_of(organisation).distinct()


class PersonChoiceFilter(django_filters.ModelChoiceFilter):
    """A filter by one person of a list that can hold hundreds (the mentors of an organisation)."""

    field_class = PersonChoiceField


class TraineeshipFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search by trainee name"), method="search")
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"), queryset=Programme.objects.none(), empty_label=_("All programmes")
    )
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), queryset=Cohort.objects.none(), empty_label=_("All cohorts")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=TraineeshipStatus.choices, empty_label=_("All statuses")
    )
    step = django_filters.ChoiceFilter(
        label=_("Current step"), field_name="current_step", choices=STEP_CHOICES, empty_label=_("All steps")
    )
    mentor = PersonChoiceFilter(
        label=_("Mentor"), queryset=User.objects.none(), method="by_mentor", empty_label=_("All mentors")
    )
    placed_at = django_filters.ModelChoiceFilter(
        label=_("Placement organisation"),
        queryset=Organisation.objects.none(),
        method="by_placement_organisation",
        empty_label=_("All organisations"),
    )
    order = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=[
            ("trainee__name", "name"),
            ("start_date", "start"),
            ("end_date", "end"),
            ("current_step", "step"),
        ],
        field_labels={
            "trainee__name": _("Name"),
            "start_date": _("Start date"),
            "end_date": _("End date"),
            "current_step": _("Step"),
        },
        empty_label=_("Default order"),
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        choices = OrganisationChoices(organisation)
        self.filters["programme"].queryset = choices.programmes
        self.filters["cohort"].queryset = choices.cohorts
        self.filters["mentor"].queryset = choices.mentors
        self.filters["placed_at"].queryset = Organisation.objects.filter(
            Q(pk=organisation.pk) | Q(programmes__in=choices.programmes) | Q(partner_programmes__in=choices.programmes)
        ).distinct()

    def search(self, queryset, name, value):
        return queryset.filter(trainee__name__icontains=value)

    def by_mentor(self, queryset, name, value):
        return queryset.filter(pk__in=Placement.objects.filter(mentor=value).values("traineeship"))

    def by_placement_organisation(self, queryset, name, value):
        return queryset.filter(pk__in=Placement.objects.filter(organisation=value).values("traineeship"))
