"""Every page each role can reach, in Dutch and in English: no axe-core violations of
WCAG 2.1 A/AA in Chromium, and no errors from the Nu Html Checker.

Pages are found by following links as each role (``tests/crawling.py``), so new pages
are covered as soon as they are linked. In Dutch, on a phone, URLs that differ only by ids
are checked twice at most (two records of one kind may show different parts of a page); in
English, at 1280 px, each kind of page once (what differs there is the language and the
width, not the record). One Nu Html Checker run per role and language validates every page saved.
"""

import json
import re
import subprocess

import pytest

from organisations.demo import demo_email
from tests.browser.conftest import AXE, ROLES, VNU, login_as, switch_to_english
from tests.crawling import parse, pattern_of, should_follow
from tests.quality.conftest import ANONYMOUS_START

# axe is injected into every page of the context (``with_axe``); only violations are
# collected (``resultTypes``: axe then skips the node details of passes and incomplete
# results, every rule still runs and every violation is still reported).
AXE_RUN = """() => axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                                 resultTypes: ["violations"]})
  .then(r => r.violations.map(v => ({id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(" "))})))"""
PAGES_PER_ROLE = 80
# Pages of one kind (``pattern_of``) checked per crawl, by language.
PER_PATTERN = {"nl": 2, "en": 1}
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


def crawl_in_browser(page, base_url, start, language, label, out_dir, saved, violations, errors):
    queue, seen, per = list(start), set(), {}
    visited = 0
    while queue and visited < PAGES_PER_ROLE:
        url = queue.pop(0)
        if url in seen or not should_follow(url):
            continue
        seen.add(url)
        pattern = pattern_of(url)
        if per.get(pattern, 0) >= PER_PATTERN[language]:
            continue
        per[pattern] = per.get(pattern, 0) + 1
        response = page.goto(base_url + url)
        if response is None:
            continue
        if response.status >= 500:
            errors.append(f"{label} GET {url}: {response.status}")
            continue
        if response.status != 200 or not response.headers.get("content-type", "").startswith("text/html"):
            continue
        visited += 1
        html = response.text()
        if f'<html lang="{language}">' not in html:
            errors.append(f'{label} {url}: not marked as <html lang="{language}">')
        path = out_dir / f"{label}-{len(saved):03d}.html"
        path.write_text(html, encoding="utf-8")
        saved[str(path)] = f"{label} {url}"
        for violation in page.evaluate(AXE_RUN):
            violations.append(f"{label} {url}: {violation['id']} ({violation['help']}) at {violation['targets']}")
        width = page.viewport_size["width"]
        if width == PHONE["width"] and (overflow := page.evaluate(OVERFLOW)):
            errors.append(f"{label} {url}: {overflow['scrollWidth']} px wide at {width} px, by {overflow['elements']}")
        links, _forms = parse(html, url)
        # Links to other sites (evidence a trainee linked to) are not our pages: only paths are followed.
        queue.extend(link for link in links if link not in seen and link.startswith("/"))


def with_axe(context):
    """axe-core in every page the context opens, sent to the browser once rather than per page."""
    context.add_init_script(path=str(AXE))
    return context


def check_open_page(page, url: str, html: str, out_dir, saved: dict[str, str]) -> list[str]:
    """For a check of chosen pages: the open page saved for ``validate_html``, its axe-core
    violations, and on a phone what sticks out beyond the screen."""
    path = out_dir / f"{page.viewport_size['width']}-{len(saved):02d}.html"
    path.write_text(html, encoding="utf-8")
    saved[str(path)] = url
    problems = [f"{url}: {v['id']} at {v['targets']}" for v in page.evaluate(AXE_RUN)]
    if page.viewport_size["width"] == PHONE["width"] and (overflow := page.evaluate(OVERFLOW)):
        problems.append(f"{url}: {overflow['scrollWidth']} px wide by {overflow['elements']}")
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
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("role", [None, *ROLES], ids=["anonymous", *ROLES])
def test_every_page_is_accessible_and_valid_html(demo_site, browser, browser_context_args, tmp_path, language, role):
    # One test per role and language, so the parallel workers share the crawls evenly.
    saved, violations, errors = {}, [], []
    viewport = PHONE if language == "nl" else DESKTOP
    context = with_axe(browser.new_context(**browser_context_args | {"viewport": viewport}))
    page = context.new_page()
    label = f"{language}-{role or 'anonymous'}"
    if role:
        login_as(page, demo_email(role, "zonnedal"), demo_site)
    else:
        page.goto(demo_site + ANONYMOUS_START[0])
    if language == "en":
        switch_to_english(page)
    start = ("/",) if role else ANONYMOUS_START
    crawl_in_browser(page, demo_site, start, language, label, tmp_path, saved, violations, errors)
    context.close()
    html_errors = validate_html(saved) if saved else []
    report = []
    if violations:
        report += ["axe-core violations:", *violations]
    if html_errors:
        report += ["Nu Html Checker errors:", *html_errors]
    report += errors
    assert saved, f"no page reachable as {label}"
    assert not report, f"{len(saved)} pages checked as {label}:\n" + "\n".join(report)
