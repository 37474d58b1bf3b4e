"""Register hours (SKJ, Registerplein): HR keeps the numbers, the trainee records the registration,
activities and confirmed meetings add up per category, and the exports read back as a register's portal
needs them (openpyxl for the workbook, the csv module with the Dutch Excel dialect, pypdf for the PDF)."""

import csv
import datetime
import io
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from portfolios.models import Evidence
from programmes.models import CategoryKind, DevelopmentActivity, Register, Registration
from programmes.registers import register_from_preset
from tests.mentors.factories import MeetingFactory, mentored_traineeship, record


def categories(register) -> dict:
    return {c.kind: c for c in register.categories.all()}


def registered(personas, preset="skj", *, years_ago=1):
    traineeship = mentored_traineeship(
        personas.organisation, trainee=personas.trainee, mentor=personas.mentor, manager=personas.manager
    )
    register = register_from_preset(organisation=personas.organisation, preset=preset, by=personas.hr)
    registration = Registration.objects.create(
        traineeship=traineeship,
        register=register,
        number="100012345",
        registered_on=timezone.localdate() - datetime.timedelta(days=365 * years_ago),
    )
    return traineeship, registration


def done(traineeship, category, title="Training", days_ago=10, **fields):
    return DevelopmentActivity.objects.create(
        traineeship=traineeship,
        title=title,
        kind="formal",
        category="training",
        status=DevelopmentActivity.Status.DONE,
        completed_on=timezone.localdate() - datetime.timedelta(days=days_ago),
        register_category=category,
        **fields,
    )


def test_hr_adds_a_preset_and_edits_its_numbers(personas, client_for):
    client = client_for(personas.hr)
    response = client.post(reverse("programmes:register_list"), {"preset": "skj"})
    register = Register.objects.get(organisation=personas.organisation)
    assert response.url == reverse("programmes:register_edit", kwargs={"pk": register.pk})
    found = categories(register)
    assert [found[k].required for k in ("training", "reflection", "free", "work")] == [60, 50, 50, 3368]
    assert found["reflection"].face_to_face_only and register.period_years == 5
    page = client.get(response.url).content.decode()
    assert "Controleer de getallen" in page and "skjeugd.nl" in page

    data = {"name": register.name, "period_years": "5", "where_to_check": register.where_to_check}
    rows = list(register.categories.all())
    data |= {"categories-TOTAL_FORMS": str(len(rows) + 1), "categories-INITIAL_FORMS": str(len(rows))}
    for i, c in enumerate(rows):
        values = {"id": c.pk, "name": c.name, "kind": c.kind, "unit": c.unit, "required": c.required}
        values |= {"position": c.position, "face_to_face_only": "on" if c.face_to_face_only else ""}
        data |= {f"categories-{i}-{k}": v for k, v in values.items()}
    # The empty row as a browser sends it: its initial values, nothing typed.
    data |= {f"categories-{len(rows)}-unit": "points", f"categories-{len(rows)}-position": "0"}
    data["categories-0-required"] = "40"
    saved = client.post(response.url, data)
    assert saved.status_code == 302, saved.context["formset"].errors
    assert categories(register)["training"].required == 40
    data["categories-0-required"] = "-5"
    refused = client_for(personas.hr, "en").post(response.url, data)
    assert refused.status_code == 200
    assert "greater than or equal to 0" in str(refused.context["formset"].errors)

    assert client_for(personas.mentor).get(response.url).status_code == 403
    assert client_for(personas.other_hr).get(response.url).status_code == 404


def test_trainee_records_a_registration_with_a_register_of_the_organisation(personas, client_for):
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    register = register_from_preset(organisation=personas.organisation, preset="registerplein", by=personas.hr)
    foreign = register_from_preset(organisation=personas.other_organisation, preset="skj", by=personas.other_hr)
    url = reverse("register_progress", kwargs={"pk": traineeship.pk})
    data = {"register": foreign.pk, "number": "461099999", "registered_on": "2025-01-15"}
    refused = client_for(personas.trainee, "en").post(url, data)
    assert "Select a valid choice" in refused.context["form"].errors["register"][0]
    assert client_for(personas.mentor).post(url, data | {"register": register.pk}).status_code == 403
    assert client_for(personas.trainee).post(url, data | {"register": register.pk}).status_code == 302
    registration = Registration.objects.get(traineeship=traineeship)
    assert (registration.register, registration.number) == (register, "461099999")


def test_progress_per_category_counts_what_the_register_counts(personas, client_for):
    traineeship, registration = registered(personas, "registerplein")
    found = categories(registration.register)
    done(traineeship, found["training"], register_points=Decimal(16), hours=Decimal(20))
    done(traineeship, found["training"], title="Congres", hours=Decimal("3.5"))  # no points: one per hour
    done(traineeship, found["training"], title="Vóór deze periode", days_ago=800, register_points=Decimal(50))
    DevelopmentActivity.objects.create(  # planned, not done: does not count yet
        traineeship=traineeship,
        title="Gepland",
        kind="formal",
        category="training",
        register_category=found["training"],
    )
    done(traineeship, found["free"], title="Artikel", register_points=Decimal(25))  # above the cap of 20
    confirmed = record(MeetingFactory(traineeship=traineeship), personas.mentor)
    confirmed.mentor_confirmed_at = confirmed.trainee_confirmed_at = timezone.now()
    confirmed.register_category, confirmed.face_to_face_hours = found["reflection"], Decimal("1.5")
    confirmed.save()
    unconfirmed = record(MeetingFactory(traineeship=traineeship), personas.mentor)
    unconfirmed.register_category, unconfirmed.face_to_face_hours = found["reflection"], Decimal(1)
    unconfirmed.save()

    response = client_for(personas.trainee).get(reverse("register_progress", kwargs={"pk": traineeship.pk}))
    progress = {row.category.kind: row for row in response.context["report"].categories}
    assert progress[CategoryKind.TRAINING].counted == Decimal("19.5")
    assert progress[CategoryKind.REFLECTION].counted == Decimal("1.5")
    assert (progress[CategoryKind.FREE].total, progress[CategoryKind.FREE].counted) == (25, 20)
    assert "boven het maximum" in response.content.decode()
    portfolio = client_for(personas.mentor).get(reverse("portfolios:portfolio", kwargs={"pk": traineeship.pk}))
    assert reverse("register_progress", kwargs={"pk": traineeship.pk}) in portfolio.content.decode()
    assert (
        client_for(personas.other_trainee).get(reverse("register_progress", kwargs={"pk": traineeship.pk})).status_code
        == 404
    )


def test_skj_reflection_counts_only_face_to_face_hours(personas, client_for):
    traineeship, registration = registered(personas, "skj")
    reflection = categories(registration.register)["reflection"]
    done(traineeship, reflection, title="Intervisie", hours=Decimal(12), face_to_face_hours=Decimal(9))
    done(traineeship, reflection, title="Zonder contacturen", hours=Decimal(5))
    response = client_for(personas.manager).get(reverse("register_progress", kwargs={"pk": traineeship.pk}))
    progress = {row.category.kind: row for row in response.context["report"].categories}
    assert progress["reflection"].counted == 9


def test_exports_read_back_as_workbook_dutch_csv_and_pdf(personas, client_for):
    traineeship, registration = registered(personas, "skj")
    found = categories(registration.register)
    activity = done(
        traineeship,
        found["training"],
        title='=HYPERLINK("http://evil.example")',
        register_points=Decimal("12.5"),
        hours=Decimal(13),
        provider="Movisie",
        accreditation_number="SKJ-123",
    )
    Evidence.objects.create(
        traineeship=traineeship,
        kind="link",
        title="Certificaat gespreksvoering",
        url="https://example.org/c",
        development_activity=activity,
    )
    client = client_for(personas.manager, "en")  # the exports are Dutch whatever the reader's language
    url = lambda fmt: reverse("register_export", kwargs={"pk": traineeship.pk, "file_format": fmt})  # noqa: E731

    sheet = load_workbook(io.BytesIO(client.get(url("xlsx")).content)).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Datum", "Titel", "Categorie"] and "Accreditatienummer" in header
    assert sheet.auto_filter.ref == sheet.dimensions
    row = dict(zip(header, sheet[2], strict=True))
    assert row["Datum"].is_date and row["Datum"].value.date() == activity.completed_on
    assert row["Titel"].value == "'" + activity.title and row["Titel"].data_type == "s"
    assert row["Punten"].value == 12.5 and row["Uren"].data_type == "n"
    assert row["Bewijs"].value == "Certificaat gespreksvoering"

    response = client.get(url("csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline=""), dialect="dutch_excel"))
    line = dict(zip(rows[0], rows[1], strict=True))
    assert line["Datum"] == activity.completed_on.strftime("%d-%m-%Y")
    assert (line["Punten"], line["Aanbieder"], line["Titel"][0]) == ("12,5", "Movisie", "'")

    pdf = client.get(url("pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Certificaat gespreksvoering" in text and "Scholing, opleiding en training" in text
    assert "Certificaten en verklaringen" in text

    assert client.get(url("docx")).status_code == 404
    assert client_for(personas.other_manager).get(url("xlsx")).status_code == 404


def test_manager_overview_shows_register_progress(personas, client_for):
    traineeship, registration = registered(personas, "skj")
    done(traineeship, categories(registration.register)["training"], register_points=Decimal(16))
    page = client_for(personas.manager).get(reverse("manager_overview")).content.decode()
    assert "Scholing, opleiding en training: 16/60" in page


def test_activity_and_meeting_forms_take_register_fields(personas, client_for):
    traineeship, registration = registered(personas, "skj")
    found = categories(registration.register)
    foreign = register_from_preset(organisation=personas.other_organisation, preset="skj", by=personas.other_hr)
    url = reverse("portfolios:activity_create", kwargs={"pk": traineeship.pk})
    data = {
        "title": "Supervisie",
        "kind": "formal",
        "category": "supervision",
        "status": "done",
        "completed_on": timezone.localdate().isoformat(),
        "hours": "4",
        "register_category": found["reflection"].pk,
        "reflection_form": "supervision",
        "face_to_face_hours": "4",
        "provider": "De Linde",
    }
    client = client_for(personas.trainee, "en")
    refused = client.post(url, data | {"register_category": categories(foreign)["training"].pk})
    assert "register_category" in refused.context["form"].errors
    assert client.post(url, data).status_code == 302
    activity = DevelopmentActivity.objects.get(title="Supervisie")
    assert (activity.register_category, activity.face_to_face_hours) == (found["reflection"], 4)


def test_mentor_marks_a_meeting_as_counting_and_it_counts_once_confirmed(personas, client_for):
    from tests.mentors.test_meetings import record_data

    traineeship, registration = registered(personas, "skj")
    found = categories(registration.register)
    meeting = MeetingFactory(traineeship=traineeship, date=timezone.localdate() - datetime.timedelta(days=3))
    url = reverse("mentors:meeting_record", kwargs={"pk": meeting.pk})
    mentor = client_for(personas.mentor, "en")
    counting = {"register_category": found["reflection"].pk, "reflection_form": "mentoring"}
    refused = mentor.post(url, record_data(meeting, **counting))
    assert "Give the face-to-face hours" in refused.context["form"].errors["face_to_face_hours"][0]
    not_reflection = mentor.post(url, record_data(meeting, **(counting | {"register_category": found["training"].pk})))
    assert "register_category" in not_reflection.context["form"].errors
    assert mentor.post(url, record_data(meeting, **counting, face_to_face_hours="1.5")).status_code == 302

    progress_url = reverse("register_progress", kwargs={"pk": traineeship.pk})
    reflection = lambda: client_for(personas.trainee).get(progress_url).context["report"].categories[1]  # noqa: E731
    assert reflection().counted == 0  # recorded, not yet confirmed by both
    meeting.refresh_from_db()
    read = {"digest": meeting.record_digest()}
    for person in (personas.mentor, personas.trainee):
        client_for(person).post(reverse("mentors:meeting_confirm", kwargs={"pk": meeting.pk}), read)
    assert reflection().counted == Decimal("1.5")


def test_a_register_name_is_unique_in_the_organisation(personas, client_for):
    skj = register_from_preset(organisation=personas.organisation, preset="skj", by=personas.hr)
    other = register_from_preset(organisation=personas.organisation, preset="registerplein", by=personas.hr)
    data = {"name": skj.name, "period_years": "5", "where_to_check": ""}
    data |= {"categories-TOTAL_FORMS": "0", "categories-INITIAL_FORMS": "0"}
    url = reverse("programmes:register_edit", kwargs={"pk": other.pk})
    response = client_for(personas.hr, "en").post(url, data)
    assert response.status_code == 200
    assert "already has a register with this name" in response.context["form"].errors["name"][0]
