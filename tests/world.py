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


def build_portfolios(world: World) -> None:
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from portfolios.models import Evidence, PortfolioExport
    from programmes.models import DevelopmentActivity, LearningGoal
    from tests.portfolios.factories import traineeship_with_profile

    p = world.personas
    for prefix, organisation, other in [("", p.organisation, ""), ("other:", p.other_organisation, "other_")]:
        traineeship = traineeship_with_profile(
            organisation, trainee=p.users[other + "trainee"], mentor=p.users[other + "mentor"]
        )
        world.objects[prefix + "traineeship"] = traineeship
        world.objects[prefix + "goal"] = LearningGoal.objects.create(traineeship=traineeship, title="Leerdoel")
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


BUILDERS = [build_organisations, build_portfolios]
