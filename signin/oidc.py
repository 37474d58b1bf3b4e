"""OpenID Connect through allauth, with the ID token's signature and a nonce always checked.

allauth skips the signature check when the ID token comes straight from the token
endpoint (OpenID Connect Core 3.1.3.7 allows it over TLS). We check it anyway against
the provider's published keys (``jwks_uri``), so a token signed with any other key is
refused; audience, issuer and expiry are checked by allauth's ``jwtkit`` as before.
allauth sends no ``nonce``: we send a random one, keep it in allauth's server-side state
for this sign-in, and ``nonce_matches`` compares it with the ID token's.
"""

import secrets

from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.http import Http404


class NonceSendingProvider(OpenIDConnectProvider):
    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        nonce = secrets.token_urlsafe(32)
        kwargs["auth_params"] = {**(kwargs.get("auth_params") or self.get_auth_params()), "nonce": nonce}
        # Remaining keyword arguments end up in the stashed state (``sociallogin.state``).
        return super().redirect(request, process, next_url, data, nonce=nonce, **kwargs)


def nonce_matches(sociallogin) -> bool:
    """Whether the ID token carries the nonce sent when this sign-in started."""
    expected = (sociallogin.state or {}).get("nonce")
    received = (sociallogin.account.extra_data or {}).get("id_token", {}).get("nonce")
    return bool(expected) and secrets.compare_digest(str(expected), str(received or ""))


class SignatureCheckingAdapter(OpenIDConnectOAuth2Adapter):
    def get_provider(self):
        provider = super().get_provider()
        return NonceSendingProvider(self.request, app=provider.app)

    def _decode_id_token(self, app: SocialApp, id_token: str) -> dict:
        return jwtkit.verify_and_decode(
            credential=id_token,
            keys_url=self.openid_config["jwks_uri"],
            issuer=self.openid_config["issuer"],
            audience=app.client_id,
            lookup_kid=jwtkit.lookup_kid_jwk,
            verify_signature=True,
        )


def _adapter_view(view_class):
    @login_not_required
    def view(request, provider_id):
        try:
            return view_class.adapter_view(SignatureCheckingAdapter(request, provider_id))(request)
        except SocialApp.DoesNotExist:
            raise Http404 from None

    return view


login = _adapter_view(OAuth2LoginView)
callback = _adapter_view(OAuth2CallbackView)
