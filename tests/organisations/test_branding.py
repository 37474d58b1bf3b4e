"""HR brands the organisation's PDFs: a checked logo and an accent colour readable on white."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from organisations.branding import contrast_on_white


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def png(width=60, height=30) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "darkgreen").save(buffer, "PNG")
    return buffer.getvalue()


def post_settings(client, personas, **fields):
    data = {"name": personas.organisation.name, "kind": "social_work", "retention_years": 2, **fields}
    return client.post(reverse("organisations:settings"), data)


def test_settings_page_is_in_hr_navigation(personas, client_for):
    html = client_for(personas.hr).get(reverse("home")).content.decode()
    assert f'href="{reverse("organisations:settings")}"' in html


def test_hr_uploads_a_logo_and_chooses_a_dark_accent(personas, client_for):
    client = client_for(personas.hr)
    response = post_settings(
        client, personas, accent_colour="#1F6E43", logo=SimpleUploadedFile("Ons logo.png", png(), "image/png")
    )
    assert response.status_code == 302
    personas.organisation.refresh_from_db()
    assert personas.organisation.accent_colour == "#1f6e43"
    assert personas.organisation.logo.name.startswith("logos/") and personas.organisation.logo.name.endswith(".png")
    assert "Ons logo" not in personas.organisation.logo.name  # stored under a name of our own
    page = client.get(reverse("organisations:settings")).content.decode()
    assert 'enctype="multipart/form-data"' in page and 'type="color"' in page


def test_light_accent_is_refused_with_the_contrast_in_dutch(personas, client_for):
    response = post_settings(client_for(personas.hr), personas, accent_colour="#ffcc00")
    assert response.status_code == 200
    errors = response.context["form"].errors["accent_colour"]
    assert "4.5:1" in errors[0] and "contrast van" in errors[0]
    assert round(contrast_on_white("#ffcc00"), 1) < 4.5


def test_not_an_image_or_too_big_is_refused_at_the_field(personas, client_for):
    client = client_for(personas.hr, "en")
    fake = SimpleUploadedFile("logo.png", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "image/png")
    response = post_settings(client, personas, accent_colour="#1d4f91", logo=fake)
    assert response.status_code == 200
    assert "PNG or JPEG" in response.context["form"].errors["logo"][0]
    damaged = SimpleUploadedFile("logo.png", png()[:60], "image/png")
    response = post_settings(client, personas, accent_colour="#1d4f91", logo=damaged)
    assert "damaged" in response.context["form"].errors["logo"][0]
    big = SimpleUploadedFile("logo.png", png() + b"\0" * (1024 * 1024), "image/png")
    response = post_settings(client, personas, accent_colour="#1d4f91", logo=big)
    assert "the limit is" in response.context["form"].errors["logo"][0]
    personas.organisation.refresh_from_db()
    assert not personas.organisation.logo


def test_empty_accent_keeps_the_default(personas, client_for):
    assert post_settings(client_for(personas.hr), personas, accent_colour="").status_code == 302
    personas.organisation.refresh_from_db()
    assert personas.organisation.accent_colour == "#1d4f91"
