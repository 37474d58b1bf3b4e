"""Start the real OpenID Connect provider (npm ``oidc-provider``) on loopback for a test."""

import json
import os
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "oidc-dev-provider.mjs"
CLIENT_ID = "traineeship-test"
CLIENT_SECRET = "test-secret-0123456789"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_provider(redirect_uris: list[str], post_logout_uris: list[str] = (), tamper: str = ""):
    """``tamper`` makes the provider issue bad ID tokens (see the script's header)."""
    port = free_port()
    issuer = f"http://127.0.0.1:{port}"
    clients = [
        {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "redirect_uris": redirect_uris,
            "post_logout_redirect_uris": list(post_logout_uris),
        }
    ]
    env = {**os.environ, "OIDC_PORT": str(port), "OIDC_CLIENTS": json.dumps(clients), "OIDC_TAMPER": tamper}
    process = subprocess.Popen(
        ["node", str(SCRIPT)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                if requests.get(f"{issuer}/.well-known/openid-configuration", timeout=1).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("oidc-provider did not start")
            time.sleep(0.2)
        yield issuer
    finally:
        process.terminate()
        process.wait(timeout=10)


def configure_sign_in(organisation, issuer: str, **options):
    """Give ``organisation`` single sign-on through ``issuer``, as HR's form would."""
    from allauth.socialaccount.models import SocialApp

    from signin.models import OrganisationSignIn

    sign_in, _created = OrganisationSignIn.objects.get_or_create(organisation=organisation)
    app = sign_in.social_app or SocialApp(provider="openid_connect")
    app.provider_id = sign_in.provider_id
    app.name = "Testdal Entra"
    app.client_id = CLIENT_ID
    app.secret = CLIENT_SECRET
    app.settings = {"server_url": issuer}
    app.save()
    sign_in.social_app = app
    sign_in.protocol = "openid_connect"
    sign_in.email_domains = options.pop("email_domains", "testdal.example")
    for name, value in options.items():
        setattr(sign_in, name, value)
    sign_in.save()
    return sign_in
