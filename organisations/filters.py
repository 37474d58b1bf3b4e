import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Membership, Role


class MembershipFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search by name or e-mail"), method="search")
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Role.choices, empty_label=_("All roles"))

    class Meta:
        model = Membership
        fields = ["q", "role"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(user__name__icontains=value) | Q(user__email__icontains=value))
