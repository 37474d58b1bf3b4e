"""Mails are plain text: no template of theirs may HTML-escape a name (O'Brien, not O&#x27;Brien)."""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def test_every_plain_text_template_turns_escaping_off():
    unescaped = [str(path) for path in TEMPLATES.rglob("*.txt") if "{% autoescape off %}" not in path.read_text()]
    assert unescaped == []


def test_a_name_with_an_apostrophe_stays_as_typed_in_a_subject():
    class Invitation:
        name = "Sanne O'Brien & co"
        organisation = type("Organisation", (), {"name": "Buurt & Co's"})()

        def get_role_display(self):
            return "mentor"

    with translation.override("en"):
        subject = render_to_string("organisations/email/invitation_subject.txt", {"invitation": Invitation()})
        body = render_to_string(
            "organisations/email/invitation_body.txt", {"invitation": Invitation(), "link": "x", "valid_days": 3}
        )
    assert "Buurt & Co's" in subject and "&#x27;" not in subject and "&amp;" not in subject
    assert "Sanne O'Brien & co" in body
