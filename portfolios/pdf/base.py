"""What every PDF export shares: our print stylesheet (parsed once), a URL fetcher that serves
only our own static files, and rendering to PDF/A for archiving."""

import mimetypes
from functools import cache
from pathlib import Path

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://traineeship.invalid/"
STATIC_PREFIX = BASE_URL.rstrip("/") + settings.STATIC_URL
PRINT_CSS = Path(__file__).resolve().parent.parent / "static" / "portfolios" / "print.css"


class RefusedURL(ValueError):
    pass


class StaticOnlyFetcher(URLFetcher):
    """Serve our own static files; refuse anything else (no network, no local paths)."""

    def __init__(self):
        super().__init__(allowed_protocols={"https"}, allow_redirects=False)

    def fetch(self, url, headers=None):
        if not url.startswith(STATIC_PREFIX) or ".." in url:
            raise RefusedURL(f"Refused to fetch {url}")
        relative = url.removeprefix(STATIC_PREFIX).split("?")[0]
        found = finders.find(relative)
        if not found:
            raise RefusedURL(f"No static file {relative}")
        path = Path(found)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": mime})


@cache
def print_stylesheet() -> weasyprint.CSS:
    """Parsed once per process and reused by every export."""
    return weasyprint.CSS(filename=str(PRINT_CSS), url_fetcher=StaticOnlyFetcher())


def render_pdf(template: str, context: dict, *, language: str) -> bytes:
    with translation.override(language):
        html = render_to_string(template, {**context, "LANGUAGE_CODE": language})
        document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher())
        return document.write_pdf(stylesheets=[print_stylesheet()], pdf_variant="pdf/a-3b")
