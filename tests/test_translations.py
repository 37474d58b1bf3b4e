"""Dutch first: every string in the code has a Dutch translation, and nothing is fuzzy."""

import gettext
import os
import re
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from django.utils import translation

IGNORED = [".venv", "node_modules", "staticfiles", "tests", "benchmarks", ".tmp", "media"]
# Words written the same in Dutch and English (the glossary in ../shared/DOMAIN.md keeps
# "trainee", "mentor" and "stappenplan"). A Dutch msgstr equal to its msgid is
# left untranslated unless every word in it is here.
SAME_IN_DUTCH = {
    "agenda", "cao", "coach", "coaching", "coachings", "code", "details", "export", "hr", "link", "logo", "mentor",
    "moment", "online", "partners", "portfolio", "privacy", "protocol", "register", "registers", "single", "sign-on",
    "stappenplan", "start", "status", "budget", "trainee", "trainees", "traineeship", "traineeships", "training",
}  # fmt: skip
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{[^}]*\}|<[^>]+>")


def test_dutch_catalogue_is_complete(tmp_path):
    # makemessages writes into the locale folder beside the sources, so run it on a copy.
    copy = tmp_path / "project"
    shutil.copytree(
        settings.BASE_DIR,
        copy,
        ignore=shutil.ignore_patterns(*IGNORED, ".git", "*.sqlite3*", "__pycache__", "*.mo"),
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nl", "--no-location", "-v0"]
        + [f"--ignore={pattern}" for pattern in IGNORED],
        cwd=copy,
        env=env | {"DJANGO_SETTINGS_MODULE": "traineeship.settings"},
        check=True,
    )
    po = copy / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    untranslated = subprocess.run(
        ["msgattrib", "--untranslated", "--no-obsolete", str(po)], capture_output=True, text=True, check=True
    ).stdout
    fuzzy = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-obsolete", str(po)], capture_output=True, text=True, check=True
    ).stdout
    assert not untranslated.strip(), f"Strings without a Dutch translation (run `make messages`):\n{untranslated}"
    assert not fuzzy.strip(), f"Fuzzy Dutch translations to check:\n{fuzzy}"
    mo = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "-o", str(mo), str(po)], check=True)
    with mo.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog
    english = sorted(
        msgid
        for key, msgstr in catalogue.items()
        if (msgid := key[0] if isinstance(key, tuple) else key) and msgstr == msgid and _has_english_words(msgid)
    )
    assert not english, "Dutch translations equal to the English (translate them):\n" + "\n".join(english)


def _has_english_words(text: str) -> bool:
    words = re.findall(r"[^\W\d_][\w-]*", PLACEHOLDER.sub(" ", text))
    return any(word.lower() not in SAME_IN_DUTCH for word in words)


@pytest.mark.parametrize(("language", "word"), [("nl", "Inloggen"), ("en", "Sign in")])
def test_login_page_speaks_the_language_asked_for(client, language, word):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE=language)
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert word in html


def test_dutch_is_the_default(client):
    html = client.get("/accounts/login/").content.decode()
    assert '<html lang="nl">' in html


def test_language_switch_sets_cookie_and_user_language(client, django_user_model, db):
    user = django_user_model.objects.create_user(email="a@example.org", password="x-secret-123", name="A")
    client.force_login(user)
    response = client.post("/i18n/language/", {"language": "en", "next": "/accessibility/"})
    assert response.status_code == 302 and response["Location"] == "/accessibility/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    user.refresh_from_db()
    assert user.language == "en"
    assert '<html lang="en">' in client.get("/accessibility/").content.decode()


def test_language_switch_refuses_foreign_redirects(client):
    response = client.post("/i18n/language/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_dutch_dates():
    from datetime import date

    from django.utils.formats import date_format

    with translation.override("nl"):
        assert date_format(date(2026, 3, 5), "SHORT_DATE_FORMAT") == "5-3-2026"


def test_dutch_reads_as_written_by_a_person(tmp_path):
    """One word per role (mentor, with werkbegeleider named once), "je" not "u", real plurals."""
    mo = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "-o", str(mo), str(settings.BASE_DIR / "locale" / "nl" / "LC_MESSAGES" / "django.po")])
    with mo.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog
    problems = []
    werkbegeleider = []
    for key, msgstr in catalogue.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if not msgid:
            continue
        if "werkbegeleider" in msgstr.lower():
            werkbegeleider.append(msgstr)
        if re.search(r"\b(u|uw|Uw)\b", PLACEHOLDER.sub(" ", msgstr)):
            problems.append(f"formal 'u': {msgstr}")
        pairs = re.findall(r"\b(\w{3})\w*/(\w{3})\w*en\b", msgstr)  # "schaal/schalen", "afspraak/afspraken"
        if re.search(r"\w\((e|en|s)\)|\bis/zijn\b", msgstr) or any(a == b for a, b in pairs):
            problems.append(f"'(en)' or 'a/b' instead of a plural form (ngettext): {msgstr}")
    assert len(werkbegeleider) == 1, f"werkbegeleider is named once, in help text: {werkbegeleider}"
    assert not problems, "\n".join(problems)


def test_blank_choice_is_dutch(client, db):
    from django import forms

    from organisations.models import Organisation

    with translation.override("nl"):
        field = forms.ModelChoiceField(queryset=Organisation.objects.all())
        assert str(field.empty_label) == "Kies …"
