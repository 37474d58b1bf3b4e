"""What a trainee shares with their coach, contributed from above.

Coaching cannot read the portfolio (a sibling app); ``overview`` registers a provider that
returns the items the trainee marked "share with my coach", and the coach's page shows only
what the providers return.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class SharedItem:
    day: date
    text: str
    title: str = ""


@dataclass(frozen=True)
class SharedGroup:
    label: str
    items: list[SharedItem] = field(default_factory=list)


PROVIDERS: list[Callable] = []


def register_provider(provider: Callable) -> None:
    """``provider(traineeship) -> SharedGroup``: only what the trainee shared with the coach."""
    if provider not in PROVIDERS:
        PROVIDERS.append(provider)


def shared_with_coach(traineeship) -> list[SharedGroup]:
    return [provider(traineeship) for provider in PROVIDERS]
