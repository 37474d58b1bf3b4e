"""Who may read what, as named rules: the views check them and the privacy page lists them.

Each app states its rules in its own ``permissions.py`` and registers the ones about a
person's data with ``register``; ``/organisation/privacy/`` prints every registered rule,
so the page says exactly what the views do. Rules of this app are about an organisation's
people: who sees the people list (and so names, e-mail addresses and roles) and the audit trail.
"""

from dataclasses import dataclass

from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from organisations.models import Role

# Roles that see an organisation's people and their roles (``MembershipQuerySet.visible_to``).
PEOPLE_READERS = (Role.HR, Role.MANAGER)
# Roles that read an organisation's audit trail (``AuditEntryQuerySet.visible_to``, the trail page).
AUDIT_READERS = (Role.HR, Role.MANAGER)


@dataclass(frozen=True)
class ReadRule:
    """Who reads one kind of data about a person.

    ``readers`` are relations to a traineeship (``programmes.permissions.Relation``) or roles in
    the person's organisation (``Role``); ``allows`` answers for a set of them.
    """

    key: str
    position: int
    data: str
    purpose: str
    readers: tuple
    note: str = ""

    def allows(self, relations) -> bool:
        return any(reader in relations for reader in self.readers)

    def reader_labels(self) -> list[str]:
        return [str(reader.label) for reader in self.readers]


def _formatted(text: str, params: dict) -> str:
    return gettext(text) % params


# A translated text with values filled in, translated when shown (in the reader's language).
lazy_format = lazy(_formatted, str)

RULES: dict[str, ReadRule] = {}


def register(rule: ReadRule) -> ReadRule:
    RULES[rule.key] = rule
    return rule


def privacy_rules() -> list[ReadRule]:
    """Every registered rule, in the order the privacy page shows them."""
    return sorted(RULES.values(), key=lambda rule: rule.position)


ACCOUNT = register(
    ReadRule(
        "account",
        10,
        _("Name, e-mail address, language and roles"),
        _("To sign in and to send you reminders"),
        PEOPLE_READERS,
        _("Only of the organisation where you have the role; another organisation sees none of it."),
    )
)

AUDIT_TRAIL = register(
    ReadRule(
        "audit_trail",
        90,
        _("Audit trail of important acts"),
        _("Accountability: who approved, signed, downloaded or erased what"),
        AUDIT_READERS,
        _("Of the organisation where the act took place."),
    )
)
