"""The lists of every mentor of an organisation (hundreds in a large one) use ``LongSelect``."""

from django.urls import reverse

from mentors.forms import MentorChoiceForm
from organisations.widgets import LongSelect
from overview.filters import TraineeshipFilter
from overview.manager_filter import OverviewFilter
from programmes.models import Traineeship
from tests.mentors.factories import mentored_traineeship


def test_the_lists_of_every_mentor_use_it(personas):
    placement = mentored_traineeship(personas.organisation, mentor=personas.mentor).placements.get()
    widgets = [
        MentorChoiceForm(placement=placement).fields["mentor"].widget,
        *(
            list_filter(None, queryset=Traineeship.objects.none(), organisation=personas.organisation)
            .form.fields["mentor"]
            .widget
            for list_filter in (TraineeshipFilter, OverviewFilter)
        ),
    ]
    assert all(isinstance(widget, LongSelect) for widget in widgets)


def test_the_lists_show_the_mentor_chosen(personas, client_for):
    mentored_traineeship(personas.organisation, mentor=personas.mentor)
    chosen = f'<option value="{personas.mentor.pk}" selected>{personas.mentor.name}</option>'
    for role, name in (("hr", "traineeship_list"), ("manager", "manager_overview")):
        page = client_for(personas.users[role]).get(reverse(name), {"mentor": personas.mentor.pk})
        html = page.content.decode()
        assert chosen in html, (role, html[html.find('name="mentor"') - 50 : html.find('name="mentor"') + 300])
