from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialApp
from django.db import transaction
from django.urls import reverse
from django.utils.http import urlencode
from requests import RequestException

from organisations import audit
from signin.audit import SigninAction
from signin.models import OrganisationSignIn


def provider_login_url(sign_in: OrganisationSignIn, *, next_url: str = "") -> str:
    if sign_in.protocol == OrganisationSignIn.Protocol.SAML:
        url = reverse("saml_login", kwargs={"organization_slug": sign_in.provider_id})
    else:
        url = reverse("openid_connect_login", kwargs={"provider_id": sign_in.provider_id})
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def discovery_url(issuer: str) -> str:
    return issuer if "/.well-known/" in issuer else issuer.rstrip("/") + "/.well-known/openid-configuration"


def end_session_url(sign_in: OrganisationSignIn, return_to: str) -> str | None:
    """The provider's sign-out address, when its discovery document names one."""
    app = sign_in.social_app
    if sign_in.protocol != OrganisationSignIn.Protocol.OPENID_CONNECT:
        return None
    try:
        with get_adapter().get_requests_session() as http:
            response = http.get(discovery_url(app.settings.get("server_url", "")), timeout=5)
            response.raise_for_status()
            endpoint = response.json().get("end_session_endpoint")
    except (RequestException, ValueError):
        return None
    if not endpoint:
        return None
    return f"{endpoint}?{urlencode({'client_id': app.client_id, 'post_logout_redirect_uri': return_to})}"


def saml_settings(entity_id: str, metadata_url: str) -> dict:
    """allauth's SAML settings: the IdP from its metadata, signed assertions required,
    e-mail from the usual attribute names or an e-mail NameID."""
    return {
        "idp": {"entity_id": entity_id, "metadata_url": metadata_url},
        "advanced": {"want_assertion_signed": True, "strict": True, "reject_idp_initiated_sso": True},
    }


@transaction.atomic
def sign_in_settings_save(
    *, sign_in: OrganisationSignIn, values: dict, changed_fields: list[str], changed_by
) -> OrganisationSignIn:
    """Save the organisation's sign-in settings and its provider (allauth's SocialApp).

    ``values`` are the cleaned settings; those named like the model's fields are its own."""
    data = values
    own = {field.name for field in OrganisationSignIn._meta.get_fields() if field.concrete}
    for name, value in values.items():
        if name in own:
            setattr(sign_in, name, value)
    if sign_in.protocol:
        app = sign_in.social_app or SocialApp(provider=sign_in.protocol)
        app.provider = sign_in.protocol
        app.provider_id = sign_in.provider_id
        app.name = data["provider_name"] or str(sign_in.organisation)
        if sign_in.protocol == OrganisationSignIn.Protocol.SAML:
            # allauth finds a SAML app by its client id: our provider id, unique per organisation.
            app.client_id = sign_in.provider_id
            app.settings = saml_settings(data["saml_entity_id"], data["saml_metadata_url"])
        else:
            app.client_id = data["client_id"]
            if data.get("client_secret"):
                app.secret = data["client_secret"]
            app.settings = {"server_url": data["issuer"]}
        app.save()
        sign_in.social_app = app
    sign_in.save()
    changed = [name for name in changed_fields if name != "client_secret"]
    if data.get("client_secret"):
        changed.append("client_secret")
    if changed:
        audit.record(
            organisation=sign_in.organisation,
            actor=changed_by,
            action=SigninAction.SIGN_IN_SETTINGS_CHANGED,
            params={"variant": "sign_in", "fields": ", ".join(changed)},
        )
    return sign_in
