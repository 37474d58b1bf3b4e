"""Filling discovered forms: with what is already there, with plausible values, or with hostile ones."""

from tests.crawling import Form, pattern_of

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE_BREAKER = '"><img src=x onerror=alert(1)>'
HOSTILE_TEXT = [SCRIPT, ATTRIBUTE_BREAKER, "x" * 20_000, "' OR 1=1 --", "Zoë 🎉 Ørsted"]
HOSTILE_NUMBER = ["-1", ATTRIBUTE_BREAKER, "1e309", "-99999999999999999999", "٣"]
HOSTILE_DATE = ["2026-02-30", SCRIPT, "0000-00-00", "9999-99-99", "2026-13-01"]
HOSTILE_CHOICE = ["not-a-number", ATTRIBUTE_BREAKER, "-1", "99999999999999999999", "1 OR 1=1"]

TEXT_TYPES = {"text", "textarea", "search", "email", "url", "tel", "password"}
DATE_TYPES = {"date", "datetime-local", "time", "month", "week"}
SKIPPED_TYPES = {"submit", "button", "reset", "image", "file"}


def one_per_shape(forms: list[Form]) -> list[Form]:
    """The first form of each shape: the same kind of action (``pattern_of``) with the same fields.
    Two records' copies of one form (a goal's edit form on two goals) are the same form class and
    fields; what they are sent is the same, so one of them is tried."""
    shapes, kept = set(), []
    for form in forms:
        shape = (pattern_of(form.action), form.key()[1])
        if shape not in shapes:
            shapes.add(shape)
            kept.append(form)
    return kept


def current_values(form: Form) -> dict[str, list[str]]:
    """What a browser would send without touching anything (hidden fields, selections, text)."""
    data: dict[str, list[str]] = {}
    submit_seen = False
    for field in form.fields:
        kind = field["type"]
        if kind == "submit":
            if not submit_seen and field["name"]:
                data.setdefault(field["name"], []).append(field["value"])
            submit_seen = True
        elif kind in SKIPPED_TYPES:
            continue
        elif kind in ("checkbox", "radio"):
            if field.get("checked"):
                data.setdefault(field["name"], []).append(field["value"] or "on")
        elif kind in ("select", "select-multiple"):
            chosen = field["selected"] or ([field["options"][0]] if kind == "select" and field["options"] else [])
            data.setdefault(field["name"], []).extend(chosen)
        else:
            data.setdefault(field["name"], []).append(field["value"])
    return data


def empty_values(form: Form) -> dict[str, list[str]]:
    """Only hidden fields and the submit button: every visible field left empty."""
    data = {}
    for field in form.fields:
        if field["type"] == "hidden" or (field["type"] == "submit" and field["name"]):
            data.setdefault(field["name"], []).append(field["value"])
    return data


def hostile_values(form: Form, index: int) -> dict[str, list[str]]:
    """Hidden fields kept (a version, a next URL); every visible field gets hostile value ``index``."""
    data = empty_values(form)
    for field in form.visible_fields():
        kind = field["type"]
        if kind in SKIPPED_TYPES:
            continue
        if kind == "number" or kind == "range":
            value = HOSTILE_NUMBER[index]
        elif kind in DATE_TYPES:
            value = HOSTILE_DATE[index]
        elif kind in ("select", "select-multiple", "radio"):
            value = HOSTILE_CHOICE[index]
        elif kind == "checkbox":
            value = HOSTILE_CHOICE[index] if index % 2 else "on"
        else:
            value = HOSTILE_TEXT[index]
        data.setdefault(field["name"], []).append(value)
    return data


def is_unescaped_hostile(html: str) -> bool:
    return SCRIPT in html or "<img src=x onerror=alert(1)>" in html


def _plausible(field: dict) -> str:
    """A value a person would type into an empty required field of this kind."""
    from datetime import date

    kind = field["type"]
    today = date.today().isoformat()
    return {
        "number": field.get("min") or "1",
        "range": field.get("min") or "1",
        "date": today,
        "datetime-local": f"{today}T10:00",
        "time": "10:00",
        "month": today[:7],
        "email": "matrix@example.org",
        "url": "https://example.org/matrix",
        "tel": "0612345678",
    }.get(kind, "Matrix")


def valid_values(form: Form) -> dict[str, list[str]]:
    """What a browser sends after a person filled the form's required fields: the current values,
    every empty required field given a plausible value, required choices their first real option."""
    data = current_values(form)
    for field in form.visible_fields():
        name, kind = field["name"], field["type"]
        if kind in SKIPPED_TYPES or not field.get("required"):
            continue
        if kind == "select":
            if not any(data.get(name, [])):
                data[name] = [next((option for option in field["options"] if option), "")]
        elif kind == "radio":
            if not data.get(name):
                data[name] = [field["value"]]
        elif kind == "checkbox":
            data.setdefault(name, [field["value"] or "on"])
        elif not any(data.get(name, [])):
            data[name] = [_plausible(field)]
    return data
