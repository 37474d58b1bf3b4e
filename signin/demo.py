"""Demo: Welzijn Zonnedal signs in through a local OpenID Connect provider.

``make run`` starts that provider (``node scripts/oidc-dev-provider.mjs``, port 9000);
typing only ``mentor@zonnedal.example`` on the sign-in page goes there. The demo
accounts keep their passwords, and no demo organisation requires a second factor.
"""

import os

from allauth.socialaccount.models import SocialApp

from signin.models import OrganisationSignIn

# Must match the client in scripts/oidc-dev-provider.mjs.
DEMO_ISSUER = os.environ.get("DEMO_OIDC_ISSUER", "http://127.0.0.1:9000")
DEMO_CLIENT_ID = "traineeship-demo"
DEMO_CLIENT_SECRET = "demo-secret-not-for-production"


def load(context) -> None:
    organisation = context.organisations["zonnedal"]
    sign_in, _created = OrganisationSignIn.objects.get_or_create(organisation=organisation)
    app = sign_in.social_app or SocialApp(provider=OrganisationSignIn.Protocol.OPENID_CONNECT)
    app.provider_id = sign_in.provider_id
    app.name = "Zonnedal Login (demo)"
    app.client_id = DEMO_CLIENT_ID
    app.secret = DEMO_CLIENT_SECRET
    app.settings = {"server_url": DEMO_ISSUER}
    app.save()
    sign_in.social_app = app
    sign_in.protocol = OrganisationSignIn.Protocol.OPENID_CONNECT
    sign_in.email_domains = "zonnedal.example"
    sign_in.save()
