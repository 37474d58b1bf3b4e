"""Every browser test waits for what it reads (see ``tests/browser/steps.py``).

Each pattern below reads the page once, at the moment it is called: right after a click that
loads another page it reads the old page or an empty new one, and the test fails now and then.
"""

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
READS_ONCE = {
    r"\.content\(\)": "expect(page.locator('body')).to_contain_text(...)",
    r"wait_for_load_state\(": "click_through(locator) or press_through(page, key)",
    r"\.is_(visible|hidden|checked|enabled|disabled)\(\)": "expect(locator).to_be_visible() and its kin",
    r"\.input_value\(\)": "expect(locator).to_have_value(...)",
    r"assert [^\n]*(page|locator)\.locator\([^\n]*\)\.count\(\)": "expect(locator).to_have_count(n)",
    r"assert [^,\n]* in [^,\n]*\.inner_text\(": "expect(locator).to_contain_text(...)",
}


def test_browser_tests_wait_for_what_they_read():
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        if path.name in {"steps.py", Path(__file__).name}:
            continue
        text = path.read_text(encoding="utf-8")
        if "playwright" not in text and "pytest.mark.browser" not in text:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            for pattern, instead in READS_ONCE.items():
                if re.search(pattern, line):
                    found.append(f"{path.relative_to(TESTS)}:{number}: {line.strip()}  ->  {instead}")
    assert not found, "browser tests that read without waiting:\n" + "\n".join(found)
