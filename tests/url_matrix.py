"""Expected answers per URL name and actor, for GET and POST.

Every named URL in the URLconf must have a row here: ``test_url_matrix`` fails when
a new view has none. Actors are the five roles of the object's organisation, the
same roles in another organisation (``other_<role>``), ``anonymous``, and the coach of
the world's traineeship in each organisation (``coach``, ``other_coach``).
"""

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import F, Q

ROLES = ["hr", "manager", "mentor", "trainee", "coordinator"]
COACHES = ["coach", "other_coach"]
ACTORS = ["anonymous", *ROLES, *[f"other_{role}" for role in ROLES], *COACHES]
LOGIN = 302  # anonymous visitors are sent to the sign-in page


@dataclass
class Row:
    get: dict[str, int]
    post: dict[str, int] | None = None
    kwargs: Callable = field(default=lambda world: {})
    # POST data for the matrix (an empty form unless given). Write views get VALID data.
    data: Callable = field(default=lambda world: {})
    # For write views: ``changed(world)`` is true once a POST took effect. The matrix asks it
    # after every POST that got the expected 2xx/3xx from an actor allowed to write (an actor
    # whose expected answer is 403/404/405 or a sign-in redirect must leave it false).
    changed: Callable | None = None


def by_role(inside: dict[str, int], *, outside: dict[str, int] | None = None, anonymous: int = LOGIN) -> dict:
    """Expand per-role answers to every actor; ``outside`` defaults to the same as inside."""
    outside = inside if outside is None else outside
    answers = {"anonymous": anonymous}
    for role in ROLES:
        answers[role] = inside[role]
        answers[f"other_{role}"] = outside[role]
    # A coach holds only the coach role: no relation to any traineeship's own pages, so they answer
    # as a trainee of another organisation does; the coaching rows say what the coach reaches.
    answers["coach"] = answers["other_coach"] = outside["trainee"]
    return answers


def everyone(status: int = 200, anonymous: int = LOGIN) -> dict:
    return by_role(dict.fromkeys(ROLES, status), anonymous=anonymous)


def only(*roles: str, ok: int = 200, denied: int = 403, outsider_ok: int | None = None) -> dict:
    """Roles in ``roles`` get ``ok``; the rest 403. For object URLs pass ``outsider_ok=404``:
    the same role in another organisation cannot see the object."""
    inside = {role: ok if role in roles else denied for role in ROLES}
    outside = {role: (ok if outsider_ok is None else outsider_ok) if role in roles else denied for role in ROLES}
    return by_role(inside, outside=outside)


# An object in the persona's organisation is not visible to anyone in the other one.
_OUTSIDE_404 = {f"other_{role}": 404 for role in ROLES}
# Nor to a coach: a coach reaches only the coaching pages of the traineeship they coach.
_OUTSIDE_404 |= {"coach": 404, "other_coach": 404}


def managers_only(ok: int = 200) -> dict:
    """Objects every role of the organisation sees, that only HR and the coordinator change; 404 outside."""
    inside = {role: ok if role in ("hr", "coordinator") else 403 for role in ROLES}
    return by_role(inside, outside=dict.fromkeys(ROLES, 404))


def seen_inside(status: int = 200) -> dict:
    """Everyone in the organisation sees it; another organisation gets 404."""
    return by_role(dict.fromkeys(ROLES, status), outside=dict.fromkeys(ROLES, 404))


POST_ONLY = everyone(405)
# A file made in the background for the manager who asked (the world's exports): only they reach it;
# HR of the same organisation gets 404 like everyone outside, the other roles 403 (no export pages).
_REQUESTED_BY_MANAGER = by_role(
    {"hr": 404, "manager": 200, "mentor": 403, "trainee": 403, "coordinator": 403},
    outside={"hr": 404, "manager": 404, "mentor": 403, "trainee": 403, "coordinator": 403},
)


def in_scope(allowed, ok: int = 200, denied: int = 403, outside: int = 404) -> dict:
    """An object URL: ``allowed`` roles inside get ``ok``, other roles inside ``denied``, everyone outside 404."""
    allowed = ROLES if allowed == "all" else allowed
    return by_role({role: ok if role in allowed else denied for role in ROLES}, outside=dict.fromkeys(ROLES, outside))


def _no_kwargs(world):
    return {}


def _traineeship(world):
    return {"pk": world["traineeship"].pk}


def _pk(name):
    return lambda world: {"pk": world[name].pk}


def _reflection(world):
    """A reflection of the world's trainee, made when a row needs it."""
    from portfolios.models import Reflection

    reflection, _created = Reflection.objects.get_or_create(traineeship=world["traineeship"], text="Reflectie")
    return {"pk": reflection.pk}


def _worker_beats():
    """A task worker has just beaten, as in a running deployment; the URL takes no arguments."""
    from django.utils import timezone

    from operations.models import WorkerHeartbeat

    WorkerHeartbeat.objects.update_or_create(worker_id="matrix", defaults={"beat_at": timezone.now()})
    return {}


# The values of each shown form, fetched once per test (``forget_shown_forms``): every actor posts
# into its own rolled-back savepoint of the same world, so the page shows every actor the same form,
# unless a row's setup ran first (``after``), whose rows the form then reflects.
_shown_forms: dict[tuple, dict] = {}
_setup_ran = False


def forget_shown_forms() -> None:
    _shown_forms.clear()


def shown_form(
    url_name: str,
    kwargs: Callable,
    role: str,
    *,
    page: str | tuple | None = None,
    more: Callable | None = None,
    **changes,
) -> Callable:
    """Valid POST data for a write view: what ``role`` sees in the page's own form (hidden
    version included), its empty required fields filled as a person would (the first real option
    of a required choice, a plausible date, number or text), with ``changes`` (a value, a list of
    values, a callable of the world giving one, or None to leave the field out, as for a second
    submit button), and ``more(world)``: changes whose names depend on the world. The form is the one
    on the page ``page`` (a URL name with the view's kwargs, or a (name, kwargs) pair; default the
    view's own page) that posts to the view. The matrix posts it as every actor."""

    def data(world) -> dict:
        from django.test import Client
        from django.urls import reverse

        from tests.crawling import parse
        from tests.quality.forms import valid_values

        url = reverse(url_name, kwargs=kwargs(world))
        page_name, page_kwargs = page if isinstance(page, tuple) else (page or url_name, kwargs)
        shown_at = reverse(page_name, kwargs=page_kwargs(world))
        key = (role, shown_at, url)
        if key not in _shown_forms or _setup_ran:
            client = Client()
            client.force_login(world.personas.users[role])
            _links, forms = parse(client.get(shown_at).content.decode(), shown_at)
            form = next(form for form in forms if form.method == "post" and form.action.split("?")[0] == url)
            _shown_forms[key] = valid_values(form)
        values = copy.deepcopy(_shown_forms[key])
        for name, value in (changes | (more(world) if more else {})).items():
            value = value(world) if callable(value) else value
            if value is None:
                values.pop(name, None)
            else:
                values[name] = [str(item) for item in value] if isinstance(value, list) else [str(value)]
        return values

    return data


def fresh(obj):
    """``obj`` as the database holds it now."""
    return type(obj).objects.filter(pk=obj.pk).first()


def gone(name: str) -> Callable:
    """``changed`` for a delete: the world's object ``name`` no longer exists."""
    return lambda world: fresh(world[name]) is None


def exists(model: str, **filters) -> Callable:
    """``changed`` for a create: a row of ``model`` ("app.Model") matching ``filters`` exists."""

    def check(world) -> bool:
        from django.apps import apps

        return apps.get_model(model).objects.filter(**filters).exists()

    return check


def merged(*datas: Callable) -> Callable:
    """POST data of several roles' forms at once (each role's fields; the view takes the poster's)."""

    def data(world) -> dict:
        values = {}
        for one in datas:
            values |= one(world)
        return values

    return data


def after(setup: Callable, data: Callable) -> Callable:
    """``data`` once ``setup(world)`` ran: inside the POST's rolled-back savepoint, so no other row sees it."""

    def prepared(world) -> dict:
        global _setup_ran
        setup(world)
        _setup_ran = True
        try:
            return data(world)
        finally:
            _setup_ran = False

    return prepared


def _second_mentor(world):
    """A second mentor in the organisation, to hand a placement over to."""
    from organisations.models import Role, User
    from tests.organisations.factories import member

    email = "tweede-mentor@testdal.example"
    return User.objects.filter(email=email).first() or member(world.personas.organisation, Role.MENTOR, email=email)


def _spare_activity(world):
    """An inventory activity the world's traineeship has not chosen yet."""
    from competencies.models import LearningActivity

    return LearningActivity.objects.get_or_create(
        organisation=world.personas.organisation, title="Matrix-inventarisactiviteit", defaults={"kind": "formal"}
    )[0]


def _written_evaluation(world):
    """The final evaluation written by the trainee and the mentor, not signed yet."""
    from portfolios.models import FinalEvaluation

    FinalEvaluation.objects.update_or_create(
        traineeship=world["traineeship"],
        defaults={"trainee_development": "Veel geleerd", "mentor_development": "Gegroeid"},
    )


def _shorter_placement(world):
    """The world's placement ends halfway, leaving room for a second one."""
    type(world["placement"]).objects.filter(pk=world["placement"].pk).update(end_date="2027-04-30")


def _spare_competency(world):
    """A competency of the world's framework that nothing uses yet, so it may be deleted."""
    from competencies.models import Competency

    competency, _created = Competency.objects.get_or_create(
        framework=world["framework"], code="MX-VRIJ", defaults={"name": "Ongebruikte competentie"}
    )
    return {"pk": competency.pk}


def _signed_evaluation(world):
    """The final evaluation signed by both, so HR may reopen it."""
    from django.utils import timezone

    from portfolios.models import FinalEvaluation

    FinalEvaluation.objects.update_or_create(
        traineeship=world["traineeship"],
        defaults={"trainee_signed_at": timezone.now(), "mentor_signed_at": timezone.now()},
    )


def _near_the_end(world):
    """The world's traineeship two weeks before its end."""
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    type(world["traineeship"]).objects.filter(pk=world["traineeship"].pk).update(
        start_date=today - timedelta(days=350), end_date=today + timedelta(days=14)
    )


def _framework_csv(world) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {"file": SimpleUploadedFile("kader.csv", b"code,name\nMX9,Matrix-geimporteerd\n", content_type="text/csv")}


def _count_above(model: str, number: int) -> Callable:
    """``changed`` for a create where the world already holds ``number`` rows of ``model``."""

    def check(world) -> bool:
        from django.apps import apps

        return apps.get_model(model).objects.count() > number

    return check


def _coaches(status: int) -> dict:
    return dict.fromkeys(["coach", "other_coach"], status)


def _session_readers(ok: int) -> dict:
    """A coaching session: its trainee and coach; for everyone else it does not exist."""
    return by_role(dict.fromkeys(ROLES, 404) | {"trainee": ok}, outside=dict.fromkeys(ROLES, 404)) | {"coach": ok}


def _proposal(world):
    """The trainee proposed another coach (the world's former coach), waiting for HR."""
    from coaching.models import Coaching

    Coaching.objects.get_or_create(
        traineeship=world["traineeship"], coach=world.people["former_coach"], started_on=None, ended_on=None
    )
    return {"pk": world["traineeship"].pk}


_SESSION = {
    "date": "2026-12-10",
    "start_time": "14:00",
    "duration_minutes": 60,
    "mode": "online",
    "location": "https://meet.example.org/coaching",
}


# URL names that are not product pages (Django's admin has its own checks) or
# are tested elsewhere, with the reason.
SKIPPED_PREFIXES = ("admin:",)

ROWS: dict[str, Row] = {
    "home": Row(get=everyone()),
    "accessibility": Row(get=everyone(anonymous=200)),
    # For the load balancer, signed in or not (tests/operations/test_health.py covers the 503s).
    "health": Row(
        get=everyone(200, anonymous=200), post=everyone(405, anonymous=405), kwargs=lambda world: _worker_beats()
    ),
    # Sets the language cookie: nothing in the database to check (tests/organisations cover the cookie).
    "set_language": Row(get=everyone(405, anonymous=405), post=everyone(302, anonymous=302)),
    # django.contrib.auth
    "login": Row(get=everyone(200, anonymous=200)),
    # Ends the poster's own session: nothing the world holds changes.
    "logout": Row(get=everyone(405), post=everyone(302, anonymous=302)),
    "password_change": Row(get=everyone()),
    "password_change_done": Row(get=everyone()),
    "password_reset": Row(get=everyone(anonymous=200)),
    "password_reset_done": Row(get=everyone(anonymous=200)),
    "password_reset_confirm": Row(
        get=everyone(anonymous=200), kwargs=lambda world: {"uidb64": "MQ", "token": "set-password"}
    ),
    "password_reset_complete": Row(get=everyone(anonymous=200)),
    # signin (our sign-in page under allauth's names, provider callbacks, allauth's two-factor pages).
    # Two-factor changes need a recent re-authentication: a forced login gets a redirect (302) to it;
    # the pages themselves are tested through the views in tests/signin.
    "account_login": Row(get=everyone(200, anonymous=200)),
    # Ends the poster's own session, or (re-authentication) marks it: nothing the world holds changes.
    "account_logout": Row(get=everyone(405), post=everyone(302, anonymous=302)),
    "account_reauthenticate": Row(get=everyone(), post=everyone()),
    "openid_connect_login": Row(
        get=everyone(404, anonymous=404),
        post=everyone(404, anonymous=404),
        kwargs=lambda world: {"provider_id": "org-unknown"},
    ),
    "openid_connect_callback": Row(
        get=everyone(404, anonymous=404),
        post=everyone(404, anonymous=404),
        kwargs=lambda world: {"provider_id": "org-unknown"},
    ),
    "saml_login": Row(
        get=everyone(404, anonymous=404),
        post=everyone(404, anonymous=404),
        kwargs=lambda world: {"organization_slug": "org-unknown"},
    ),
    "saml_acs": Row(
        get=everyone(404, anonymous=404),
        post=everyone(404, anonymous=404),
        kwargs=lambda world: {"organization_slug": "org-unknown"},
    ),
    "saml_finish_acs": Row(
        get=everyone(404, anonymous=404),
        post=everyone(404, anonymous=404),
        kwargs=lambda world: {"organization_slug": "org-unknown"},
    ),
    "saml_sls": Row(
        get=everyone(404, anonymous=404),
        post=everyone(404, anonymous=404),
        kwargs=lambda world: {"organization_slug": "org-unknown"},
    ),
    "saml_metadata": Row(
        get=everyone(404, anonymous=404),
        post=everyone(404, anonymous=404),
        kwargs=lambda world: {"organization_slug": "org-unknown"},
    ),
    # The 302s below send to re-authentication first: nothing is written.
    "mfa_index": Row(get=everyone(), post=everyone(405)),
    "mfa_authenticate": Row(get=everyone(302), post=everyone(302)),
    "mfa_reauthenticate": Row(get=everyone(302), post=everyone(302)),
    "mfa_activate_totp": Row(get=everyone(302), post=everyone(302)),
    "mfa_deactivate_totp": Row(get=everyone(404), post=everyone(404)),
    "mfa_view_recovery_codes": Row(get=everyone(404), post=everyone(405)),
    "mfa_generate_recovery_codes": Row(get=everyone(302), post=everyone(302)),
    "mfa_download_recovery_codes": Row(get=everyone(404), post=everyone(404)),
    "mfa_list_webauthn": Row(get=everyone(), post=everyone(405)),
    "mfa_add_webauthn": Row(get=everyone(302), post=everyone(302)),
    "mfa_reauthenticate_webauthn": Row(get=everyone(302), post=everyone(302)),
    "mfa_edit_webauthn": Row(get=everyone(302), post=everyone(302), kwargs=lambda world: {"pk": 999999}),
    "mfa_remove_webauthn": Row(get=everyone(302), post=everyone(302), kwargs=lambda world: {"pk": 999999}),
    "signin:settings": Row(
        get=only("hr"),
        post=only("hr", ok=302),
        data=shown_form("signin:settings", lambda w: {}, "hr", email_domains="matrix.example"),
        changed=exists("signin.OrganisationSignIn", email_domains="matrix.example"),
    ),
    # organisations
    # A list: a POST shows it as a GET does and writes nothing.
    "organisations:people": Row(get=only("hr"), post=only("hr")),
    "organisations:invite": Row(
        get=only("hr"),
        post=only("hr", ok=302),
        data=shown_form("organisations:invite", lambda w: {}, "hr", email="uitgenodigd@example.org"),
        changed=exists("organisations.Invitation", email="uitgenodigd@example.org"),
    ),
    "organisations:invitation_revoke": Row(
        get=only("hr", ok=405, denied=405, outsider_ok=405) | {"anonymous": 302},
        post=only("hr", ok=302, outsider_ok=404),
        kwargs=lambda world: {"pk": world["invitation"].pk},
        data=shown_form(
            "organisations:invitation_revoke", _pk("invitation"), "hr", page=("organisations:people", _no_kwargs)
        ),
        changed=lambda w: not type(w["invitation"]).objects.open().filter(pk=w["invitation"].pk).exists(),
    ),
    "organisations:membership_remove": Row(
        get=only("hr", ok=405, denied=405, outsider_ok=405) | {"anonymous": 302},
        post=only("hr", ok=302, outsider_ok=404),
        kwargs=lambda world: {"pk": world["membership"].pk},
        changed=lambda w: fresh(w["membership"]) is None,
    ),
    "organisations:invitation_accept": Row(
        # An unknown or used link is a 404 for everyone; the real token is tested apart.
        get=everyone(404, anonymous=404),
        kwargs=lambda world: {"token": "not-a-real-token"},
    ),
    # Switching roles changes the session only.
    "organisations:switch": Row(get=everyone(405), post=everyone(302)),
    "organisations:profile": Row(
        get=everyone(),
        post=everyone(302),
        data=shown_form("organisations:profile", _no_kwargs, "hr", name="Matrix Naam"),
        changed=exists("organisations.User", name="Matrix Naam"),
    ),
    # mentors
    "mentors:profiles": Row(get=only("hr")),
    "mentors:profile_edit": Row(
        get=only("hr", outsider_ok=404),
        post=only("hr", ok=302, outsider_ok=404),
        kwargs=lambda world: {"user_pk": world["mentor_profile"].user_id},
        data=shown_form(
            "mentors:profile_edit", lambda w: {"user_pk": w["mentor_profile"].user_id}, "hr", experience="Door HR"
        ),
        changed=lambda w: fresh(w["mentor_profile"]).experience == "Door HR",
    ),
    "mentors:my_profile": Row(
        get=only("mentor"),
        post=only("mentor", ok=302),
        data=shown_form("mentors:my_profile", _no_kwargs, "mentor", experience="Eigen ervaring"),
        changed=exists("mentors.MentorProfile", experience="Eigen ervaring"),
    ),
    "mentors:mentees": Row(get=only("mentor")),
    "mentors:traineeship_mentors": Row(
        get=only("hr", "coordinator", outsider_ok=404) | _OUTSIDE_404,
        post=only("hr", "coordinator", ok=302, outsider_ok=404) | _OUTSIDE_404,
        kwargs=lambda world: {"pk": world["traineeship"].pk},
        data=after(
            _second_mentor,
            shown_form(
                "mentors:traineeship_mentors",
                _traineeship,
                "hr",
                more=lambda w: {f"placement-{w['placement'].pk}-mentor": _second_mentor(w).pk},
            ),
        ),
        changed=lambda w: fresh(w["placement"]).mentor_id == _second_mentor(w).pk,
    ),
    "mentors:meeting_plan": Row(
        get=only("hr", "manager", "mentor", "coordinator", outsider_ok=404) | _OUTSIDE_404,
        post=only("hr", "manager", "mentor", "coordinator", ok=302, outsider_ok=404) | _OUTSIDE_404,
        kwargs=lambda world: {"pk": world["traineeship"].pk},
        data=shown_form("mentors:meeting_plan", _traineeship, "hr", location="Matrixkamer"),
        changed=exists("mentors.Meeting", location="Matrixkamer"),
    ),
    "mentors:meeting_log": Row(
        get=only("mentor", outsider_ok=404) | _OUTSIDE_404,
        post=only("mentor", ok=302, outsider_ok=404) | _OUTSIDE_404,
        kwargs=lambda world: {"pk": world["traineeship"].pk},
        data=shown_form("mentors:meeting_log", _traineeship, "mentor", notes="Achteraf vastgelegd"),
        changed=exists("mentors.Meeting", notes="Achteraf vastgelegd"),
    ),
    "mentors:agreement_row": Row(
        get=only("mentor", outsider_ok=404) | _OUTSIDE_404,
        kwargs=lambda world: {"pk": world["traineeship"].pk},
    ),
    "mentors:agreement_row_removed": Row(
        get=only("mentor", outsider_ok=404) | _OUTSIDE_404,
        kwargs=lambda world: {"pk": world["traineeship"].pk},
    ),
    "mentors:meetings": Row(get=everyone()),
    "mentors:meeting_detail": Row(
        get=by_role(dict.fromkeys(ROLES, 200), outside=dict.fromkeys(ROLES, 404)),
        kwargs=lambda world: {"pk": world["meeting"].pk},
    ),
    "mentors:meeting_agenda": Row(
        get=only("trainee", "mentor", outsider_ok=404) | _OUTSIDE_404,
        post=only("trainee", "mentor", ok=302, outsider_ok=404) | _OUTSIDE_404,
        kwargs=lambda world: {"pk": world["meeting"].pk},
        data=merged(
            shown_form("mentors:meeting_agenda", _pk("meeting"), "mentor", mentor_preparation="Voorbereid"),
            shown_form("mentors:meeting_agenda", _pk("meeting"), "trainee", trainee_topics="Mijn onderwerp"),
        ),
        changed=lambda w: (
            fresh(w["meeting"]).mentor_preparation == "Voorbereid"
            or fresh(w["meeting"]).trainee_topics == "Mijn onderwerp"
        ),
    ),
    "mentors:meeting_record": Row(
        get=only("mentor", outsider_ok=404) | _OUTSIDE_404,
        post=only("mentor", ok=302, outsider_ok=404) | _OUTSIDE_404,
        kwargs=lambda world: {"pk": world["meeting"].pk},
        data=shown_form("mentors:meeting_record", _pk("meeting"), "mentor", notes="Bijgewerkt verslag"),
        changed=lambda w: fresh(w["meeting"]).notes == "Bijgewerkt verslag",
    ),
    "mentors:meeting_confirm": Row(
        get=everyone(405),
        post=only("trainee", "mentor", ok=302, outsider_ok=404) | _OUTSIDE_404,
        kwargs=lambda world: {"pk": world["meeting"].pk},
        data=merged(
            shown_form("mentors:meeting_confirm", _pk("meeting"), "mentor", page="mentors:meeting_detail"),
            shown_form("mentors:meeting_confirm", _pk("meeting"), "trainee", page="mentors:meeting_detail"),
        ),
        changed=lambda w: fresh(w["meeting"]).version > w["meeting"].version,
    ),
    "mentors:meeting_addendum": Row(
        get=everyone(405),
        post=only("trainee", "mentor", ok=302, outsider_ok=404) | _OUTSIDE_404,
        kwargs=lambda world: {"pk": world["locked_meeting"].pk},
        data=shown_form(
            "mentors:meeting_addendum",
            _pk("locked_meeting"),
            "mentor",
            page="mentors:meeting_detail",
            text="Aanvulling",
        ),
        changed=exists("mentors.Addendum", text="Aanvulling"),
    ),
    "mentors:meeting_ics": Row(
        get=by_role(dict.fromkeys(ROLES, 200), outside=dict.fromkeys(ROLES, 404)),
        kwargs=lambda world: {"pk": world["meeting"].pk},
    ),
    "mentors:agreements": Row(get=everyone()),
    "mentors:agreement_status": Row(
        get=everyone(405),
        post=only("trainee", "mentor", ok=302, outsider_ok=404) | _OUTSIDE_404,
        kwargs=lambda world: {"pk": world["agreement"].pk},
        data=shown_form(
            "mentors:agreement_status", _pk("agreement"), "trainee", page=("mentors:agreements", _no_kwargs)
        ),
        changed=lambda w: fresh(w["agreement"]).status == "done",
    ),
    # notifications, reminder preferences and the private calendar feed: each person their own
    "mentors:notifications": Row(get=everyone()),
    "mentors:notification_read": Row(
        get=everyone(405),
        post=everyone(302),
        data=lambda w: {"key": "matrix-melding"},
        changed=exists("mentors.NotificationRead", key="matrix-melding"),
    ),
    "mentors:notification_preferences": Row(
        get=everyone(),
        post=everyone(302),
        data=shown_form("mentors:notification_preferences", _no_kwargs, "hr", frequency="weekly"),
        changed=exists("mentors.ReminderPreference", frequency="weekly"),
    ),
    "mentors:calendar_feed_reset": Row(
        get=everyone(405), post=everyone(302), changed=lambda w: _count_above("mentors.CalendarFeed", 0)(w)
    ),
    # Only the secret token opens a feed: a wrong one is 404 for everyone, signed in or not.
    "mentors:calendar_feed": Row(get=everyone(404, anonymous=404), kwargs=lambda world: {"token": "wrong-token"}),
    # the manager's overview
    "manager_overview": Row(get=only("manager", "hr")),
    # An export of the overview is made by the task worker and seen only by the person who asked for it.
    "manager_overview_csv": Row(
        get=everyone(405),
        post=only("manager", "hr", ok=302),
        data=lambda world: {"query": "at_risk=true"},
        changed=exists("overview.OverviewExport", file_format="csv", query="at_risk=true"),
    ),
    "manager_overview_xlsx": Row(
        get=everyone(405),
        post=only("manager", "hr", ok=302),
        changed=exists("overview.OverviewExport", file_format="xlsx"),
    ),
    "manager_overview_export": Row(
        get=_REQUESTED_BY_MANAGER,
        post=everyone(405),
        kwargs=_pk("overview_export"),
    ),
    "manager_overview_export_download": Row(
        get=_REQUESTED_BY_MANAGER,
        post=everyone(405),
        kwargs=_pk("overview_export"),
    ),
    "organisations:settings": Row(
        get=only("hr"),
        post=only("hr", ok=302),
        data=shown_form("organisations:settings", _no_kwargs, "hr", privacy_contact="privacy@matrix.example"),
        changed=exists("organisations.Organisation", privacy_contact="privacy@matrix.example"),
    ),
    "organisations:audit_trail": Row(get=only("hr", "manager")),
    "organisations:privacy": Row(get=everyone()),
    "organisations:failed_mail": Row(get=only("hr")),
    "organisations:failed_mail_retry": Row(
        get=only("hr", ok=405, denied=405, outsider_ok=405) | {"anonymous": 302},
        post=only("hr", ok=302, outsider_ok=404),
        kwargs=lambda world: {"pk": world["failed_mail"].pk},
        changed=lambda w: fresh(w["failed_mail"]).status != "failed",
    ),
    # privacy
    "privacy_my_data": Row(get=everyone()),
    "privacy_my_data_download": Row(
        get=everyone(405),
        post=everyone(302),
        changed=lambda w: type(w["data_copy"]).objects.filter(person=F("requested_by")).exists(),
    ),
    "privacy_person_download": Row(
        get=only("hr", ok=405, denied=405, outsider_ok=405) | {"anonymous": 302},
        post=only("hr", ok=302, outsider_ok=404),
        # Someone without a copy yet (the world's trainee has a recent one, which is shown again).
        kwargs=_pk("erasable_membership"),
        changed=lambda w: type(w["data_copy"]).objects.filter(person=w["erasable_membership"].user).exists(),
    ),
    # A copy of someone's data is seen only by the person who asked for it (here HR).
    "privacy_data_copy": Row(get=only("hr", denied=404, outsider_ok=404), kwargs=_pk("data_copy")),
    "privacy_data_copy_download": Row(get=only("hr", denied=404, outsider_ok=404), kwargs=_pk("data_copy")),
    "privacy_person_erase": Row(
        get=only("hr", outsider_ok=404),
        post=only("hr", ok=302, outsider_ok=404),
        kwargs=_pk("erasable_membership"),
        data=shown_form("privacy_person_erase", _pk("erasable_membership"), "hr", confirm="yes"),
        changed=lambda w: fresh(w["erasable_membership"]) is None,
    ),
    # programmes: frameworks
    # Reference pages are for the organisation's staff (programmes.permissions.REFERENCE_READERS).
    "programmes:framework_list": Row(
        get=everyone() | {"trainee": 403, "other_trainee": 403, "coach": 403, "other_coach": 403}
    ),
    "programmes:framework_create": Row(
        get=only("hr"),
        post=only("hr", ok=302),
        data=shown_form("programmes:framework_create", _no_kwargs, "hr", name="Matrixkader"),
        changed=exists("competencies.CompetencyFramework", name="Matrixkader"),
    ),
    "programmes:framework_detail": Row(
        get=seen_inside() | {"trainee": 403, "other_trainee": 403, "coach": 403, "other_coach": 403},
        kwargs=lambda world: {"pk": world["framework"].pk},
    ),
    "programmes:framework_edit": Row(
        get=only("hr", outsider_ok=404),
        post=only("hr", ok=302, outsider_ok=404),
        kwargs=_pk("framework"),
        data=shown_form("programmes:framework_edit", _pk("framework"), "hr", name="Gewijzigd kader"),
        changed=lambda w: fresh(w["framework"]).name == "Gewijzigd kader",
    ),
    "programmes:competency_create": Row(
        get=only("hr", outsider_ok=404),
        post=only("hr", ok=302, outsider_ok=404),
        kwargs=_pk("framework"),
        data=shown_form("programmes:competency_create", _pk("framework"), "hr", code="MX1", name="Matrixcompetentie"),
        changed=exists("competencies.Competency", code="MX1", name="Matrixcompetentie"),
    ),
    "programmes:framework_import": Row(
        get=only("hr", outsider_ok=404),
        post=only("hr", ok=302, outsider_ok=404),
        kwargs=_pk("framework"),
        data=merged(shown_form("programmes:framework_import", _pk("framework"), "hr"), _framework_csv),
        changed=exists("competencies.Competency", code="MX9"),
    ),
    "programmes:framework_export": Row(
        get=seen_inside() | {"trainee": 403, "other_trainee": 403, "coach": 403, "other_coach": 403},
        kwargs=lambda w: {"pk": w["framework"].pk, "file_format": "csv"},
    ),
    "programmes:competency_edit": Row(
        get=only("hr", outsider_ok=404),
        post=only("hr", ok=302, outsider_ok=404),
        kwargs=_pk("competency"),
        data=shown_form("programmes:competency_edit", _pk("competency"), "hr", name="Gewijzigde competentie"),
        changed=lambda w: fresh(w["competency"]).name == "Gewijzigde competentie",
    ),
    "programmes:competency_delete": Row(
        get=POST_ONLY,
        post=only("hr", ok=302, outsider_ok=404),
        # The world's competency is in use (a delete is refused with a message): a spare one is deleted.
        kwargs=_spare_competency,
        changed=lambda w: not type(w["competency"]).objects.filter(code="MX-VRIJ").exists(),
    ),
    # programmes: professional registers
    "programmes:register_list": Row(
        get=only("hr"),
        post=only("hr", ok=302),
        data=shown_form("programmes:register_list", _no_kwargs, "hr"),
        changed=_count_above("programmes.Register", 2),
    ),
    "programmes:register_edit": Row(
        get=only("hr", outsider_ok=404),
        post=only("hr", ok=302, outsider_ok=404),
        kwargs=_pk("register"),
        data=shown_form("programmes:register_edit", _pk("register"), "hr", name="Gewijzigd register"),
        changed=lambda w: fresh(w["register"]).name == "Gewijzigd register",
    ),
    # programmes: programmes and cohorts
    "programmes:programme_list": Row(get=only("hr", "coordinator")),
    "programmes:programme_create": Row(
        get=only("hr"),
        post=only("hr", ok=302),
        # apply_preset is the first button (it fills the form in again); a person presses "save".
        data=shown_form("programmes:programme_create", _no_kwargs, "hr", apply_preset=None, name="Matrixprogramma"),
        changed=exists("programmes.Programme", name="Matrixprogramma"),
    ),
    "programmes:programme_detail": Row(get=seen_inside(), kwargs=lambda w: {"pk": w["programme"].pk}),
    "programmes:programme_budget": Row(get=managers_only(), kwargs=lambda w: {"pk": w["programme"].pk}),
    "programmes:programme_edit": Row(
        get=managers_only(),
        post=managers_only(302),
        kwargs=_pk("programme"),
        data=shown_form("programmes:programme_edit", _pk("programme"), "hr", apply_preset=None, name="Gewijzigd"),
        changed=lambda w: fresh(w["programme"]).name == "Gewijzigd",
    ),
    "programmes:cohort_create": Row(
        get=managers_only(),
        post=managers_only(302),
        kwargs=_pk("programme"),
        data=shown_form("programmes:cohort_create", _pk("programme"), "hr", name="Matrixlichting"),
        changed=exists("programmes.Cohort", name="Matrixlichting"),
    ),
    "programmes:traineeship_create": Row(
        get=managers_only(),
        post=managers_only(302),
        kwargs=_pk("programme"),
        data=shown_form(
            "programmes:traineeship_create",
            _pk("programme"),
            "hr",
            # A trainee without a traineeship (only HR may invite a new one from here).
            trainee=lambda w: w["erasable_membership"].user_id,
        ),
        changed=exists("programmes.Traineeship", trainee__email="wisbaar@testdal.example"),
    ),
    "programmes:cohort_detail": Row(get=seen_inside(), kwargs=lambda w: {"pk": w["cohort"].pk}),
    "programmes:cohort_edit": Row(
        get=managers_only(),
        post=managers_only(302),
        kwargs=_pk("cohort"),
        data=shown_form("programmes:cohort_edit", _pk("cohort"), "hr", name="Gewijzigde lichting"),
        changed=lambda w: fresh(w["cohort"]).name == "Gewijzigde lichting",
    ),
    "programmes:cohort_blueprint": Row(
        get=managers_only(),
        post=managers_only(302),
        kwargs=_pk("cohort"),
        data=shown_form("programmes:cohort_blueprint", _pk("cohort"), "hr", name="Volgende lichting"),
        changed=exists("programmes.Cohort", name="Volgende lichting"),
    ),
    "programmes:group_activity_create": Row(
        get=managers_only(),
        post=managers_only(302),
        kwargs=lambda w: {"pk": w["cohort"].pk},
        data=lambda w: {"topic": "Themadag", "kind": "development_day", "date": "2026-03-05"},
        changed=lambda w: w["cohort"].development_days.filter(topic="Themadag").exists(),
    ),
    "programmes:group_activity_detail": Row(get=seen_inside(), kwargs=lambda w: {"pk": w["group_activity"].pk}),
    "programmes:group_activity_edit": Row(
        get=managers_only(),
        post=managers_only(302),
        kwargs=_pk("group_activity"),
        data=shown_form("programmes:group_activity_edit", _pk("group_activity"), "hr", topic="Gewijzigd thema"),
        changed=lambda w: fresh(w["group_activity"]).topic == "Gewijzigd thema",
    ),
    "programmes:group_activity_delete": Row(
        get=POST_ONLY, post=managers_only(302), kwargs=_pk("group_activity"), changed=gone("group_activity")
    ),
    "programmes:group_attendance": Row(
        get=managers_only(),
        post=managers_only(302),
        kwargs=lambda w: {"pk": w["group_activity"].pk},
        data=lambda w: {f"t{w['traineeship'].pk}": "excused"},
        changed=lambda w: w["traineeship"].group_attendances.filter(status="excused").exists(),
    ),
    # programmes: traineeships, placements, steps 1 and 2
    "programmes:traineeship_edit": Row(
        get=managers_only(),
        post=managers_only(302),
        kwargs=_traineeship,
        data=shown_form("programmes:traineeship_edit", _traineeship, "hr", contract_hours_per_week="32"),
        changed=lambda w: fresh(w["traineeship"]).contract_hours_per_week == 32,
    ),
    "programmes:work_profile": Row(
        get=seen_inside(),
        post=managers_only(302),
        kwargs=_traineeship,
        data=shown_form("programmes:work_profile", _traineeship, "hr", tasks="Matrixtaken"),
        changed=exists("programmes.WorkProfile", tasks="Matrixtaken"),
    ),
    "programmes:profile_competencies": Row(
        get=seen_inside(),
        post=managers_only(302),
        kwargs=_traineeship,
        data=shown_form(
            "programmes:profile_competencies",
            _traineeship,
            "hr",
            more=lambda w: {f"level_{w['competency'].pk}": "vakbekwaam"},
        ),
        changed=lambda w: fresh(w["profile_competency"]).target_level == "vakbekwaam",
    ),
    "programmes:activities": Row(
        get=seen_inside(),
        post=managers_only(302),
        kwargs=_traineeship,
        data=after(
            _spare_activity,
            shown_form("programmes:activities", _traineeship, "hr", activities=lambda w: [_spare_activity(w).pk]),
        ),
        changed=lambda w: w["traineeship"].development_activities.filter(title="Matrix-inventarisactiviteit").exists(),
    ),
    "programmes:placements": Row(
        get=seen_inside(),
        post=managers_only(302),
        kwargs=_traineeship,
        # A second placement in the traineeship's second half; the POST first ends the world's one halfway.
        data=after(
            _shorter_placement,
            shown_form("programmes:placements", _traineeship, "hr", start_date="2027-05-01", end_date="2027-10-31"),
        ),
        changed=lambda w: w["traineeship"].placements.count() > 1,
    ),
    "programmes:placement_edit": Row(
        get=managers_only(),
        post=managers_only(302),
        kwargs=_pk("placement"),
        data=shown_form("programmes:placement_edit", _pk("placement"), "hr", assignment="Nieuwe opdracht"),
        changed=lambda w: fresh(w["placement"]).assignment == "Nieuwe opdracht",
    ),
    "programmes:placement_delete": Row(
        get=POST_ONLY, post=managers_only(302), kwargs=_pk("placement"), changed=gone("placement")
    ),
    "programmes:profile_competency_delete": Row(
        get=POST_ONLY, post=managers_only(302), kwargs=_pk("profile_competency"), changed=gone("profile_competency")
    ),
    "programmes:portfolio_sharing": Row(
        get=in_scope(["hr"]),
        post=in_scope(["hr"], ok=302),
        kwargs=_traineeship,
        data=lambda w: {"shared_with_partners": "on"},
        changed=lambda w: type(w["traineeship"]).objects.get(pk=w["traineeship"].pk).shared_with_partners,
    ),
    "programmes:activity_remove": Row(
        get=POST_ONLY,
        post=managers_only(302),
        kwargs=_pk("development_activity"),
        changed=gone("development_activity"),
    ),
    # Partners by consent: the invited organisation's HR answers; the inviting owner's HR sees but cannot.
    "programmes:partner_invitations": Row(get=only("hr")),
    "programmes:partner_invitation_answer": Row(
        get=only("hr", ok=405, denied=405, outsider_ok=405) | {"anonymous": 302},
        post=only("hr", ok=302, outsider_ok=403),
        kwargs=lambda w: {"pk": w["partner_invitation"].pk},
        data=lambda w: {"answer": "accept"},
        changed=lambda w: type(w["partner_invitation"]).objects.get(pk=w["partner_invitation"].pk).accepted is True,
    ),
    "programmes:inventory": Row(
        get=everyone() | {"trainee": 403, "other_trainee": 403, "coach": 403, "other_coach": 403}
    ),
    "programmes:inventory_create": Row(
        get=only("hr"),
        post=only("hr", ok=302),
        data=shown_form("programmes:inventory_create", _no_kwargs, "hr", title="Nieuwe inventarisactiviteit"),
        changed=exists("competencies.LearningActivity", title="Nieuwe inventarisactiviteit"),
    ),
    "programmes:inventory_edit": Row(
        get=only("hr", outsider_ok=404),
        post=only("hr", ok=302, outsider_ok=404),
        kwargs=_pk("learning_activity"),
        data=shown_form("programmes:inventory_edit", _pk("learning_activity"), "hr", title="Gewijzigde activiteit"),
        changed=lambda w: fresh(w["learning_activity"]).title == "Gewijzigde activiteit",
    ),
    "programmes:inventory_delete": Row(
        get=POST_ONLY,
        post=only("hr", ok=302, outsider_ok=404),
        kwargs=_pk("learning_activity"),
        changed=gone("learning_activity"),
    ),
    # position profiles (step 1 before hiring): HR of the organisation only, 404 outside it
    "programmes:position_profile_list": Row(get=only("hr")),
    "programmes:position_profile_create": Row(
        get=only("hr", outsider_ok=404),
        post=only("hr", ok=302, outsider_ok=404),
        kwargs=lambda w: {"pk": w["programme"].pk},
        data=lambda w: {"title": "Matrixprofiel", "kind": "tasks", "tasks": "Taken"},
        changed=lambda w: type(w["position_profile"]).objects.filter(title="Matrixprofiel").exists(),
    ),
    "programmes:position_profile_detail": Row(get=in_scope(["hr"]), kwargs=_pk("position_profile")),
    "programmes:position_profile_edit": Row(
        get=in_scope(["hr"]),
        post=in_scope(["hr"], ok=302),
        kwargs=_pk("position_profile"),
        data=lambda w: {"title": "Gewijzigd profiel", "kind": "tasks", "tasks": "Taken"},
        changed=lambda w: (
            type(w["position_profile"]).objects.get(pk=w["position_profile"].pk).title == "Gewijzigd profiel"
        ),
    ),
    "programmes:position_profile_status": Row(
        get=POST_ONLY,
        post=in_scope(["hr"], ok=302),
        kwargs=_pk("position_profile"),
        data=lambda w: {"status": "archived"},
        changed=lambda w: type(w["position_profile"]).objects.get(pk=w["position_profile"].pk).status == "archived",
    ),
    "position_profile_pdf": Row(get=in_scope(["hr"]), post=everyone(405), kwargs=_pk("position_profile")),
    # the stappenplan and HR's overview
    "traineeship_list": Row(get=only("hr", "coordinator", "manager")),
    # One programme leads straight to its form (302), several to a choice (200).
    "traineeship_new": Row(
        get=by_role(
            {"hr": 200, "coordinator": 200, "manager": 403, "mentor": 403, "trainee": 403},
            outside={"hr": 302, "coordinator": 302, "manager": 403, "mentor": 403, "trainee": 403},
        )
    ),
    "stappenplan": Row(get=seen_inside(), kwargs=lambda w: {"pk": w["traineeship"].pk}),
    # register hours: everyone who sees the traineeship reads them and downloads the export; the trainee records
    "register_progress": Row(
        get=in_scope("all"),
        post=in_scope(["trainee"], ok=302),
        kwargs=_traineeship,
        data=shown_form("register_progress", _traineeship, "trainee", number="100099999"),
        changed=exists("programmes.Registration", number="100099999"),
    ),
    "register_export": Row(
        get=in_scope("all"), post=everyone(405), kwargs=lambda w: {"pk": w["traineeship"].pk, "file_format": "xlsx"}
    ),
    # portfolios
    "portfolios:mine": Row(get=by_role(dict.fromkeys(ROLES, 200), outside=dict.fromkeys(ROLES, 200))),
    "portfolios:portfolio": Row(get=in_scope("all"), kwargs=_traineeship),
    # Read rules of portfolios.permissions: coordinators do not read self-evaluations or feedback,
    # only the trainee and their mentor read reflections.
    "portfolios:self_evaluations": Row(get=in_scope(["trainee", "mentor", "hr", "manager"]), kwargs=_traineeship),
    "portfolios:self_evaluation_edit": Row(
        get=in_scope(["trainee"]),
        post=in_scope(["trainee"], ok=302),
        kwargs=lambda world: {"pk": world["traineeship"].pk, "moment": "start"},
        data=shown_form(
            "portfolios:self_evaluation_edit",
            lambda w: {"pk": w["traineeship"].pk, "moment": "start"},
            "trainee",
            talents="Mijn talent",
        ),
        changed=exists("portfolios.SelfEvaluation", talents="Mijn talent"),
    ),
    "portfolios:goals": Row(get=in_scope("all"), kwargs=_traineeship),
    "portfolios:goal_create": Row(
        get=in_scope(["trainee"]),
        post=in_scope(["trainee"], ok=302),
        kwargs=_traineeship,
        data=shown_form("portfolios:goal_create", _traineeship, "trainee", title="Matrixleerdoel"),
        changed=exists("goals.LearningGoal", title="Matrixleerdoel"),
    ),
    "portfolios:goal_edit": Row(
        get=in_scope(["trainee", "mentor"]),
        post=in_scope(["trainee", "mentor"], ok=302),
        kwargs=_pk("goal"),
        data=shown_form("portfolios:goal_edit", _pk("goal"), "trainee", measure="Zichtbaar in het verslag"),
        changed=lambda w: fresh(w["goal"]).measure == "Zichtbaar in het verslag",
    ),
    "portfolios:goal_approve": Row(
        get=in_scope(["mentor"]),
        post=in_scope(["mentor"], ok=302),
        kwargs=_pk("goal"),
        data=shown_form("portfolios:goal_approve", _pk("goal"), "mentor"),
        changed=lambda w: fresh(w["goal"]).status == "active",
    ),
    # "stop" is the move both the trainee and the mentor may make on a goal awaiting approval.
    "portfolios:goal_move": Row(
        get=POST_ONLY,
        post=in_scope(["trainee", "mentor"], ok=302),
        kwargs=_pk("goal"),
        data=shown_form(
            "portfolios:goal_move", _pk("goal"), "trainee", page=("portfolios:goals", _traineeship), move="stop"
        ),
        changed=lambda w: fresh(w["goal"]).status == "dropped",
    ),
    "portfolios:goal_progress": Row(
        get=in_scope(["trainee", "mentor"]),
        post=in_scope(["trainee", "mentor"], ok=302),
        kwargs=_pk("goal"),
        data=shown_form("portfolios:goal_progress", _pk("goal"), "trainee", progress="50", note="Halverwege"),
        changed=exists("goals.GoalProgress", note="Halverwege"),
    ),
    "portfolios:activities": Row(get=in_scope("all"), kwargs=_traineeship),
    "portfolios:activity_create": Row(
        get=in_scope(["trainee"]),
        post=in_scope(["trainee"], ok=302),
        kwargs=_traineeship,
        data=shown_form("portfolios:activity_create", _traineeship, "trainee", title="Eigen ontwikkelactiviteit"),
        changed=exists("programmes.DevelopmentActivity", title="Eigen ontwikkelactiviteit"),
    ),
    "portfolios:activity_edit": Row(
        get=in_scope(["trainee"]),
        post=in_scope(["trainee"], ok=302),
        kwargs=_pk("activity"),
        data=shown_form("portfolios:activity_edit", _pk("activity"), "trainee", title="Gewijzigde activiteit"),
        changed=lambda w: fresh(w["activity"]).title == "Gewijzigde activiteit",
    ),
    "portfolios:evidence": Row(get=in_scope("all"), kwargs=_traineeship),
    "portfolios:evidence_create": Row(
        get=in_scope(["trainee"]),
        post=in_scope(["trainee"], ok=302),
        kwargs=_traineeship,
        data=shown_form(
            "portfolios:evidence_create",
            _traineeship,
            "trainee",
            title="Matrixbewijs",
            url="https://example.org/bewijs",
            competencies=lambda w: [w["competency"].pk],
        ),
        changed=exists("portfolios.Evidence", title="Matrixbewijs"),
    ),
    "portfolios:evidence_download": Row(get=in_scope("all"), post=everyone(405), kwargs=_pk("evidence")),
    "portfolios:evidence_edit": Row(
        get=in_scope(["trainee"]),
        post=in_scope(["trainee"], ok=302),
        kwargs=_pk("evidence"),
        data=shown_form(
            "portfolios:evidence_edit",
            _pk("evidence"),
            "trainee",
            title="Gewijzigd bewijs",
            competencies=lambda w: [w["competency"].pk],
        ),
        changed=lambda w: fresh(w["evidence"]).title == "Gewijzigd bewijs",
    ),
    "portfolios:evidence_delete": Row(
        get=everyone(405), post=in_scope(["trainee"], ok=302), kwargs=_pk("evidence"), changed=gone("evidence")
    ),
    "portfolios:reflection_edit": Row(
        get=in_scope(["trainee"]),
        post=in_scope(["trainee"], ok=302),
        kwargs=_reflection,
        data=shown_form("portfolios:reflection_edit", _reflection, "trainee", text="Herschreven reflectie"),
        changed=exists("portfolios.Reflection", text="Herschreven reflectie"),
    ),
    "portfolios:reflection_delete": Row(
        get=everyone(405),
        post=in_scope(["trainee"], ok=302),
        kwargs=_reflection,
        changed=lambda w: not w["traineeship"].reflections.filter(text="Reflectie").exists(),
    ),
    "portfolios:reflections": Row(
        get=in_scope(["trainee", "mentor"]),
        post=in_scope(["trainee"], ok=302),
        kwargs=_traineeship,
        data=shown_form("portfolios:reflections", _traineeship, "trainee", text="Nieuwe reflectie"),
        changed=exists("portfolios.Reflection", text="Nieuwe reflectie"),
    ),
    "portfolios:feedback": Row(get=in_scope(["trainee", "mentor", "hr", "manager"]), kwargs=_traineeship),
    "portfolios:feedback_request": Row(
        get=in_scope(["trainee"]),
        post=in_scope(["trainee"], ok=302),
        kwargs=_traineeship,
        data=shown_form(
            "portfolios:feedback_request", _traineeship, "trainee", competencies=lambda w: [w["competency"].pk]
        ),
        changed=exists("portfolios.FeedbackRequest", colleague_email="matrix@example.org"),
    ),
    "portfolios:feedback_give": Row(
        # An unknown, used or expired link is a 404 for everyone; the real token is tested apart.
        get=everyone(404, anonymous=404),
        post=everyone(404, anonymous=404),
        kwargs=lambda world: {"token": "not-a-real-token"},
    ),
    "portfolios:final_evaluation": Row(
        get=in_scope("all"),
        post=in_scope(["trainee", "mentor"], ok=302),
        kwargs=_traineeship,
        data=merged(
            shown_form("portfolios:final_evaluation", _traineeship, "mentor", mentor_development="Gegroeid"),
            shown_form("portfolios:final_evaluation", _traineeship, "trainee", trainee_development="Veel geleerd"),
        ),
        changed=lambda w: (
            type(w["traineeship"])
            .objects.filter(pk=w["traineeship"].pk)
            .filter(
                Q(final_evaluation__mentor_development="Gegroeid")
                | Q(final_evaluation__trainee_development="Veel geleerd")
            )
            .exists()
        ),
    ),
    "portfolios:final_evaluation_sign": Row(
        get=everyone(405),
        post=in_scope(["trainee", "mentor"], ok=302),
        kwargs=_traineeship,
        # The sign button shows once the evaluation is written: the POST writes it first (in its savepoint).
        data=after(
            _written_evaluation,
            merged(
                shown_form(
                    "portfolios:final_evaluation_sign", _traineeship, "mentor", page="portfolios:final_evaluation"
                ),
                shown_form(
                    "portfolios:final_evaluation_sign", _traineeship, "trainee", page="portfolios:final_evaluation"
                ),
            ),
        ),
        changed=lambda w: (
            type(w["traineeship"])
            .objects.filter(pk=w["traineeship"].pk)
            .filter(
                Q(final_evaluation__mentor_signed_at__isnull=False)
                | Q(final_evaluation__trainee_signed_at__isnull=False)
            )
            .exists()
        ),
    ),
    # Not signed in the world, so HR is sent back to the evaluation; the POST signs it first (in its savepoint).
    "portfolios:final_evaluation_reopen": Row(
        get=in_scope(["hr"], ok=302),
        post=in_scope(["hr"], ok=302),
        kwargs=_traineeship,
        data=after(
            _signed_evaluation,
            shown_form("portfolios:final_evaluation_reopen", _traineeship, "hr", reason="Ondertekend met een fout"),
        ),
        changed=lambda w: (
            type(w["traineeship"])
            .objects.filter(pk=w["traineeship"].pk, final_evaluation__reopened_at__isnull=False)
            .exists()
        ),
    ),
    "portfolios:final_evaluation_pdf": Row(get=in_scope("all"), post=everyone(405), kwargs=_traineeship),
    "portfolios:portfolio_pdf": Row(get=in_scope("all"), post=everyone(405), kwargs=_traineeship),
    # One POST body for every actor: the cohort chosen is of the persona organisation, which another
    # organisation's HR cannot choose (a form error, 200): the write is checked in tests/portfolios.
    "portfolios:exports": Row(
        get=only("hr", "manager"),
        post=only("hr", "manager", ok=302, outsider_ok=200),
        data=shown_form("portfolios:exports", _no_kwargs, "hr"),
    ),
    # An export is seen only by the person who asked for it.
    "portfolios:export_detail": Row(
        get=_REQUESTED_BY_MANAGER,
        kwargs=_pk("export"),
    ),
    "portfolios:export_download": Row(
        get=_REQUESTED_BY_MANAGER,
        post=everyone(405),
        kwargs=_pk("export"),
    ),
    # coaching: the coach reaches the coaching pages of the traineeship they coach, nothing more;
    # a session exists only for its trainee and current coach.
    "coaching:coachees": Row(get=only() | _coaches(200)),
    "coaching:traineeship": Row(get=in_scope("all") | {"coach": 200}, kwargs=_traineeship),
    "coaching:coach_assign": Row(
        get=in_scope(["hr", "coordinator"]) | {"coach": 403},
        post=in_scope(["hr", "coordinator"], ok=302) | {"coach": 403},
        kwargs=_traineeship,
        data=lambda world: {"choose-coach": world.personas.coach.pk},
        changed=lambda world: world["traineeship"].coachings.count() > 2,
    ),
    "coaching:coach_end": Row(
        get=everyone(405),
        post=in_scope(["hr", "coordinator"], ok=302) | {"coach": 403},
        kwargs=_traineeship,
        changed=lambda world: not world["traineeship"].coachings.current().exists(),
    ),
    "coaching:proposal_answer": Row(
        get=everyone(405),
        post=in_scope(["hr", "coordinator"], ok=302) | {"coach": 403},
        kwargs=_proposal,
        data=lambda world: {"answer": "decline"},
        changed=lambda world: not world["traineeship"].coachings.proposed().exists(),
    ),
    "coaching:coach_propose": Row(
        get=in_scope(["trainee"]) | {"coach": 403},
        post=in_scope(["trainee"], ok=302) | {"coach": 403},
        kwargs=_traineeship,
        data=lambda world: {"choose-coach": world.people["former_coach"].pk},
        changed=lambda world: world["traineeship"].coachings.proposed().exists(),
    ),
    "coaching:session_plan": Row(
        get=in_scope([]) | {"coach": 200},
        post=in_scope([]) | {"coach": 302},
        kwargs=_traineeship,
        data=lambda world: _SESSION,
        changed=lambda world: world["coaching"].sessions.filter(date="2026-12-10").exists(),
    ),
    "coaching:session_detail": Row(get=_session_readers(200), kwargs=_pk("coaching_session")),
    "coaching:session_edit": Row(
        get=_session_readers(200),
        post=_session_readers(302),
        kwargs=_pk("coaching_session"),
        data=lambda world: _SESSION | {"notes": "Aangevuld"},
        changed=lambda world: world["coaching"].sessions.filter(notes="Aangevuld").exists(),
    ),
    "coaching:session_delete": Row(
        get=everyone(405),
        post=_session_readers(302) | {"trainee": 403},
        kwargs=_pk("coaching_session"),
        changed=lambda world: not world["coaching"].sessions.filter(pk=world["coaching_session"].pk).exists(),
    ),
    "coaching:session_ics": Row(get=_session_readers(200), post=everyone(405), kwargs=_pk("coaching_session")),
    "coaching:sessions_ics": Row(get=everyone(200)),
}

# Programme evaluations: only the trainee reads and sends their own; HR and the coordinator
# read totals of the programmes they see and (HR of the owner, the coordinator) edit the questions.
ROWS |= {
    # A trainee's own page: a coach is no trainee.
    "evaluations:mine": Row(get=only("trainee") | _coaches(403)),
    # The world's traineeship is a month in: the end moment is not open, a POST goes back to the list.
    "evaluations:answer": Row(
        get=in_scope(["trainee"]),
        post=in_scope(["trainee"], ok=302),
        kwargs=lambda w: {"pk": w["traineeship"].pk, "moment": "end"},
        # The POST first moves the traineeship near its end (in its savepoint), so the end moment is open.
        data=after(
            _near_the_end,
            shown_form("evaluations:answer", lambda w: {"pk": w["traineeship"].pk, "moment": "end"}, "trainee"),
        ),
        changed=exists("evaluations.ProgrammeEvaluation", moment="end"),
    ),
    "evaluations:results": Row(get=only("hr", "coordinator")),
    "evaluations:programme_results": Row(get=managers_only(), kwargs=_pk("programme")),
    "evaluations:questions": Row(
        get=managers_only(),
        post=managers_only(302),
        kwargs=_pk("programme"),
        data=lambda w: {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
            "form-0-text": "Matrixvraag",
            "form-0-kind": "rating",
            "form-0-position": "9",
            "form-0-active": "on",
        },
        changed=lambda w: w["programme"].evaluation_questions.filter(text="Matrixvraag").exists(),
    ),
}


# Relations that follow memberships, placements and time (the world's ``build_relations``):
# (URL name, kwargs, actor, expected). Actors are persona keys or ``world.people`` keys.
def _regional(world):
    return {"pk": world["regional"].pk}


def _formerly(world):
    return {"pk": world["formerly_mentored"].pk}


SCENARIOS: list[tuple[str, Callable, str, int]] = [
    # The accepted partner hosting the current placement: its HR, coordinator, manager and mentor.
    ("stappenplan", _regional, "other_hr", 200),
    ("stappenplan", _regional, "other_coordinator", 200),
    ("stappenplan", _regional, "other_manager", 200),
    ("portfolios:portfolio", _regional, "other_mentor", 200),
    ("programmes:programme_detail", lambda w: {"pk": w["regional_programme"].pk}, "other_hr", 200),
    # Partner staff read the part of the portfolio of their placement, not what is not dated by one.
    ("portfolios:portfolio", _regional, "other_hr", 200),
    ("portfolios:goals", _regional, "other_coordinator", 200),
    ("portfolios:portfolio_pdf", _regional, "other_coordinator", 200),
    ("portfolios:final_evaluation", _regional, "other_hr", 403),
    ("portfolios:reflections", _regional, "other_hr", 403),
    ("register_progress", _regional, "other_hr", 403),
    # Sharing the whole portfolio with partners: the owner's HR only.
    ("programmes:portfolio_sharing", _regional, "hr", 200),
    ("programmes:portfolio_sharing", _regional, "other_hr", 403),
    ("programmes:portfolio_sharing", _regional, "coordinator", 403),
    # The owner's own staff keep seeing it.
    ("portfolios:portfolio", _regional, "hr", 200),
    # The mentor of the finished placement, past the grace period: nothing any more.
    ("stappenplan", _regional, "mentor", 404),
    ("portfolios:portfolio", _regional, "mentor", 404),
    # The partner that was invited but did not accept reads nothing.
    ("stappenplan", _regional, "pending_hr", 404),
    ("programmes:programme_detail", lambda w: {"pk": w["regional_programme"].pk}, "pending_hr", 404),
    # A mentor whose role was removed: nothing, through any page of the old placement.
    ("stappenplan", _formerly, "former_mentor", 404),
    ("portfolios:portfolio", _formerly, "former_mentor", 404),
    ("portfolios:reflections", _formerly, "former_mentor", 404),
    ("portfolios:portfolio_pdf", _formerly, "former_mentor", 404),
    # A person in two organisations: each organisation's HR reaches them, the other's records not.
    ("privacy_person_erase", lambda w: {"pk": w["two_orgs_membership"].pk}, "hr", 200),
    ("privacy_person_erase", lambda w: {"pk": w["two_orgs_membership"].pk}, "other_hr", 404),
    ("stappenplan", lambda w: {"pk": w["other:two_orgs_traineeship"].pk}, "hr", 404),
    ("stappenplan", lambda w: {"pk": w["other:two_orgs_traineeship"].pk}, "two_orgs", 200),
    # The coach: nothing of the traineeship's own pages; a former coach nothing at all.
    ("stappenplan", _traineeship, "coach", 404),
    ("portfolios:reflections", _traineeship, "coach", 404),
    ("mentors:meeting_detail", lambda w: {"pk": w["meeting"].pk}, "coach", 404),
    ("coaching:traineeship", _traineeship, "former_coach", 404),
    ("coaching:session_detail", lambda w: {"pk": w["former_session"].pk}, "former_coach", 404),
    ("coaching:session_detail", lambda w: {"pk": w["former_session"].pk}, "trainee", 200),
]
