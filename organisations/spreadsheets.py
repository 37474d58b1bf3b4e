"""Spreadsheets in and out: the one place where values become cells and cells become values.

Every export a person opens in a spreadsheet program goes through ``xlsx_response`` (typed
cells, a header row, filters on) or ``csv_response`` (written as Dutch Excel reads it:
semicolons, UTF-8 with a byte-order mark, decimal commas, dates as dd-mm-jjjj). Both encode
text with ``spreadsheet_text`` so that no value a person typed is read as a formula
(OWASP, "CSV injection"). ``read_table`` reads an uploaded .xlsx or CSV (comma or semicolon,
UTF-8 with or without BOM, or Windows-1252) with Dutch or English column names.

It lives in the lowest app so every app can use it.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _

from organisations import encoding

# A cell starting with one of these is taken for a formula by Excel, LibreOffice or Sheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
DATE_FORMAT = "DD-MM-YYYY"


class DutchExcel(csv.excel):
    """The CSV dialect Excel with Dutch regional settings writes and reads."""

    delimiter = ";"
    lineterminator = "\r\n"


csv.register_dialect("dutch_excel", DutchExcel)


def spreadsheet_text(value: str) -> str:
    """Text as a cell that is never read as a formula: a leading trigger gets a quote before it."""
    if value and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _typed(value):
    """A value as openpyxl should store it: numbers and dates typed, everything else safe text."""
    if value is None:
        return None
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, int | float | Decimal | datetime.date):
        if isinstance(value, datetime.datetime) and value.tzinfo is not None:
            return value.replace(tzinfo=None)  # Excel knows no time zones; the view passes local times
        return value
    return spreadsheet_text(str(value))


def _csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        return format(value, "f").replace(".", ",")
    return spreadsheet_text(str(value))


def xlsx_bytes(headers: list[str], rows, *, title: str = "") -> bytes:
    """A workbook written in openpyxl's write-only mode: time and memory grow with the rows, not their square."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    values = [[_typed(v) for v in row] for row in rows]
    widths = [len(str(h)) for h in headers]
    for row in values:
        for index, value in enumerate(row):
            widths[index] = max(widths[index], min(len(str("" if value is None else value)), 60))
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet((title or _("Export"))[:31])
    # Widths, frozen header and filters are set before the first row: the sheet is written as it goes.
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width + 2
    sheet.freeze_panes = "A2"
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(values) + 1}"
    bold = Font(bold=True)
    sheet.append([_cell(sheet, spreadsheet_text(str(h)), font=bold) for h in headers])
    for row in values:
        sheet.append([_cell(sheet, value) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _cell(sheet, value, *, font=None):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if font is not None:
        cell.font = font
    if isinstance(value, datetime.datetime):
        cell.number_format = DATE_FORMAT + " hh:mm"
    elif isinstance(value, datetime.date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text
    return cell


def csv_bytes(headers: list[str], rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, dialect="dutch_excel")
    writer.writerow([spreadsheet_text(str(h)) for h in headers])
    for row in rows:
        writer.writerow([_csv_text(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def _attachment(content: bytes, content_type: str, name: str) -> HttpResponse:
    # The one way a download is named: ``encoding.attach`` (ASCII fallback plus UTF-8 ``filename*``).
    return encoding.attach(HttpResponse(content, content_type=content_type), name or "export")


def xlsx_response(name: str, headers: list[str], rows, *, title: str = "") -> HttpResponse:
    return _attachment(xlsx_bytes(headers, rows, title=title), XLSX_TYPE, name)


def csv_response(name: str, headers: list[str], rows) -> HttpResponse:
    return _attachment(csv_bytes(headers, rows), CSV_TYPE, name)


def table_response(file_format: str, name: str, headers: list[str], rows, *, title: str = "") -> HttpResponse:
    """The same table as a workbook (``xlsx``) or Dutch-Excel CSV (``csv``)."""
    if file_format == "xlsx":
        return xlsx_response(name, headers, rows, title=title)
    return csv_response(name, headers, rows)


# Reading


@dataclass(frozen=True)
class RowError:
    line: int  # the row in the sheet or the line in the CSV file, as a spreadsheet program numbers it
    reason: str


class TableRejected(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} bad rows")
        self.errors = errors


def is_workbook(filename: str, content: bytes) -> bool:
    return filename.lower().endswith(".xlsx") or content.startswith(b"PK\x03\x04")


def _unescape(value):
    """Our own exports put a quote before a formula trigger; reading them back removes it.
    (A workbook stores a carriage return as a line feed, so that counts too.)"""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith((*FORMULA_TRIGGERS, "\n")):
        return value[1:]
    return value


def _workbook_rows(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise TableRejected([RowError(1, _("This is not a workbook that can be read (.xlsx)."))]) from None
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def decode_text(content: bytes) -> str:
    """UTF-8 with or without byte-order mark, else Windows-1252 (what older Excel writes)."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError:
        raise TableRejected([RowError(1, _("The file is not text in UTF-8 or Windows-1252."))]) from None


def _csv_rows(text: str) -> list[list]:
    first_line = text.split("\n", 1)[0]
    delimiter = max([";", ",", "\t"], key=first_line.count)
    try:
        if "\x00" in text:  # binary, not text (and no database stores a NUL in text)
            raise csv.Error("NUL")
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:  # binary content, a runaway quote, a field beyond the size limit
        raise TableRejected([RowError(1, _("This file cannot be read as CSV or as an Excel workbook."))]) from None


def _key(name) -> str:
    return " ".join(str(name or "").strip().lower().replace("_", " ").split())


def read_table(filename: str, content: bytes, columns: dict[str, list[str]], *, required=()) -> list[tuple[int, dict]]:
    """The rows of the file as ``(line, {column: value})``, naming columns as in ``columns``.

    ``columns`` maps each of our column names to the names a file may use (Dutch, English);
    a row with more values than the header has gets the key ``"__extra__"``.
    """
    rows = _workbook_rows(content) if is_workbook(filename, content) else _csv_rows(decode_text(content))
    if not any(v not in (None, "") for row in rows for v in row):
        raise TableRejected([RowError(1, _("The file is empty."))])
    aliases = {_key(alias): name for name, names in columns.items() for alias in [name, *names]}
    header = [aliases.get(_key(cell)) for cell in rows[0]]
    missing = [name for name in required if name not in header]
    if missing:
        raise TableRejected(
            [
                RowError(
                    1,
                    _("The first row must name the columns; missing: %(columns)s.") % {"columns": ", ".join(missing)},
                )
            ]
        )
    result = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(v not in (None, "") for v in row):
            continue
        values = {}
        for index, value in enumerate(row):
            if index >= len(header):
                if value not in (None, ""):
                    values["__extra__"] = True
                continue
            if header[index]:
                values[header[index]] = _unescape(value)
        result.append((line, values))
    return result
