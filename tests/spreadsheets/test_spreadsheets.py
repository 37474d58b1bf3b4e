"""Spreadsheet exports and imports, read back with the libraries a spreadsheet user's tools use:
openpyxl for workbooks, the csv module with the Dutch Excel dialect for CSV."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from organisations import spreadsheets
from tests.mentors.factories import mentored_traineeship
from tests.overview.overview_exports import download_overview
from tests.programmes.factories import CompetencyFactory, FrameworkFactory

HOSTILE = ['=HYPERLINK("http://evil.example","klik")', "+31 6 1234", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]


def read_csv(response) -> list[list[str]]:
    assert response.content.startswith(b"\xef\xbb\xbf")  # a byte-order mark: Excel reads UTF-8
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline=""), dialect="dutch_excel"))


def read_xlsx(response):
    assert response["Content-Type"] == spreadsheets.XLSX_TYPE
    return load_workbook(io.BytesIO(response.content)).active


@pytest.mark.parametrize("value", HOSTILE)
def test_a_formula_in_a_name_is_text_in_the_overview_exports(personas, client_for, value):
    traineeship = mentored_traineeship(personas.organisation, mentor=personas.mentor, manager=personas.manager)
    traineeship.trainee.name = value
    traineeship.trainee.save(update_fields=["name"])
    client = client_for(personas.manager)
    rows = read_csv(download_overview(client, "csv"))
    names = [row[0] for row in rows[1:]]
    assert "'" + value in names
    assert not any(name.startswith(spreadsheets.FORMULA_TRIGGERS) for name in names)
    sheet = read_xlsx(download_overview(client, "xlsx"))
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    # XML may read a carriage return back as a line feed (without lxml); what matters is the quote.
    assert any(cell.value in ("'" + value, "'" + value.replace("\r", "\n")) for cell in cells)
    assert all(cell.data_type == "s" for cell in cells)  # a string, never a formula ("f")


def test_overview_workbook_has_typed_cells_header_and_filter(personas, client_for):
    traineeship = mentored_traineeship(personas.organisation, mentor=personas.mentor, manager=personas.manager)
    sheet = read_xlsx(download_overview(client_for(personas.manager), "xlsx"))
    assert [c.value for c in sheet[1]][:2] == ["Trainee", "Programma"]
    assert sheet[1][0].font.bold
    assert sheet.auto_filter.ref == sheet.dimensions
    start = sheet.cell(row=2, column=5)
    assert isinstance(start.value, datetime.datetime) and start.is_date
    assert start.value.date() == traineeship.start_date
    csv_rows = read_csv(download_overview(client_for(personas.manager), "csv"))
    assert csv_rows[1][4] == traineeship.start_date.strftime("%d-%m-%Y")


def test_framework_exports_encode_every_trigger_and_import_back(personas, client_for):
    framework = FrameworkFactory(organisation=personas.organisation)
    for number, value in enumerate(HOSTILE):
        CompetencyFactory(framework=framework, code=f"X{number}", name=value, description=value)
    client = client_for(personas.hr)
    for file_format in ("xlsx", "csv"):
        url = reverse("programmes:framework_export", kwargs={"pk": framework.pk, "file_format": file_format})
        response = client.get(url)
        if file_format == "csv":
            names = [row[1] for row in read_csv(response)[1:]]
        else:
            names = [row[1].value.replace("\n", "\r") for row in read_xlsx(response).iter_rows(min_row=2)]
        assert sorted(names) == sorted("'" + v for v in HOSTILE)
        # Imported again, the names are what was typed (trimmed): the quote was only the spreadsheet's protection.
        copy = FrameworkFactory(organisation=personas.organisation)
        upload = SimpleUploadedFile(f"kader.{file_format}", response.content)
        imported = client.post(reverse("programmes:framework_import", kwargs={"pk": copy.pk}), {"file": upload})
        assert imported.status_code == 302
        assert sorted(copy.competencies.values_list("name", flat=True)) == sorted(v.strip() for v in HOSTILE)


def post_file(client, framework, name, content: bytes):
    url = reverse("programmes:framework_import", kwargs={"pk": framework.pk})
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


@pytest.mark.parametrize(
    "content",
    [
        "code;naam;leefgebieden\r\nA1;Contact en werkrelatie;wonen;werk\r\n".replace(";wonen;werk", ';"wonen;werk"'),
        "code,name,areas of life\nA1,Contact en werkrelatie,wonen;werk\n",
        '\ufeffCode;Naam;Leefgebieden\nA1;Contact en werkrelatie;"wonen;werk"\n',
    ],
)
def test_csv_import_detects_separator_and_dutch_or_english_columns(personas, client_for, content):
    framework = FrameworkFactory(organisation=personas.organisation)
    assert post_file(client_for(personas.hr), framework, "kader.csv", content.encode("utf-8")).status_code == 302
    competency = framework.competencies.get()
    assert (competency.name, competency.areas_of_life) == ("Contact en werkrelatie", ["wonen", "werk"])


def test_csv_import_reads_windows_1252(personas, client_for):
    framework = FrameworkFactory(organisation=personas.organisation)
    content = "Code;Naam\nA2;Vraagverheldering en analyse – financiën\n".encode("cp1252")
    assert post_file(client_for(personas.hr), framework, "kader.csv", content).status_code == 302
    assert framework.competencies.get().name == "Vraagverheldering en analyse – financiën"


def workbook_bytes(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_workbook_import_and_whole_rejection_in_the_persons_language(personas, client_for):
    framework = FrameworkFactory(organisation=personas.organisation)
    good = workbook_bytes([["Code", "Naam", "Beschrijving"], ["B1", "Samenwerken", "In netwerk"], [7, "Getal", None]])
    assert post_file(client_for(personas.hr), framework, "kader.xlsx", good).status_code == 302
    assert sorted(framework.competencies.values_list("code", flat=True)) == ["7", "B1"]

    other = FrameworkFactory(organisation=personas.organisation)
    bad = workbook_bytes([["Code", "Naam"], ["C1", "Reflecteren"], [None, "Zonder code"], ["C1", "Dubbel"]])
    response = post_file(client_for(personas.hr, "nl"), other, "kader.xlsx", bad)
    assert response.status_code == 400
    errors = [(e.line, e.reason) for e in response.context["errors"]]
    assert errors == [(3, "De code is leeg."), (4, "Code C1 is al gebruikt op regel 2.")]
    assert not other.competencies.exists()
    english = post_file(client_for(personas.hr, "en"), other, "kader.xlsx", bad)
    assert (3, "The code is empty.") in [(e.line, e.reason) for e in english.context["errors"]]


def test_a_broken_workbook_or_missing_columns_are_rejected_with_a_reason(personas, client_for):
    framework = FrameworkFactory(organisation=personas.organisation)
    client = client_for(personas.hr, "en")
    broken = post_file(client, framework, "kader.xlsx", b"PK\x03\x04 not really a zip")
    assert broken.status_code == 400
    assert "not a workbook" in broken.context["errors"][0].reason
    missing = post_file(client, framework, "kader.csv", b"titel;omschrijving\nx;y\n")
    assert "missing: code, name" in missing.context["errors"][0].reason


def test_a_file_that_is_no_table_is_rejected_not_a_server_error(personas, client_for):
    framework = FrameworkFactory(organisation=personas.organisation)
    client = client_for(personas.hr, "en")
    for content in [b'code;name\n"' + b"x" * 200_000, b"code;name\nA1;\x00binary\n"]:
        response = post_file(client, framework, "kader.csv", content)
        assert response.status_code == 400
        assert "cannot be read as CSV" in response.context["errors"][0].reason
