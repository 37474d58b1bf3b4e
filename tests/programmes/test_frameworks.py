"""Competency frameworks: HR edits; import rejects a bad file whole with line numbers; export round-trips."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from competencies.models import Competency, CompetencyFramework
from tests.programmes.factories import CompetencyFactory, FrameworkFactory

GOOD_CSV = """code,name,description,areas_of_life,level_startbekwaam,level_vakbekwaam,level_vakvolwassen
A1,Contact en werkrelatie,Een gelijkwaardige werkrelatie,sociale relaties;zingeving,Legt contact,,
A2,Vraagverheldering en analyse,,financiën,,,
"""

BAD_CSV = """code,name,description
A1,Contact en werkrelatie,ok
,Zonder code,
A3,,zonder naam
A1,Dubbel,
"""


def upload(client, framework, name, content):
    url = reverse("programmes:framework_import", kwargs={"pk": framework.pk})
    return client.post(url, {"file": SimpleUploadedFile(name, content.encode())})


def test_import_csv_adds_and_updates(personas, client_for):
    framework = FrameworkFactory(organisation=personas.organisation)
    CompetencyFactory(framework=framework, code="A1", name="Oud")
    response = upload(client_for(personas.hr), framework, "kader.csv", GOOD_CSV)
    assert response.status_code == 302
    a1 = framework.competencies.get(code="A1")
    assert a1.name == "Contact en werkrelatie"
    assert a1.areas_of_life == ["sociale relaties", "zingeving"]
    assert framework.competencies.count() == 2


def test_bad_csv_is_rejected_whole_with_line_numbers(personas, client_for):
    framework = FrameworkFactory(organisation=personas.organisation)
    response = upload(client_for(personas.hr, "en"), framework, "kader.csv", BAD_CSV)
    assert response.status_code == 400
    errors = [(e.line, e.reason) for e in response.context["errors"]]
    assert (3, "The code is empty.") in errors
    assert (4, "The name is empty.") in errors
    assert (5, "Code A1 is already used on line 2.") in errors
    assert not Competency.objects.exists()
    html = response.content.decode()
    assert "The code is empty." in html


def test_bad_json_is_rejected_with_entry_numbers(personas, client_for):
    framework = FrameworkFactory(organisation=personas.organisation)
    content = json.dumps({"competencies": [{"code": "B1", "name": "Samenwerken"}, {"code": "B2"}, "nonsense"]})
    response = upload(client_for(personas.hr, "en"), framework, "kader.json", content)
    errors = [(e.line, e.reason) for e in response.context["errors"]]
    assert errors == [(2, "The name is empty."), (3, "Each competency must be an object with a code and a name.")]
    assert not Competency.objects.exists()
    response = upload(client_for(personas.hr, "en"), framework, "kader.json", "{not json")
    assert response.status_code == 400


def test_export_and_import_round_trip(personas, client_for):
    framework = FrameworkFactory(organisation=personas.organisation)
    CompetencyFactory(framework=framework, code="C1", name="Reflecteren", areas_of_life=["zingeving"])
    client = client_for(personas.mentor)  # everyone in the organisation may read and export
    for file_format in ("csv", "json"):
        response = client.get(
            reverse("programmes:framework_export", kwargs={"pk": framework.pk, "file_format": file_format})
        )
        assert response.status_code == 200
        copy = CompetencyFramework.objects.create(organisation=personas.organisation, name=f"Kopie {file_format}")
        assert (
            upload(client_for(personas.hr), copy, f"kader.{file_format}", response.content.decode()).status_code == 302
        )
        competency = copy.competencies.get()
        assert (competency.code, competency.areas_of_life) == ("C1", ["zingeving"])


def test_only_hr_of_the_organisation_edits(personas, client_for):
    framework = FrameworkFactory(organisation=personas.organisation)
    url = reverse("programmes:competency_create", kwargs={"pk": framework.pk})
    data = {"code": "A1", "name": "Contact", "position": "1"}
    assert client_for(personas.mentor).post(url, data).status_code == 403
    assert client_for(personas.other_hr).post(url, data).status_code == 404
    assert client_for(personas.hr).post(url, data).status_code == 302
    # Another competency with the same code (an identical resubmission lands on the first result).
    response = client_for(personas.hr, "en").post(url, data | {"name": "Contact leggen"})
    assert "already has a competency with code A1" in response.context["form"].errors["code"][0]


def test_detail_readable_by_the_organisations_staff_only(personas, client_for):
    framework = FrameworkFactory(organisation=personas.organisation)
    CompetencyFactory(framework=framework, code="A6", name="Signaleren en veiligheid")
    url = reverse("programmes:framework_detail", kwargs={"pk": framework.pk})
    assert "Signaleren en veiligheid" in client_for(personas.mentor).get(url).content.decode()
    assert client_for(personas.other_mentor).get(url).status_code == 404
    # A reference page of the organisation, not of a trainee: no link of theirs leads there.
    assert client_for(personas.trainee).get(url).status_code == 403
