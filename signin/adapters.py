"""Hooks into django-allauth: who may sign in through an organisation's provider.

Single sign-on signs in people who already have a membership (or an open
invitation) in the organisation whose provider vouched for them, matched on the
verified e-mail address the provider asserts, and links their identity on first
use. With automatic membership on, people of the organisation's own domains get
its default role. Everything else is refused with a clear page (``failures``).
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.db import transaction

from organisations import audit
from organisations.models import Invitation, Membership, User
from organisations.services import invitation_accept
from signin import failures, oidc, session
from signin.audit import SigninAction
from signin.models import OrganisationSignIn


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # Accounts come from invitations (organisations.views) only.
        return False

    def get_login_stages(self):
        return [
            "signin.stages.PasswordSignInAuthenticateStage"
            if stage == "allauth.mfa.stages.AuthenticateStage"
            else stage
            for stage in super().get_login_stages()
        ]

    def login(self, request, user):
        super().login(request, user)
        session.after_login(request, user)


def sign_in_for_provider(provider) -> OrganisationSignIn | None:
    app = getattr(provider, "app", None)
    if app is None or app.pk is None:
        return None
    return OrganisationSignIn.objects.select_related("organisation").filter(social_app=app).first()


def vouches_for_domain(sign_in, sociallogin) -> bool:
    """Entra ID sends no ``email_verified``; its ``xms_edov`` claim, or the organisation's own
    statement that the provider manages its domains, confirms addresses in those domains."""
    data = sociallogin.account.extra_data or {}
    claims = {**data.get("id_token", {}), **data.get("userinfo", {})}
    return sign_in.trust_domain_addresses or str(claims.get("xms_edov", "")).lower() in {"true", "1"}


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        return False

    def on_authentication_error(self, request, provider, error=None, exception=None, extra_context=None):
        extra_context = extra_context or {}
        saml_reason = extra_context.get("saml_last_error_reason") or ""
        if str(error) == "cancelled":
            code = "cancelled"
        elif saml_reason:
            code = failures.reason_for_saml_error(saml_reason)
        else:
            code = failures.reason_for_exception(exception, state_missing="state_id" in extra_context)
        detail = saml_reason or (f"{type(exception).__name__}: {exception}" if exception is not None else "")
        if getattr(exception, "__cause__", None) is not None:
            # e.g. "Invalid id_token" caused by PyJWT's InvalidAudienceError: the audit names the check.
            detail += f" ({type(exception.__cause__).__name__})"
        raise ImmediateHttpResponse(
            failures.refuse(request, code=code, sign_in=sign_in_for_provider(provider), detail=detail[:300])
        )

    def pre_social_login(self, request, sociallogin):
        sign_in = sign_in_for_provider(sociallogin.provider)
        emails = [address.email.lower() for address in sociallogin.email_addresses if address.email]
        verified = [address.email.lower() for address in sociallogin.email_addresses if address.verified]
        if not verified and sign_in is not None and vouches_for_domain(sign_in, sociallogin):
            verified = [email for email in emails if email.rpartition("@")[2] in sign_in.domains]

        def refuse(code, email=""):
            raise ImmediateHttpResponse(failures.refuse(request, code=code, sign_in=sign_in, email=email))

        if sign_in is None:
            refuse("failed")
        if sign_in.protocol == OrganisationSignIn.Protocol.OPENID_CONNECT and not oidc.nonce_matches(sociallogin):
            raise ImmediateHttpResponse(failures.refuse(request, code="state", sign_in=sign_in, detail="nonce"))
        if not verified:
            refuse("unverified_email", emails[0] if emails else "")
        email = verified[0]
        existing = sociallogin.is_existing
        user = sociallogin.user if existing else User.objects.filter(email__iexact=email).first()
        if user is not None and not user.is_active:
            refuse("disabled", email)
        organisation = sign_in.organisation
        invitation = Invitation.objects.open().filter(organisation=organisation, email__iexact=email).first()
        is_member = user is not None and Membership.objects.filter(user=user, organisation=organisation).exists()
        may_join = sign_in.auto_membership and email.rpartition("@")[2] in sign_in.domains
        if not (is_member or invitation or may_join):
            refuse("unknown_person", email)
        with transaction.atomic():
            if user is None:
                name = sociallogin.account.extra_data.get("userinfo", {}).get("name") or ""
                user = User.objects.create_user(email=email, password=None, name=name or email.split("@")[0])
            if invitation is not None:
                invitation_accept(invitation=invitation, user=user)
            elif not is_member:
                membership = Membership.objects.create(
                    user=user, organisation=organisation, role=sign_in.auto_membership_role
                )
                audit.record(
                    organisation=organisation,
                    actor=None,
                    action=audit.Action.MEMBERSHIP_ADDED,
                    subject=user,
                    obj=membership,
                    params={"variant": "automatic", "role": membership.role, "provider": sign_in.social_app.name},
                )
            if not existing:
                sociallogin.connect(request, user)
                audit.record(
                    organisation=organisation,
                    actor=user,
                    action=SigninAction.IDENTITY_LINKED,
                    subject=user,
                    params={"provider": sign_in.social_app.name, "uid": sociallogin.account.uid},
                )
        session.remember_provider(request, sign_in)
