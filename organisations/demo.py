"""Demo organisations and accounts (see DESIGN.md, "Contracts").

Idempotent: running it again finds what exists and adds only what is missing.
"""

import random
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from organisations.models import Membership, Organisation, Role, User

DEMO_PASSWORD = "demo-traineeship"

ORGANISATIONS = [
    ("zonnedal", "Welzijn Zonnedal", Organisation.Kind.SOCIAL_WORK),
    ("buurtkracht", "Buurtkracht Noord", Organisation.Kind.SOCIAL_WORK),
]

NAMES = {
    "zonnedal": {
        Role.HR: "Henk de Vries",
        Role.MANAGER: "Marieke Jansen",
        Role.MENTOR: "Mohamed El Amrani",
        Role.TRAINEE: "Tess Bakker",
        Role.COORDINATOR: "Corinne Smit",
        Role.COACH: "Karin Coster",
    },
    "buurtkracht": {
        Role.HR: "Hanneke Visser",
        Role.MANAGER: "Martijn de Boer",
        Role.MENTOR: "Mirjam Mulder",
        Role.TRAINEE: "Thijs Meijer",
        Role.COORDINATOR: "Cees Bos",
        Role.COACH: "Koen Brink",
    },
}

FIRST_NAMES = ["Sanne", "Daan", "Fleur", "Lars", "Noor", "Bram", "Yara", "Sem", "Lotte", "Milan", "Aïsha", "Jesse"]
LAST_NAMES = ["de Jong", "van Dijk", "Peters", "Hendriks", "Dekker", "Brouwer", "Yılmaz", "van Leeuwen", "Kok", "Vos"]


# A mentor guides a handful of trainees: the extra trainees of ``demo --trainees N`` get mentors of
# their own at this rate, so a large organisation looks like one (hundreds of mentors, not one
# mentor with thousands of mentees).
TRAINEES_PER_MENTOR = 8


@dataclass
class DemoContext:
    """What each app's demo loader needs: the organisations, the role accounts, the extra trainees
    and their mentors (``extra_mentors[slug][i // TRAINEES_PER_MENTOR]`` guides extra trainee ``i``),
    and ``password``: the demo password hashed once (a hash takes the better part of a second)."""

    organisations: dict[str, Organisation]
    accounts: dict[tuple[str, str], User]
    password: str = ""
    extra_trainees: dict[str, list[User]] = field(default_factory=dict)
    extra_mentors: dict[str, list[User]] = field(default_factory=dict)
    rng: random.Random = field(default_factory=lambda: random.Random(2026))
    today: date = field(default_factory=lambda: timezone.localdate())

    def account(self, slug: str, role: Role) -> User:
        return self.accounts[(slug, role)]


def demo_email(role: str, slug: str) -> str:
    return f"{role}@{slug}.example"


# Accent colour (readable on white) and logo colour per demo organisation.
BRANDS = {"zonnedal": "#8a4b00", "buurtkracht": "#1f6e43"}


def _brand(organisation: Organisation, colour: str) -> None:
    """A simple generated logo (a disc with the initial and the name) and the accent colour."""
    import io

    from django.core.files.base import ContentFile
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (720, 200), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 190, 190), fill=colour)
    font = ImageFont.load_default(size=110)
    draw.text((100, 100), organisation.name[0], fill="white", font=font, anchor="mm")
    draw.text((215, 100), organisation.name, fill=colour, font=ImageFont.load_default(size=56), anchor="lm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    organisation.accent_colour = colour
    organisation.logo.save("logo.png", ContentFile(buffer.getvalue()), save=True)


def load(*, trainees: int = 0) -> DemoContext:
    password = make_password(DEMO_PASSWORD)
    organisations = {}
    accounts = {}
    for slug, name, kind in ORGANISATIONS:
        organisation, _ = Organisation.objects.get_or_create(slug=slug, defaults={"name": name, "kind": kind})
        if not organisation.logo:
            _brand(organisation, BRANDS[slug])
        organisations[slug] = organisation
        for role in Role:
            user, created = User.objects.get_or_create(
                email=demo_email(role, slug),
                defaults={"name": NAMES[slug][role], "password": password, "language": "nl"},
            )
            Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
            accounts[(slug, role)] = user
    context = DemoContext(organisations=organisations, accounts=accounts, password=password)
    add_extra_trainees(context, trainees)
    return context


def add_extra_trainees(context: DemoContext, trainees: int) -> None:
    """``trainees`` more trainee accounts and their mentors, for the loaders' bulk part."""
    context.extra_trainees = _extra_trainees(context.organisations, trainees, context.password)
    context.extra_mentors = _extra_mentors(context.organisations, context.extra_trainees, context.password)


def extra_mentor_of(context: DemoContext, slug: str, number: int) -> User:
    """The mentor of the ``number``-th extra trainee of ``slug`` (counting from 0)."""
    return context.extra_mentors[slug][number // TRAINEES_PER_MENTOR]


def _extra_trainees(organisations: dict[str, Organisation], count: int, password: str) -> dict[str, list[User]]:
    """``count`` more trainee accounts, spread over the organisations, created in bulk."""
    slugs = list(organisations)
    wanted = {slug: [] for slug in slugs}
    for number in range(1, count + 1):
        slug = slugs[number % len(slugs)]
        wanted[slug].append(f"trainee{number:05d}@{slug}.example")
    return _bulk_accounts(organisations, wanted, Role.TRAINEE, password)


def _extra_mentors(organisations, extra_trainees: dict[str, list[User]], password: str) -> dict[str, list[User]]:
    """One mentor account per ``TRAINEES_PER_MENTOR`` extra trainees of each organisation, in bulk."""
    wanted = {
        slug: [f"mentor{m:03d}@{slug}.example" for m in range(1, -(-len(group) // TRAINEES_PER_MENTOR) + 1)]
        for slug, group in extra_trainees.items()
    }
    return _bulk_accounts(organisations, wanted, Role.MENTOR, password, name_offset=3)


def _bulk_accounts(organisations, wanted: dict[str, list[str]], role: Role, password: str, name_offset: int = 0):
    """The accounts ``wanted`` (e-mail addresses per organisation) with ``role`` there, made in bulk
    where missing; returns them per organisation in the order asked."""
    emails = [email for group in wanted.values() for email in group]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    new_users = []
    for number, email in enumerate(emails, start=name_offset):
        if email not in existing:
            name = (
                f"{FIRST_NAMES[number % len(FIRST_NAMES)]} {LAST_NAMES[(number // len(FIRST_NAMES)) % len(LAST_NAMES)]}"
            )
            new_users.append(User(email=email, name=name, password=password, language="nl"))
    User.objects.bulk_create(new_users, batch_size=1000)
    users = {user.email: user for user in User.objects.filter(email__in=emails)}
    member_ids = set(Membership.objects.filter(user__email__in=emails, role=role).values_list("user_id", flat=True))
    Membership.objects.bulk_create(
        [
            Membership(user=users[email], organisation=organisations[slug], role=role)
            for slug, group in wanted.items()
            for email in group
            if users[email].pk not in member_ids
        ],
        batch_size=1000,
    )
    return {slug: [users[email] for email in group] for slug, group in wanted.items()}
