"""Who a sign-in attempt counts against, for the throttle (django-axes)."""


def throttle_username(request, credentials=None) -> str:
    """The account a sign-in attempt counts against: the e-mail address, stripped and case-folded."""
    source = credentials if credentials else getattr(request, "POST", {})
    return str(source.get("username") or "").strip().casefold()
