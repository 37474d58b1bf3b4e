"""Production settings, security headers and the sign-in throttle."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings


def test_check_deploy_is_clean():
    env = os.environ | {
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "a-long-random-production-secret-key-for-this-check-0123456789abcdef",
        "DJANGO_ALLOWED_HOSTS": "example.org",
        "DJANGO_SETTINGS_MODULE": "traineeship.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_needs_a_secret_key():
    env = os.environ | {
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "",
        "DJANGO_SETTINGS_MODULE": "traineeship.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_plain_http_switch_turns_off_redirect_cookies_and_hsts():
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS)"
    )
    env = os.environ | {
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "x" * 60,
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SETTINGS_MODULE": "traineeship.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == ["False", "False", "False", "0"], result.stderr


def test_content_security_policy_has_no_unsafe_inline(client):
    response = client.get("/accounts/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"


def test_unknown_page_is_a_friendly_404(client, personas):
    client.force_login(personas.trainee)
    response = client.get("/does-not-exist/")
    assert response.status_code == 404


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
def test_too_many_failed_logins_are_throttled_with_a_message(client, personas):
    for _ in range(5):
        response = client.post("/accounts/login/", {"username": personas.hr.email, "password": "wrong"})
    response = client.post("/accounts/login/", {"username": personas.hr.email, "password": "test-password-123"})
    assert response.status_code == 429
    assert "15 minuten" in response.content.decode()


@pytest.mark.django_db
def test_login_with_email_in_any_case(client, personas):
    response = client.post("/accounts/login/", {"username": personas.hr.email.upper(), "password": "test-password-123"})
    assert response.status_code == 302


def test_anonymous_is_sent_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
