"""What each app's ``<app>.privacy`` module offers the ``privacy`` app, which finds them itself
(see ``privacy.sections``): no app is listed by name, and a new app only adds its module."""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from organisations.privacy import Scope


@runtime_checkable
class PrivacySection(Protocol):
    """One app's part of a person's data. A module with these functions is one (structural typing)."""

    def personal_data(self, scope: "Scope") -> dict:
        """The person's records in ``scope`` for the JSON copy, keyed by this app's section names."""

    def files(self, scope: "Scope") -> Iterable[tuple[str, bytes]]:
        """Files for the ZIP copy: (path in the archive, content)."""

    def erasure_blockers(self, scope: "Scope") -> list[str]:
        """Why the records may not be erased yet (a legal term still running); empty when they may."""

    def erasure_summary(self, scope: "Scope") -> list[str]:
        """What an erasure would do, in lines HR reads before confirming."""

    def erase(self, scope: "Scope") -> None:
        """Erase or anonymise the person's records in ``scope``."""

    def purge_traineeship(self, traineeship) -> None:
        """Clean up what deleting the traineeship row leaves behind (files) when its retention term ends."""
