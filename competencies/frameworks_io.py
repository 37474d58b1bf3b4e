"""Competency frameworks as a workbook, CSV and JSON: export, and an import that takes a file whole or not at all."""

import json

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from competencies.models import Competency, CompetencyFramework
from organisations import spreadsheets
from organisations.spreadsheets import RowError
from organisations.spreadsheets import TableRejected as ImportRejected

COLUMNS = [
    "code",
    "name",
    "description",
    "areas_of_life",
    "level_startbekwaam",
    "level_vakbekwaam",
    "level_vakvolwassen",
]
# Column headings in the export; an import accepts these in Dutch and English, and the plain names.
HEADERS = {
    "code": _lazy("Code"),
    "name": _lazy("Name"),
    "description": _lazy("Description"),
    "areas_of_life": _lazy("Areas of life"),
    "level_startbekwaam": _lazy("Level startbekwaam"),
    "level_vakbekwaam": _lazy("Level vakbekwaam"),
    "level_vakvolwassen": _lazy("Level vakvolwassen"),
}
ALIASES = {
    "code": ["code"],
    "name": ["name", "naam", "competentie", "competency"],
    "description": ["description", "beschrijving", "omschrijving"],
    "areas_of_life": ["areas of life", "leefgebieden", "levensgebieden"],
    "level_startbekwaam": ["level startbekwaam", "niveau startbekwaam", "startbekwaam"],
    "level_vakbekwaam": ["level vakbekwaam", "niveau vakbekwaam", "vakbekwaam"],
    "level_vakvolwassen": ["level vakvolwassen", "niveau vakvolwassen", "vakvolwassen"],
}
MAX_LENGTH = {"code": 20, "name": 200}
AREAS_SEPARATOR = ";"


def _as_row(competency: Competency) -> dict:
    return {
        "code": competency.code,
        "name": competency.name,
        "description": competency.description,
        "areas_of_life": list(competency.areas_of_life),
        "level_startbekwaam": competency.level_startbekwaam,
        "level_vakbekwaam": competency.level_vakbekwaam,
        "level_vakvolwassen": competency.level_vakvolwassen,
    }


def _headers() -> list[str]:
    return [str(HEADERS[column]) for column in COLUMNS]


def export_rows(framework: CompetencyFramework) -> tuple[list[str], list[list]]:
    """The header and one row per competency, for ``spreadsheets.table_response``."""
    rows = []
    for competency in framework.competencies.all():
        row = _as_row(competency)
        row["areas_of_life"] = AREAS_SEPARATOR.join(row["areas_of_life"])
        rows.append([row[column] for column in COLUMNS])
    return _headers(), rows


def export_json(framework: CompetencyFramework) -> str:
    data = {
        "framework": framework.name,
        "description": framework.description,
        "competencies": [_as_row(c) for c in framework.competencies.all()],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _read_table(filename: str, content: bytes) -> list[tuple[int, dict]]:
    rows = spreadsheets.read_table(filename, content, ALIASES, required=("code", "name"))
    for _line, row in rows:
        areas = str(row.get("areas_of_life") or "")
        row["areas_of_life"] = [a.strip() for a in areas.split(AREAS_SEPARATOR) if a.strip()]
        for column in ("code", "name"):
            if isinstance(row.get(column), int | float):
                row[column] = str(row[column])  # a workbook cell with a number in it
    return rows


def _read_json(text: str) -> list[tuple[int, dict]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        reason = _("This is not valid JSON: %(error)s.") % {"error": error.msg}
        raise ImportRejected([RowError(error.lineno, reason)]) from None
    items = data.get("competencies") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ImportRejected([RowError(1, _('Expected a list of competencies under "competencies".'))])
    return [(number, item) for number, item in enumerate(items, start=1)]


def parse(filename: str, content: bytes) -> list[dict]:
    """The competencies in the file (.xlsx, CSV or JSON), or ``ImportRejected`` listing every bad row
    (row in the sheet, line in the CSV, or entry number in JSON)."""
    if spreadsheets.is_workbook(filename, content):
        rows = _read_table(filename, content)
    else:
        text = spreadsheets.decode_text(content)
        is_json = filename.lower().endswith(".json") or text.lstrip().startswith(("{", "["))
        rows = _read_json(text) if is_json else _read_table(filename, content)
    errors, seen, valid = [], {}, []
    for line, row in rows:
        reasons = _row_errors(row)
        code = str(row.get("code") or "").strip() if isinstance(row, dict) else ""
        if code and code.lower() in seen:
            reasons.append(
                _("Code %(code)s is already used on line %(line)s.") % {"code": code, "line": seen[code.lower()]}
            )
        elif code:
            seen[code.lower()] = line
        if reasons:
            errors.extend(RowError(line, reason) for reason in reasons)
        else:
            valid.append({column: _clean(row.get(column)) for column in COLUMNS})
    if not rows:
        errors.append(RowError(1, _("The file holds no competencies.")))
    if errors:
        raise ImportRejected(errors)
    return valid


def _clean(value):
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return str(value or "").strip()


def _row_errors(row) -> list[str]:
    if not isinstance(row, dict):
        return [_("Each competency must be an object with a code and a name.")]
    if row.get("__extra__"):
        return [_("This line has more values than there are columns.")]
    reasons = []
    for column in ("code", "name"):
        value = row.get(column)
        if value is not None and not isinstance(value, str):
            reasons.append(_("The %(column)s must be text.") % {"column": column})
        elif not (value or "").strip():
            reasons.append(_("The %(column)s is empty.") % {"column": column})
        elif len(value.strip()) > MAX_LENGTH[column]:
            reasons.append(
                _("The %(column)s is longer than %(max)s characters.") % {"column": column, "max": MAX_LENGTH[column]}
            )
    areas = row.get("areas_of_life", [])
    if areas and not (isinstance(areas, list) and all(isinstance(a, str) for a in areas)):
        reasons.append(_("The areas of life must be a list of words."))
    return reasons
