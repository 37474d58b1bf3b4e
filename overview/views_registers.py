"""Register hours of one traineeship: the trainee's registration, progress per category, and the exports
for the register's portal (a workbook, a CSV for Dutch Excel and a PDF summary, always in Dutch)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from organisations import audit
from organisations.access import get_visible_or_404, require
from organisations.spreadsheets import table_response
from overview import registers
from portfolios.pdf.base import render_pdf
from portfolios.views import stored
from programmes.forms_registers import RegistrationForm
from programmes.models import Registration, Traineeship
from programmes.permissions import PORTFOLIO, Relation, portfolio_windows, relations_of

# The register's portals (Mijn SKJ, PE-online) are Dutch, and so is what goes into them.
EXPORT_LANGUAGE = "nl"
REGISTER_PDF = "register"


def _traineeship(request, pk) -> tuple[Traineeship, frozenset]:
    traineeship = get_visible_or_404(Traineeship.objects.with_people(), request.user, pk=pk)
    relations = relations_of(request.user, traineeship)
    # Register hours are part of the portfolio: the same read rule.
    # A partner's staff reading part of the portfolio do not read its registers.
    require(PORTFOLIO.allows(relations) and portfolio_windows(request.user, traineeship, relations) is None)
    return traineeship, relations


def _registration(traineeship) -> Registration | None:
    return Registration.objects.filter(traineeship=traineeship).select_related("register").first()


def register_progress(request, pk):
    traineeship, relations = _traineeship(request, pk)
    registration = _registration(traineeship)
    can_edit = Relation.TRAINEE in relations
    if request.method == "POST":
        require(can_edit)
    form = RegistrationForm(request.POST or None, instance=registration, traineeship=traineeship) if can_edit else None
    if form is not None and request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your registration has been saved."))
        return redirect("register_progress", pk=traineeship.pk)
    report = registers.report(registration, timezone.localdate()) if registration else None
    return render(
        request,
        "traineeships/register_progress.html",
        {"traineeship": traineeship, "registration": registration, "report": report, "form": form},
    )


@require_GET
def register_export(request, pk, file_format):
    if file_format not in ("xlsx", "csv", "pdf"):
        raise Http404
    traineeship, relations = _traineeship(request, pk)
    registration = _registration(traineeship)
    if registration is None:
        raise Http404
    name = f"{registration.register.name} {traineeship.trainee.name}"
    if file_format == "pdf":
        # Rendered by the task worker and kept until the registrations or the day change.
        return stored.deliver(
            request,
            traineeship=traineeship,
            kind=REGISTER_PDF,
            relations=relations,
            filename=name,
            language=EXPORT_LANGUAGE,
            on_download=lambda: _record_export(request, traineeship, registration, file_format),
        )
    with translation.override(EXPORT_LANGUAGE):
        report = registers.report(registration, timezone.localdate())
        headers, rows = registers.export_table(report)
        response = table_response(file_format, name, headers, rows, title=registration.register.name)
    _record_export(request, traineeship, registration, file_format, count=len(report.entries))
    return response


def render_register_pdf(*, traineeship, language, reader) -> bytes:
    """The register PDF (always Dutch, see ``EXPORT_LANGUAGE``), for ``portfolios.stored_pdfs``."""
    registration = _registration(traineeship)
    with translation.override(EXPORT_LANGUAGE):
        report = registers.report(registration, timezone.localdate())
        return render_pdf(
            "traineeships/pdf/register.html",
            {"traineeship": traineeship, "report": report, "generated_at": timezone.localtime()},
            language=EXPORT_LANGUAGE,
        )


def _record_export(request, traineeship, registration, file_format, count=None):
    if count is None:
        count = len(registers.report(registration, timezone.localdate()).entries)
    audit.record(
        organisation=traineeship.programme.owner,
        actor=request.user,
        action=audit.Action.EXPORT_CREATED,
        subject=traineeship.trainee,
        obj=registration,
        params={"variant": "register", "count": count, "format": file_format.upper()},
    )
