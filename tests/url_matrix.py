"""Expected answers per URL name and actor, for GET and POST.

Every named URL in the URLconf must have a row here: ``test_url_matrix`` fails when
a new view has none. Actors are the five roles of the object's organisation, the
same roles in another organisation (``other_<role>``) and ``anonymous``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = ["hr", "manager", "mentor", "trainee", "coordinator"]
ACTORS = ["anonymous", *ROLES, *[f"other_{role}" for role in ROLES]]
LOGIN = 302  # anonymous visitors are sent to the sign-in page


@dataclass
class Row:
    get: dict[str, int]
    post: dict[str, int] | None = None
    kwargs: Callable = field(default=lambda world: {})
    # POST data for the matrix (an empty form unless given).
    data: Callable = field(default=lambda world: {})


def by_role(inside: dict[str, int], *, outside: dict[str, int] | None = None, anonymous: int = LOGIN) -> dict:
    """Expand per-role answers to every actor; ``outside`` defaults to the same as inside."""
    outside = inside if outside is None else outside
    answers = {"anonymous": anonymous}
    for role in ROLES:
        answers[role] = inside[role]
        answers[f"other_{role}"] = outside[role]
    return answers


def everyone(status: int = 200, anonymous: int = LOGIN) -> dict:
    return by_role(dict.fromkeys(ROLES, status), anonymous=anonymous)


def only(*roles: str, ok: int = 200, denied: int = 403, outsider_ok: int | None = None) -> dict:
    """Roles in ``roles`` get ``ok``; the rest 403. For object URLs pass ``outsider_ok=404``:
    the same role in another organisation cannot see the object."""
    inside = {role: ok if role in roles else denied for role in ROLES}
    outside = {role: (ok if outsider_ok is None else outsider_ok) if role in roles else denied for role in ROLES}
    return by_role(inside, outside=outside)


def in_scope(allowed, ok: int = 200, denied: int = 403, outside: int = 404) -> dict:
    """An object URL: ``allowed`` roles inside get ``ok``, other roles inside ``denied``, everyone outside 404."""
    allowed = ROLES if allowed == "all" else allowed
    return by_role({role: ok if role in allowed else denied for role in ROLES}, outside=dict.fromkeys(ROLES, outside))


def _traineeship(world):
    return {"pk": world["traineeship"].pk}


def _pk(name):
    return lambda world: {"pk": world[name].pk}


# URL names that are not product pages (Django's admin has its own checks) or
# are tested elsewhere, with the reason.
SKIPPED_PREFIXES = ("admin:",)

ROWS: dict[str, Row] = {
    "home": Row(get=everyone()),
    "accessibility": Row(get=everyone(anonymous=200)),
    "set_language": Row(get=everyone(405, anonymous=405), post=everyone(302, anonymous=302)),
    # django.contrib.auth
    "login": Row(get=everyone(200, anonymous=200)),
    "logout": Row(get=everyone(405), post=everyone(302, anonymous=302)),
    "password_change": Row(get=everyone()),
    "password_change_done": Row(get=everyone()),
    "password_reset": Row(get=everyone(anonymous=200)),
    "password_reset_done": Row(get=everyone(anonymous=200)),
    "password_reset_confirm": Row(
        get=everyone(anonymous=200), kwargs=lambda world: {"uidb64": "MQ", "token": "set-password"}
    ),
    "password_reset_complete": Row(get=everyone(anonymous=200)),
    # organisations
    "organisations:people": Row(get=only("hr"), post=only("hr")),
    "organisations:invite": Row(get=only("hr"), post=only("hr")),
    "organisations:invitation_revoke": Row(
        get=only("hr", ok=405, denied=405, outsider_ok=405) | {"anonymous": 302},
        post=only("hr", ok=302, outsider_ok=404),
        kwargs=lambda world: {"pk": world["invitation"].pk},
    ),
    "organisations:membership_remove": Row(
        get=only("hr", ok=405, denied=405, outsider_ok=405) | {"anonymous": 302},
        post=only("hr", ok=302, outsider_ok=404),
        kwargs=lambda world: {"pk": world["membership"].pk},
    ),
    "organisations:invitation_accept": Row(
        # An unknown or used link is a 404 for everyone; the real token is tested apart.
        get=everyone(404, anonymous=404),
        kwargs=lambda world: {"token": "not-a-real-token"},
    ),
    "organisations:switch": Row(get=everyone(405), post=everyone(302)),
    "organisations:profile": Row(get=everyone(), post=everyone(200)),
    # portfolios
    "portfolios:mine": Row(
        get=by_role(
            {r: 302 if r == "trainee" else 200 for r in ROLES},
            outside={r: 302 if r == "trainee" else 200 for r in ROLES},
        )
    ),
    "portfolios:portfolio": Row(get=in_scope("all"), kwargs=_traineeship),
    "portfolios:self_evaluations": Row(get=in_scope("all"), kwargs=_traineeship),
    "portfolios:self_evaluation_edit": Row(
        get=in_scope(["trainee"]),
        post=in_scope(["trainee"]),
        kwargs=lambda world: {"pk": world["traineeship"].pk, "moment": "start"},
    ),
    "portfolios:goals": Row(get=in_scope("all"), kwargs=_traineeship),
    "portfolios:goal_create": Row(get=in_scope(["trainee"]), post=in_scope(["trainee"]), kwargs=_traineeship),
    "portfolios:goal_edit": Row(
        get=in_scope(["trainee", "mentor"]), post=in_scope(["trainee", "mentor"]), kwargs=_pk("goal")
    ),
    "portfolios:goal_approve": Row(get=in_scope(["mentor"]), post=in_scope(["mentor"]), kwargs=_pk("goal")),
    "portfolios:goal_progress": Row(
        get=in_scope(["trainee", "mentor"]), post=in_scope(["trainee", "mentor"]), kwargs=_pk("goal")
    ),
    "portfolios:activities": Row(get=in_scope("all"), kwargs=_traineeship),
    "portfolios:activity_create": Row(get=in_scope(["trainee"]), post=in_scope(["trainee"]), kwargs=_traineeship),
    "portfolios:activity_edit": Row(get=in_scope(["trainee"]), post=in_scope(["trainee"]), kwargs=_pk("activity")),
    "portfolios:evidence": Row(get=in_scope("all"), kwargs=_traineeship),
    "portfolios:evidence_create": Row(get=in_scope(["trainee"]), post=in_scope(["trainee"]), kwargs=_traineeship),
    "portfolios:evidence_download": Row(get=in_scope("all"), post=everyone(405), kwargs=_pk("evidence")),
    "portfolios:reflections": Row(get=in_scope("all"), post=in_scope(["trainee"]), kwargs=_traineeship),
    "portfolios:feedback": Row(get=in_scope("all"), kwargs=_traineeship),
    "portfolios:feedback_request": Row(get=in_scope(["trainee"]), post=in_scope(["trainee"]), kwargs=_traineeship),
    "portfolios:feedback_give": Row(
        # An unknown, used or expired link is a 404 for everyone; the real token is tested apart.
        get=everyone(404, anonymous=404),
        post=everyone(404, anonymous=404),
        kwargs=lambda world: {"token": "not-a-real-token"},
    ),
    "portfolios:final_evaluation": Row(get=in_scope("all"), post=in_scope(["trainee", "mentor"]), kwargs=_traineeship),
    "portfolios:final_evaluation_sign": Row(
        get=everyone(405), post=in_scope(["trainee", "mentor"], ok=302), kwargs=_traineeship
    ),
    # Not signed in the world, so HR is sent back to the evaluation.
    "portfolios:final_evaluation_reopen": Row(
        get=in_scope(["hr"], ok=302), post=in_scope(["hr"], ok=302), kwargs=_traineeship
    ),
    "portfolios:final_evaluation_pdf": Row(get=in_scope("all"), post=everyone(405), kwargs=_traineeship),
    "portfolios:portfolio_pdf": Row(get=in_scope("all"), post=everyone(405), kwargs=_traineeship),
    "portfolios:exports": Row(get=only("hr", "manager"), post=only("hr", "manager")),
    # An export is seen only by the person who asked for it.
    "portfolios:export_detail": Row(
        get=by_role(
            {"hr": 404, "manager": 200, "mentor": 403, "trainee": 403, "coordinator": 403},
            outside={"hr": 404, "manager": 404, "mentor": 403, "trainee": 403, "coordinator": 403},
        ),
        kwargs=_pk("export"),
    ),
    "portfolios:export_download": Row(
        get=by_role(
            {"hr": 404, "manager": 200, "mentor": 403, "trainee": 403, "coordinator": 403},
            outside={"hr": 404, "manager": 404, "mentor": 403, "trainee": 403, "coordinator": 403},
        ),
        post=everyone(405),
        kwargs=_pk("export"),
    ),
}
