"""Discover pages and forms by following links, so new pages are covered without a list.

Used by the browser suites (Playwright), the quality suites (Django's test client) and
the benchmarks (HTTP). Only the standard library: links and forms come from
``html.parser``; what to follow is decided by ``should_follow``.
"""

import re
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

# Never followed: leaving the session, changing language, admin, static files, downloads.
SKIPPED_PATH_PARTS = ("/logout", "/i18n/", "/admin/", "/static/", "/media/")
SKIPPED_SUFFIXES = (".csv", ".pdf", ".ics", ".zip", ".xlsx", ".docx", ".png", ".jpg", ".svg", ".json", ".txt")
# PDFs are rendered by the worker: their links may answer with a progress page or a file.
SKIPPED_WORDS = re.compile(r"(^|/)(download|export|logout|delete|pdf)(/|$|[-_.])", re.IGNORECASE)


def should_follow(url: str, origin: str = "") -> bool:
    """``url`` is absolute-path or absolute; only same-origin pages worth a GET."""
    parts = urlsplit(url)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return False
    if origin and parts.netloc and f"{parts.scheme}://{parts.netloc}" != origin:
        return False
    path = parts.path
    if not path.startswith("/"):
        return False
    if any(part in path for part in SKIPPED_PATH_PARTS):
        return False
    if path.lower().endswith(SKIPPED_SUFFIXES):
        return False
    return not SKIPPED_WORDS.search(path)


def is_own_page(url: str) -> bool:
    """Our own pages only: links to other sites (a register, evidence a trainee linked to) are not fetched."""
    return not urlsplit(url).netloc and should_follow(url)


def pattern_of(url: str) -> str:
    """The page's shape: numbers and long tokens become placeholders, query keys only."""
    parts = urlsplit(url)
    path = re.sub(r"/\d+(?=/|$)", "/<id>", parts.path)
    path = re.sub(r"/[0-9a-f-]{32,}(?=/|$)", "/<uuid>", path)
    keys = sorted({pair.split("=", 1)[0] for pair in parts.query.split("&") if pair})
    return path + ("?" + "&".join(keys) if keys else "")


@dataclass
class Form:
    action: str
    method: str
    enctype: str
    page: str
    fields: list[dict] = field(default_factory=list)

    def key(self) -> tuple:
        return (self.action, tuple(sorted((f["name"], f["type"]) for f in self.fields)))

    @property
    def has_file(self) -> bool:
        return any(f["type"] == "file" for f in self.fields)

    def visible_fields(self) -> list[dict]:
        return [f for f in self.fields if f["type"] not in ("hidden", "submit", "button", "reset", "image")]


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[dict] = []
        self._form = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: (value if value is not None else "") for name, value in attrs}
        if tag == "a" and attrs.get("href") and "download" not in attrs:
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = {
                "action": attrs.get("action", ""),
                "method": attrs.get("method", "get").lower(),
                "enctype": attrs.get("enctype", ""),
                "fields": [],
            }
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and attrs.get("name"):
            self._form["fields"].append(
                {
                    "name": attrs["name"],
                    "type": attrs.get("type", "text").lower(),
                    "value": attrs.get("value", ""),
                    "checked": "checked" in attrs,
                    "required": "required" in attrs,
                    "options": [],
                    "min": attrs.get("min", ""),
                }
            )
        elif tag == "button" and attrs.get("name"):
            self._form["fields"].append(
                {"name": attrs["name"], "type": "submit", "value": attrs.get("value", ""), "options": []}
            )
        elif tag == "select" and attrs.get("name"):
            self._select = {
                "name": attrs["name"],
                "type": "select-multiple" if "multiple" in attrs else "select",
                "value": "",
                "options": [],
                "selected": [],
                "required": "required" in attrs,
            }
            self._form["fields"].append(self._select)
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            self._select["options"].append(value)
            if "selected" in attrs:
                self._select["selected"].append(value)
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = {
                "name": attrs["name"],
                "type": "textarea",
                "value": "",
                "options": [],
                "required": "required" in attrs,
            }
            self._form["fields"].append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["value"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            if self._textarea is not None and self._textarea["value"].startswith("\n"):
                self._textarea["value"] = self._textarea["value"][1:]
            self._textarea = None


def parse(html: str, page_url: str) -> tuple[list[str], list[Form]]:
    """Links (absolute paths, fragments dropped) and forms on a page."""
    parser = _PageParser()
    parser.feed(html)
    links = []
    for href in parser.links:
        absolute, _fragment = urldefrag(urljoin(page_url, href.strip()))
        parts = urlsplit(absolute)
        links.append(parts.path + ("?" + parts.query if parts.query else "") if not parts.netloc else absolute)
    forms = []
    for raw in parser.forms:
        action = urljoin(page_url, raw["action"]) if raw["action"] else page_url
        action = urlsplit(action)
        action = action.path + ("?" + action.query if action.query else "")
        forms.append(Form(action, raw["method"], raw["enctype"], page_url, raw["fields"]))
    return links, forms


@dataclass
class Crawl:
    pages: dict[str, str] = field(default_factory=dict)  # url -> HTML
    forms: list[Form] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # 5xx
    refused: list[str] = field(default_factory=list)  # 403 and 404: links shown that lead nowhere


def crawl(
    fetch: Callable[[str], tuple[int, str, str]],
    start: Iterable[str] = ("/",),
    *,
    per_pattern: int = 2,
    limit: int = 80,
    follow: Callable[[str], bool] = is_own_page,
) -> Crawl:
    """Breadth-first over links. ``fetch(url)`` returns (status, content type, text) after redirects.

    URLs that differ only by ids are one kind of page (``pattern_of``): at most ``per_pattern`` of a
    kind are visited, and a second record of a kind only once every kind found so far had its first,
    so the ``limit`` of pages is spent on kinds before records. A 5xx is recorded in ``errors``, a
    403 or 404 in ``refused``.
    """
    result = Crawl()
    first, second = deque(start), deque()
    seen: set[str] = set()
    per: dict[str, int] = {}
    form_keys: set[tuple] = set()
    while (first or second) and len(result.pages) < limit:
        url = first.popleft() if first else second.popleft()
        if url in seen or not follow(url):
            continue
        pattern = pattern_of(url)
        visits = per.get(pattern, 0)
        if visits >= per_pattern:
            continue
        if visits and first:
            second.append(url)
            continue
        seen.add(url)
        per[pattern] = visits + 1
        status, content_type, text = fetch(url)
        if status >= 500:
            result.errors.append(f"GET {url} answered {status}")
            continue
        if status in (403, 404):
            result.refused.append(f"GET {url} answered {status}")
        if status != 200 or not content_type.startswith("text/html"):
            continue
        result.pages[url] = text
        links, forms = parse(text, url)
        for form in forms:
            if form.method == "post" and form.key() not in form_keys:
                form_keys.add(form.key())
                result.forms.append(form)
        first.extend(link for link in links if link not in seen)
    return result


def client_fetcher(client):
    """A ``fetch`` for ``crawl`` over Django's test client (follows redirects)."""

    def fetch(url):
        response = client.get(url, follow=True)
        content_type = response.get("Content-Type", "")
        text = response.content.decode("utf-8", "replace") if content_type.startswith("text/html") else ""
        return response.status_code, content_type, text

    return fetch


UNSAFE_FORM_ACTIONS = re.compile(r"(/logout|/i18n/|/switch/|/remove/|/revoke/|/delete/|/password/|/withdraw/)")


def is_safe_to_submit(form: Form) -> bool:
    """Forms that would sign out, switch language or membership, or destroy things are left alone."""
    return not UNSAFE_FORM_ACTIONS.search(form.action) and bool(form.visible_fields())
