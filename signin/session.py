"""What the session remembers about how its person signed in.

Kept in the session so that ordinary requests cost no extra queries: the
two-factor check runs only while ``SETUP_REQUIRED`` is set.
"""

from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator

from organisations import audit
from organisations.models import Membership
from signin.audit import SigninAction
from signin.models import TWO_FACTOR_ROLES, OrganisationSignIn

METHOD = "signin_method"
PROVIDER = "signin_provider"
SETUP_REQUIRED = "signin_two_factor_setup_required"
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def method_of(request) -> str:
    """``sso`` when an identity provider vouched in this session, else ``password``."""
    records = request.session.get(AUTHENTICATION_METHODS_SESSION_KEY, [])
    return "sso" if any(record.get("method") == "socialaccount" for record in records) else "password"


def remember_provider(request, sign_in: OrganisationSignIn) -> None:
    request.session[PROVIDER] = sign_in.pk


def requires_two_factor(user) -> bool:
    """True when one of ``user``'s organisations requires a second factor for one of their roles."""
    return Membership.objects.filter(
        user=user, role__in=TWO_FACTOR_ROLES, organisation__sign_in__require_two_factor=True
    ).exists()


def has_second_factor(user) -> bool:
    return Authenticator.objects.filter(user=user, type__in=SECOND_FACTORS).exists()


def after_login(request, user) -> None:
    method = method_of(request)
    request.session[METHOD] = method
    if method == "password" and requires_two_factor(user) and not has_second_factor(user):
        request.session[SETUP_REQUIRED] = True
    used_second_factor = any(
        record.get("method") == "mfa" for record in request.session.get(AUTHENTICATION_METHODS_SESSION_KEY, [])
    )
    params = {"variant": "password_mfa" if method == "password" and used_second_factor else method}
    organisation_ids = set(Membership.objects.filter(user=user).values_list("organisation", flat=True))
    if method == "sso" and request.session.get(PROVIDER):
        sign_in = OrganisationSignIn.objects.filter(pk=request.session[PROVIDER]).select_related("organisation").first()
        if sign_in is not None:
            organisation_ids = {sign_in.organisation_id}
            params["provider"] = sign_in.social_app.name if sign_in.social_app else "-"
    from organisations.models import Organisation

    for organisation in Organisation.objects.filter(pk__in=organisation_ids):
        audit.record(organisation=organisation, actor=user, action=SigninAction.SIGNED_IN, subject=user, params=params)
