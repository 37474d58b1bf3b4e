"""A populated world for scoped tests: objects of every kind in two organisations.

Each app adds a builder that creates its objects for ``world.personas.organisation``
(named ``"<name>"``) and the same for the other organisation (``"other:<name>"``),
so the URL matrix can build every URL with an object in it.
"""

from django.utils import timezone

from organisations.models import Invitation, Membership, hash_token


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
        traineeship = mentored_traineeship(
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


BUILDERS = [build_organisations, build_mentors]
