"""A populated world for scoped tests: objects of every kind in two organisations.

Each app adds a builder that creates its objects for ``world.personas.organisation``
(named ``"<name>"``) and the same for the other organisation (``"other:<name>"``),
so the URL matrix can build every URL with an object in it.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from organisations.models import DataCopy, Invitation, Membership, OutgoingMail, hash_token
from programmes import state


class World:
    def __init__(self, personas):
        self.personas = personas
        self.objects = {}
        # People beyond the personas, for the relation scenarios (see ``build_relations``).
        self.people = {}
        # One refresh of the stored state for the whole world, not one per saved row.
        with state.deferred():
            for builder in BUILDERS:
                builder(self)

    def __getitem__(self, name):
        return self.objects[name]


def build_organisations(world: World) -> None:
    p = world.personas
    for prefix, organisation, hr in [
        ("", p.organisation, p.hr),
        ("other:", p.other_organisation, p.other_hr),
    ]:
        world.objects[prefix + "invitation"] = Invitation.objects.create(
            organisation=organisation,
            email=f"new-{organisation.slug}@example.org",
            name="Nieuwe Collega",
            role="trainee",
            token_hash=hash_token(f"token-{organisation.slug}"),
            invited_by=hr,
            expires_at=timezone.now() + timezone.timedelta(days=3),
        )
        world.objects[prefix + "failed_mail"] = OutgoingMail.objects.create(
            organisation=organisation,
            recipient=f"lost-{organisation.slug}@example.org",
            subject="Uitnodiging",
            body="Tekst",
            status=OutgoingMail.Status.FAILED,
            attempts=5,
        )
        world.objects[prefix + "data_copy"] = DataCopy.objects.create(
            person=p.users[("other_" if prefix else "") + "trainee"],
            requested_by=hr,
            organisation=organisation,
            status=DataCopy.Status.DONE,
            stored_name=default_storage.save("data-copies/world.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18)),
            file_name="traineeship-data.zip",
        )
        world.objects[prefix + "membership"] = Membership.objects.get(
            user=p.users[("other_" if prefix else "") + "trainee"], organisation=organisation
        )


def build_mentors(world: World) -> None:
    from tests.mentors.factories import (
        AgreementFactory,
        MeetingFactory,
        MentorProfileFactory,
        mentored_traineeship,
        record,
    )

    p = world.personas
    for prefix, organisation, people in [
        ("", p.organisation, ""),
        ("other:", p.other_organisation, "other_"),
    ]:
        mentor = p.users[people + "mentor"]
        # The programmes builder made the traineeship with its placement, mentor and manager.
        traineeship = world.objects.get(prefix + "traineeship") or mentored_traineeship(
            organisation, trainee=p.users[people + "trainee"], mentor=mentor, manager=p.users[people + "manager"]
        )
        world.objects[prefix + "traineeship"] = traineeship
        world.objects[prefix + "placement"] = traineeship.placements.get()
        world.objects[prefix + "mentor_profile"] = MentorProfileFactory(organisation=organisation, user=mentor)
        meeting = record(MeetingFactory(traineeship=traineeship), mentor, notes="Goed gesprek.", private_note="Privé")
        world.objects[prefix + "meeting"] = meeting
        world.objects[prefix + "agreement"] = AgreementFactory(meeting=meeting)
        locked = record(MeetingFactory(traineeship=traineeship, kind="kick_off"), mentor, notes="Kick-off.")
        locked.trainee_confirmed_at = locked.mentor_confirmed_at = locked.recorded_at
        locked.save()
        world.objects[prefix + "locked_meeting"] = locked


def build_programmes(world: World) -> None:
    """A social-work programme per organisation with a cohort, a traineeship of the persona trainee
    (placement with the persona manager and mentor; the persona coordinator coordinates), a framework,
    an inventory activity chosen for the traineeship and a competency in its profile."""
    from programmes.models import DevelopmentActivity, ProfileCompetency
    from tests.programmes.factories import (
        CohortFactory,
        CompetencyFactory,
        LearningActivityFactory,
        PlacementFactory,
        PositionProfileFactory,
        ProgrammeFactory,
        TraineeshipFactory,
    )

    p = world.personas
    for prefix, organisation, role_prefix in [("", p.organisation, ""), ("other:", p.other_organisation, "other_")]:
        users = {role: p.users[role_prefix + role] for role in ["hr", "manager", "mentor", "trainee", "coordinator"]}
        programme = ProgrammeFactory(owner=organisation, coordinator=users["coordinator"])
        competency = CompetencyFactory(framework=programme.framework)
        cohort = CohortFactory(programme=programme)
        traineeship = TraineeshipFactory(programme=programme, cohort=cohort, trainee=users["trainee"])
        placement = PlacementFactory(traineeship=traineeship, manager=users["manager"], mentor=users["mentor"])
        activity = LearningActivityFactory(organisation=organisation)
        activity.competencies.add(competency)
        chosen = DevelopmentActivity.objects.create(
            traineeship=traineeship,
            learning_activity=activity,
            title=activity.title,
            kind="formal",
            category="training",
        )
        profile = ProfileCompetency.objects.create(traineeship=traineeship, competency=competency, purpose="develop")
        world.objects.update(
            {
                prefix + "framework": programme.framework,
                prefix + "competency": competency,
                prefix + "programme": programme,
                prefix + "cohort": cohort,
                prefix + "traineeship": traineeship,
                prefix + "placement": placement,
                prefix + "learning_activity": activity,
                prefix + "development_activity": chosen,
                prefix + "profile_competency": profile,
                prefix + "position_profile": PositionProfileFactory(programme=programme, cohort=cohort),
            }
        )


def build_portfolios(world: World) -> None:
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from goals.models import LearningGoal
    from overview.models import OverviewExport
    from portfolios.models import Evidence, PortfolioExport
    from programmes.models import DevelopmentActivity
    from tests.portfolios.factories import traineeship_with_profile

    p = world.personas
    for prefix, organisation, other in [("", p.organisation, ""), ("other:", p.other_organisation, "other_")]:
        # Built by the programmes builder, with a profile, placement and mentor.
        traineeship = world.objects.get(prefix + "traineeship") or traineeship_with_profile(
            organisation, trainee=p.users[other + "trainee"], mentor=p.users[other + "mentor"]
        )
        world.objects[prefix + "traineeship"] = traineeship
        world.objects[prefix + "goal"] = LearningGoal.objects.create(
            traineeship=traineeship, title="Leerdoel", status=LearningGoal.Status.PROPOSED
        )
        world.objects[prefix + "activity"] = DevelopmentActivity.objects.create(
            traineeship=traineeship, title="Intervisie", kind="informal", category="intervision"
        )
        stored = default_storage.save("evidence/world.pdf", ContentFile(b"%PDF-1.4 world"))
        world.objects[prefix + "evidence"] = Evidence.objects.create(
            traineeship=traineeship,
            kind=Evidence.Kind.FILE,
            title="Certificaat",
            stored_name=stored,
            original_name="certificaat.pdf",
            content_type="application/pdf",
        )
        stored_zip = default_storage.save("exports/world.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18))
        world.objects[prefix + "export"] = PortfolioExport.objects.create(
            requested_by=p.users[other + "manager"],
            organisation=organisation,
            status=PortfolioExport.Status.DONE,
            stored_name=stored_zip,
        )
        stored_csv = default_storage.save("exports/overview-world.csv", ContentFile("\ufeffDeelnemer\r\n".encode()))
        world.objects[prefix + "overview_export"] = OverviewExport.objects.create(
            requested_by=p.users[other + "manager"],
            organisation=organisation,
            file_format=OverviewExport.Format.CSV,
            status=OverviewExport.Status.DONE,
            stored_name=stored_csv,
        )


def build_registers(world: World) -> None:
    """An SKJ register per organisation, with the persona trainee registered."""
    import datetime

    from programmes.models import Registration
    from programmes.registers import register_from_preset

    p = world.personas
    for prefix, organisation, hr in [("", p.organisation, p.hr), ("other:", p.other_organisation, p.other_hr)]:
        register = register_from_preset(organisation=organisation, preset="skj", by=hr)
        world.objects[prefix + "register"] = register
        world.objects[prefix + "registration"] = Registration.objects.create(
            traineeship=world[prefix + "traineeship"],
            register=register,
            number="100012345",
            registered_on=datetime.date(2024, 9, 1),
        )


def build_relations(world: World) -> None:
    """Relations that follow memberships and time (issue 10):

    * ``two_orgs``: a trainee in both organisations, with a traineeship and a private reflection in each;
    * a regional programme of the persona organisation with the other organisation as accepted partner
      and ``pending_partner`` invited but not accepted; its traineeship (``regional``) has a finished
      placement at the owner, past the grace period (mentored by the persona mentor), a current one
      at the partner (the other organisation's mentor and manager) and a later one at the pending partner;
    * ``former_mentor``: mentor of a current placement whose mentor role there was removed (they keep
      a mentor role in the other organisation, so they still sign in).
    """
    from datetime import timedelta

    from organisations.models import Organisation, Role
    from portfolios.models import Reflection
    from programmes.permissions import GRACE_DAYS
    from programmes.services import partner_answer, partner_invite
    from tests.organisations.factories import member
    from tests.programmes.factories import PlacementFactory, ProgrammeFactory, TraineeshipFactory

    p = world.personas
    today = timezone.localdate()

    two_orgs = member(p.organisation, Role.TRAINEE, email="twee@example.org", name="Twee Organisaties")
    Membership.objects.create(user=two_orgs, organisation=p.other_organisation, role=Role.TRAINEE)
    world.people["two_orgs"] = two_orgs
    for prefix, organisation in [("", p.organisation), ("other:", p.other_organisation)]:
        programme = world.objects[prefix + "programme"]
        traineeship = TraineeshipFactory(programme=programme, trainee=two_orgs, status="finished")
        PlacementFactory(traineeship=traineeship, organisation=organisation)
        Reflection.objects.create(traineeship=traineeship, text=f"Privé gedachte {organisation.slug}")
        world.objects[prefix + "two_orgs_traineeship"] = traineeship
    world.objects["two_orgs_membership"] = Membership.objects.get(user=two_orgs, organisation=p.organisation)

    pending = Organisation.objects.create(name="Wachtende Partner", slug="wachtend")
    world.objects["pending_partner"] = pending
    world.people["pending_hr"] = member(pending, Role.HR, email="hr@wachtend.example")
    regional = ProgrammeFactory(owner=p.organisation, kind="regional", coordinator=p.coordinator)
    world.objects["regional_programme"] = regional
    # The other organisation's HR accepted; the pending partner has not answered.
    accepted = partner_invite(programme=regional, organisation=p.other_organisation, by=p.hr)
    partner_answer(invitation=accepted, accept=True, by=p.other_hr)
    partner_invite(programme=regional, organisation=pending, by=p.hr)
    # A question to the persona organisation, from the other organisation's programme (for the URL matrix).
    world.objects["partner_invitation"] = partner_invite(
        programme=world.objects["other:programme"], organisation=p.organisation, by=p.other_hr
    )
    regional_trainee = member(p.organisation, Role.TRAINEE, email="regio@example.org")
    start = today - timedelta(days=300)
    traineeship = TraineeshipFactory(
        programme=regional, trainee=regional_trainee, start_date=start, end_date=start + timedelta(days=700)
    )
    ended = today - timedelta(days=GRACE_DAYS + 1)
    world.objects["finished_placement"] = PlacementFactory(
        traineeship=traineeship, organisation=p.organisation, start_date=start, end_date=ended, mentor=p.mentor
    )
    world.objects["partner_placement"] = PlacementFactory(
        traineeship=traineeship,
        organisation=p.other_organisation,
        start_date=ended + timedelta(days=1),
        end_date=today + timedelta(days=100),
        mentor=p.other_mentor,
        manager=p.other_manager,
    )
    PlacementFactory(
        traineeship=traineeship,
        organisation=pending,
        start_date=today + timedelta(days=101),
        end_date=start + timedelta(days=700),
    )
    world.objects["regional"] = traineeship

    former = member(p.other_organisation, Role.MENTOR, email="oud-mentor@example.org")
    Membership.objects.create(user=former, organisation=p.organisation, role=Role.MENTOR)
    formerly_mentored = TraineeshipFactory(
        programme=world.objects["programme"], trainee=member(p.organisation, Role.TRAINEE)
    )
    PlacementFactory(traineeship=formerly_mentored, organisation=p.organisation, mentor=former)
    Membership.objects.filter(user=former, organisation=p.organisation).delete()
    world.people["former_mentor"] = former
    world.objects["formerly_mentored"] = formerly_mentored


def build_group_activities(world: World) -> None:
    """A group activity of each cohort, with the persona trainee's attendance."""
    from programmes.models import DevelopmentDay, GroupAttendance

    for prefix in ("", "other:"):
        traineeship = world.objects[prefix + "traineeship"]
        session = DevelopmentDay.objects.create(
            cohort=world.objects[prefix + "cohort"], date=traineeship.start_date, topic="Intervisie", hours=3
        )
        GroupAttendance.objects.create(session=session, traineeship=traineeship, status="present")
        world.objects[prefix + "group_activity"] = session


def build_coaching(world: World) -> None:
    """The persona coach coaches the persona trainee's traineeship (the other organisation's coach the
    other one's), with a held session (``coaching_session``), a reflection shared with the coach and
    a private one; ``former_coach`` once coached it (``former_session``: their session, ended coaching)."""
    from datetime import timedelta

    from organisations.models import Role
    from portfolios.models import Reflection
    from tests.coaching.factories import CoachingFactory, CoachingSessionFactory, coached
    from tests.organisations.factories import member

    p = world.personas
    for prefix, other in [("", ""), ("other:", "other_")]:
        traineeship = world.objects[prefix + "traineeship"]
        coaching = coached(traineeship, p.users[other + "coach"])
        world.objects[prefix + "coaching"] = coaching
        world.objects[prefix + "coaching_session"] = coaching.sessions.order_by("date").first()
        Reflection.objects.create(traineeship=traineeship, text="Gedeeld met de coach", shared_with_coach=True)
        Reflection.objects.create(traineeship=traineeship, text="Alleen voor mij")
    former = member(p.organisation, Role.COACH, email="oud-coach@example.org")
    world.people["former_coach"] = former
    ended = CoachingFactory(
        traineeship=world.objects["traineeship"],
        coach=former,
        started_on=timezone.localdate() - timedelta(days=200),
        ended_on=timezone.localdate() - timedelta(days=20),
    )
    world.objects["former_session"] = CoachingSessionFactory(
        coaching=ended, date=timezone.localdate() - timedelta(days=60)
    )


BUILDERS = [
    build_organisations,
    build_programmes,
    build_registers,
    build_mentors,
    build_portfolios,
    build_relations,
    build_group_activities,
    build_coaching,
]


def build_privacy(world: World) -> None:
    """``erasable_membership``: a trainee of the persona organisation with no records yet, whose
    data HR may erase (the persona trainee's own traineeship blocks that)."""
    from organisations.models import Role
    from tests.organisations.factories import member

    person = member(world.personas.organisation, Role.TRAINEE, email="wisbaar@testdal.example", name="Wis Baar")
    world.objects["erasable_membership"] = Membership.objects.get(user=person, organisation=world.personas.organisation)


BUILDERS.append(build_privacy)
