"""What every PDF export shares: our print stylesheet (parsed once), a URL fetcher that serves
only our own static files (and the few in-memory files one export hands it, like the logo),
and rendering to tagged PDF/A-3a: archival and readable by assistive technology in one file."""

import mimetypes
import ssl
from functools import cache, lru_cache
from pathlib import Path

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint.urls import URLFetcher, URLFetcherResponse

from portfolios.pdf import speedups

speedups.install()

BASE_URL = "https://traineeship.invalid/"
STATIC_PREFIX = BASE_URL.rstrip("/") + settings.STATIC_URL
INLINE_PREFIX = BASE_URL + "inline/"
PRINT_CSS = Path(__file__).resolve().parent.parent / "static" / "portfolios" / "print.css"
# PDF/A-3 level A: tagged (structure tree, reading order, alternative texts), with language and title.
PDF_VARIANT = "pdf/a-3a"


class RefusedURL(ValueError):
    pass


# The fetcher never opens a connection: an empty TLS context spares loading the system's
# certificates each time one is made (tens of milliseconds per document).
_NO_NETWORK = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class StaticOnlyFetcher(URLFetcher):
    """Serve our own static files and the in-memory ``inline`` files; refuse anything else
    (no network, no local paths)."""

    def __init__(self, inline: dict[str, tuple[bytes, str]] | None = None):
        super().__init__(allowed_protocols={"https"}, allow_redirects=False, ssl_context=_NO_NETWORK)
        self.inline = inline or {}

    def fetch(self, url, headers=None):
        if url.startswith(INLINE_PREFIX) and url.removeprefix(INLINE_PREFIX) in self.inline:
            body, mime = self.inline[url.removeprefix(INLINE_PREFIX)]
            return URLFetcherResponse(url, body=body, headers={"Content-Type": mime})
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


@lru_cache(maxsize=64)
def accent_stylesheet(colour: str) -> weasyprint.CSS:
    """The organisation's accent colour (validated as #rrggbb with enough contrast on white),
    parsed once per colour and process."""
    return weasyprint.CSS(
        string=f"h1, h2, .cover .organisation {{ color: {colour}; }} h2 {{ border-bottom-color: {colour}; }}"
        f" .cover {{ border-left-color: {colour}; }}",
        url_fetcher=StaticOnlyFetcher(),
    )


def render_pdf(
    template: str,
    context: dict,
    *,
    language: str,
    inline: dict[str, tuple[bytes, str]] | None = None,
    attachments: list[weasyprint.Attachment] | None = None,
    accent: str | None = None,
) -> bytes:
    with translation.override(language):
        html = render_to_string(template, {**context, "LANGUAGE_CODE": language, "INLINE_PREFIX": INLINE_PREFIX})
        document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher(inline))
        stylesheets = [print_stylesheet()]
        if accent:
            stylesheets.append(accent_stylesheet(accent))
        return document.write_pdf(stylesheets=stylesheets, pdf_variant=PDF_VARIANT, attachments=attachments or [])
