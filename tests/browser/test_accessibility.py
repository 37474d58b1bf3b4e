"""Every page each role can reach: no axe-core violations of WCAG 2.1 A/AA in Chromium, nothing
wider than a phone's screen, and no errors from the Nu Html Checker.

Pages are found by following links as each role (``tests/crawling.py``), so new pages are covered
as soon as they are linked. Every kind of page (URLs that differ only by ids) is checked in Dutch
on a phone and, without loading it again, at 1280 px (what the wide screen shows that the phone did
not: the rest has the same markup and styles); a second record of each kind on the phone
(two records of one kind may show different parts of a page) once every kind had its first. The
start pages are checked in English too. One Nu Html Checker run per role validates every page saved.
"""

import json
import re
import subprocess

import pytest

from organisations.demo import demo_email
from tests.browser.conftest import AXE, ROLES, VNU, login_as, switch_to_english
from tests.crawling import crawl, pattern_of
from tests.quality.conftest import ANONYMOUS_START

# axe is injected into every page of the context (``with_axe``); only violations are
# collected (``resultTypes``: axe then skips the node details of passes and incomplete
# results, every rule still runs and every violation is still reported).
AXE_OPTIONS = """{runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                  resultTypes: ["violations"]}"""
AXE_REPORT = """r => r.violations.map(v => ({id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(" "))}))"""
AXE_RUN = f"""() => {{
  window.shownEarlier = new WeakSet([...document.querySelectorAll("*")].filter(e => e.checkVisibility()));
  return axe.run(document, {AXE_OPTIONS}).then({AXE_REPORT});
}}"""
# At a further width only what it shows that the earlier one did not (a menu a phone folds away,
# columns for wide screens) is checked again: what both show has the same markup and styles, and the
# earlier width checked it whole. ``NEWLY_SHOWN`` keeps the outermost of those elements for axe and
# returns their markup: markup a crawl already checked at that width (a role's menu) is not checked again.
NEWLY_SHOWN = """() => {
  const fresh = new Set([...document.body.querySelectorAll("*")]
    .filter(e => !shownEarlier.has(e) && e.checkVisibility()));
  fresh.forEach(e => shownEarlier.add(e));
  window.newlyShown = [...fresh].filter(e => !fresh.has(e.parentElement));
  // Hidden inputs (a form's CSRF token, new on every page) are no part of what axe checks.
  const markup = e => { const c = e.cloneNode(true); c.querySelectorAll("input[type=hidden]").forEach(i => i.remove());
                        return c.outerHTML; };
  return newlyShown.map(markup).join("\\n");
}"""
AXE_RUN_NEWLY_SHOWN = f"""() => axe.run({{include: newlyShown}}, {AXE_OPTIONS}).then({AXE_REPORT})"""
# A bound as the site grows: the demo data's largest crawl (HR) is about 125 pages of 81 kinds.
PAGES_PER_ROLE = 160
# Pages of one kind (``pattern_of``) checked per crawl: two records of one kind may show different parts.
PER_PATTERN = 2
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
# What sticks out beyond the screen: the outermost elements wider than the page, to name in a failure.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  const wide = [...document.body.querySelectorAll("*")].filter(e => e.getBoundingClientRect().right > width + 1);
  const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
    + (typeof e.className === "string" && e.className.trim() ? "." + e.className.trim().split(/\\s+/).join(".") : "");
  const deepest = wide.filter(e => ![...e.children].some(c => wide.includes(c)));
  return {scrollWidth: document.documentElement.scrollWidth, elements: deepest.slice(0, 4).map(name)};
}"""


def crawl_in_browser(
    page, base_url: str, start, label: str, out_dir, saved: dict[str, str], checked_markup: set
) -> list[str]:
    """Every kind of page found by following links (``crawl``: kinds before second records), loaded in
    the browser; each page checked on a phone, the first of its kind also at 1280 px (``check_open_page``)."""
    problems, kinds = [], set()

    def fetch(url):
        response = page.goto(base_url + url)
        if response is None:
            return 0, "", ""
        content_type = response.headers.get("content-type", "")
        if response.status != 200 or not content_type.startswith("text/html"):
            return response.status, content_type, ""
        html = response.text()
        if '<html lang="nl">' not in html:
            problems.append(f'{label} {url}: not marked as <html lang="nl">')
        kind = pattern_of(url)
        widths = (PHONE,) if kind in kinds else (PHONE, DESKTOP)
        kinds.add(kind)
        problems.extend(
            check_open_page(page, url, html, out_dir, saved, widths=widths, label=label, checked_markup=checked_markup)
        )
        return response.status, content_type, html

    result = crawl(fetch, start, per_pattern=PER_PATTERN, limit=PAGES_PER_ROLE)
    return [f"{label} {error}" for error in result.errors] + problems


def with_axe(context):
    """axe-core in every page the context opens, sent to the browser once rather than per page."""
    context.add_init_script(path=str(AXE))
    return context


def check_open_page(
    page, url: str, html: str, out_dir, saved: dict[str, str], *, widths=(PHONE, DESKTOP), label="", checked_markup=None
):
    """The open page saved for ``validate_html``, and at each width (the window resized, the page
    not loaded again) its axe-core violations (the whole page at the first width, at later ones what
    they newly show, unless ``checked_markup`` holds that markup at that width already) and, on a phone,
    what sticks out beyond the screen. The page is left at the first width."""
    checked_markup = set() if checked_markup is None else checked_markup
    path = out_dir / f"{label or 'page'}-{len(saved):03d}.html"
    path.write_text(html, encoding="utf-8")
    saved[str(path)] = f"{label} {url}".strip()
    problems = []
    for index, viewport in enumerate(widths):
        if page.viewport_size != viewport:
            page.set_viewport_size(viewport)
        where = f"{label} {url} at {viewport['width']} px".strip()
        if not index:
            violations = page.evaluate(AXE_RUN)
        elif (markup := (viewport["width"], page.evaluate(NEWLY_SHOWN))) not in checked_markup and markup[1]:
            checked_markup.add(markup)
            violations = page.evaluate(AXE_RUN_NEWLY_SHOWN)
        else:
            violations = []
        problems += [f"{where}: {v['id']} ({v['help']}) at {v['targets']}" for v in violations]
        if viewport == PHONE and (overflow := page.evaluate(OVERFLOW)):
            problems.append(f"{where}: {overflow['scrollWidth']} px wide by {overflow['elements']}")
    if page.viewport_size != widths[0]:
        page.set_viewport_size(widths[0])
    return problems


def validate_html(saved: dict[str, str]) -> list[str]:
    # One short run: the quick compiler alone (C1) and the serial collector start faster and
    # spend half the CPU of the JVM's defaults on a few dozen pages; the checks are the same.
    java = ["java", "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
    result = subprocess.run(
        [*java, "-jar", str(VNU), "--errors-only", "--format", "json", *saved],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    problems = []
    for message in messages:
        path = re.sub(r"^file:", "", message.get("url", ""))
        page = saved.get(path, path)
        problems.append(f"{page} line {message.get('lastLine', '?')}: {message.get('message')}")
    return problems


@pytest.mark.browser
@pytest.mark.parametrize("role", [None, *ROLES], ids=["anonymous", *ROLES])
def test_every_page_is_accessible_and_valid_html(demo_site, browser, browser_context_args, tmp_path, role):
    # One test per role, so the parallel workers share the crawls evenly.
    saved, checked_markup = {}, set()
    context = with_axe(browser.new_context(**browser_context_args | {"viewport": PHONE}))
    page = context.new_page()
    label = role or "anonymous"
    start = ("/",) if role else ANONYMOUS_START
    if role:
        login_as(page, demo_email(role, "zonnedal"), demo_site)
    problems = crawl_in_browser(page, demo_site, start, f"nl-{label}", tmp_path, saved, checked_markup)
    # In English: the start pages, at both widths (the crawl above checked every kind of page's
    # structure; English changes its words, which ``test_translations`` and the sign-in suite follow).
    page.set_viewport_size(DESKTOP)  # the language switch is in the menu a phone folds away
    page.goto(demo_site + start[0])
    switch_to_english(page)
    for url in start:
        response = page.goto(demo_site + url)
        html = response.text()
        if '<html lang="en">' not in html:
            problems.append(f'en-{label} {url}: not marked as <html lang="en">')
        problems += check_open_page(
            page, url, html, tmp_path, saved, label=f"en-{label}", checked_markup=checked_markup
        )
    context.close()
    problems += validate_html(saved)
    assert len(saved) > len(start), f"no page reachable as {label}"
    assert not problems, f"{len(saved)} pages checked as {label}:\n" + "\n".join(problems)
