"""A populated world for scoped tests: objects of every kind in two organisations.

Each app adds a builder that creates its objects for ``world.personas.organisation``
(named ``"<name>"``) and the same for the other organisation (``"other:<name>"``),
so the URL matrix can build every URL with an object in it.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from organisations.models import DataCopy, Invitation, Membership, OutgoingMail, hash_token


class World:
    def __init__(self, personas):
        self.personas = personas
        self.objects = {}
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
            }
        )


def build_portfolios(world: World) -> None:
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from portfolios.models import Evidence, PortfolioExport
    from programmes.models import DevelopmentActivity, LearningGoal
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


BUILDERS = [build_organisations, build_programmes, build_registers, build_mentors, build_portfolios]
