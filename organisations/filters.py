import django_filters
from django.db.models import Q
from django.forms import DateInput
from django.utils.translation import gettext_lazy as _

from organisations.audit import action_choices
from organisations.models import AuditEntry, Membership, Role


class MembershipFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search by name or e-mail"), method="search")
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Role.choices, empty_label=_("All roles"))

    class Meta:
        model = Membership
        fields = ["q", "role"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(user__name__icontains=value) | Q(user__email__icontains=value))


class AuditEntryFilter(django_filters.FilterSet):
    action = django_filters.ChoiceFilter(label=_("Action"), choices=action_choices, empty_label=_("All actions"))
    person = django_filters.CharFilter(label=_("Person (by or concerning)"), method="by_person")
    since = django_filters.DateFilter(
        label=_("From"), field_name="created_at", lookup_expr="date__gte", widget=DateInput(attrs={"type": "date"})
    )
    until = django_filters.DateFilter(
        label=_("Until"), field_name="created_at", lookup_expr="date__lte", widget=DateInput(attrs={"type": "date"})
    )

    class Meta:
        model = AuditEntry
        fields = ["action", "person", "since", "until"]

    def by_person(self, queryset, name, value):
        return queryset.filter(Q(actor_label__icontains=value) | Q(subject_label__icontains=value))
