"""The scopes every page filters by stay index-driven: a semi-join on a UNION of indexed look-ups.

An OR whose branches lie in different tables (the trainee of the traineeship, or the owner of its
programme, or a placement) cannot use an index on PostgreSQL: it read every row of every
organisation on every page (issue 13's plans at 100,000 traineeships). Which rows the scopes
select is proved elsewhere (``tests/test_permissions.py``); this proves their shape.
"""

import re

import pytest

from coaching.models import CoachingSession
from mentors.forms import traineeship_people
from mentors.models import Meeting
from mentors.selectors import meetings_of, open_agreements_for, records_to_confirm
from organisations.models import Role
from programmes.forms import TraineeshipForm
from programmes.models import Traineeship
from tests.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.programmes.factories import TraineeshipFactory

pytestmark = pytest.mark.django_db


def where_clause(queryset) -> str:
    sql = str(queryset.query)
    return sql[sql.index(" WHERE ") :]


def scopes(user, organisation):
    yield "visible traineeships", Traineeship.objects.visible_to(user)
    yield "an organisation's traineeships", Traineeship.objects.of_organisation(organisation)
    yield "records awaiting confirmation", Meeting.objects.awaiting_confirmation_of(user)
    yield "records to confirm", records_to_confirm(user)
    yield "meetings of a person", meetings_of(user)
    yield "open agreements", open_agreements_for(user)
    yield "coaching sessions", CoachingSession.objects.visible_to(user)
    traineeship = TraineeshipFactory(organisation=organisation)
    yield "people of a meeting", traineeship_people(traineeship)
    yield "trainees to choose", TraineeshipForm(programme=traineeship.programme).fields["trainee"].queryset


def test_the_scopes_are_a_union_of_look_ups_not_an_or_across_tables():
    user, organisation = UserFactory(), OrganisationFactory()
    # Parts of a scope are left out for roles the person lacks: with these roles every part is there.
    for role in (Role.HR, Role.MENTOR, Role.MANAGER):
        MembershipFactory(user=user, organisation=organisation, role=role)
    for name, queryset in scopes(user, organisation):
        where = where_clause(queryset)
        assert " UNION " in where, f"{name}: not a semi-join on a UNION"
        # An OR is fine inside one look-up's own table; an OR at the top of the scope is not.
        outer = re.sub(r"\(SELECT .*", "", where)
        assert " OR " not in outer, f"{name}: an OR across tables: {outer}"
        list(queryset)  # and the database accepts it
