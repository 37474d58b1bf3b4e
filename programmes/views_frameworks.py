"""Competency frameworks: everyone in the organisation reads them, HR edits, imports and exports."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competencies import frameworks_io
from competencies.models import Competency, CompetencyFramework
from organisations import encoding
from organisations.access import get_visible_or_404, require, role_required
from organisations.models import Role
from organisations.spreadsheets import table_response
from organisations.submissions import single_submission
from programmes import services
from programmes.forms import CompetencyForm, FrameworkForm, FrameworkImportForm
from programmes.models import PositionProfileCompetency, ProfileCompetency
from programmes.permissions import REFERENCE_READERS

PAGE_SIZE = 25


def _can_edit(request, framework) -> bool:
    return (
        request.membership is not None
        and request.membership.role == Role.HR
        and request.membership.organisation_id == framework.organisation_id
    )


def _editable_framework(request, pk):
    framework = get_visible_or_404(CompetencyFramework, request.user, pk=pk)
    require(_can_edit(request, framework))
    return framework


@role_required(*REFERENCE_READERS)
def framework_list(request):
    organisation = request.membership.organisation if request.membership else None
    frameworks = (
        CompetencyFramework.objects.filter(organisation=organisation)
        .annotate(size=Count("competencies"))
        .order_by("name")
    )
    page = Paginator(frameworks, PAGE_SIZE).get_page(request.GET.get("page"))
    can_edit = request.membership is not None and request.membership.role == Role.HR
    return render(request, "programmes/framework_list.html", {"page": page, "can_edit": can_edit})


@role_required(Role.HR)
@single_submission
def framework_create(request):
    form = FrameworkForm(request.POST or None, organisation=request.membership.organisation)
    if request.method == "POST" and form.is_valid():
        form.instance.organisation = request.membership.organisation
        framework = form.save()
        messages.success(request, _("The framework has been created; add its competencies or import them."))
        return redirect("programmes:framework_detail", pk=framework.pk)
    return render(request, "programmes/framework_form.html", {"form": form})


@role_required(*REFERENCE_READERS)
def framework_detail(request, pk):
    framework = get_visible_or_404(CompetencyFramework, request.user, pk=pk)
    page = Paginator(framework.competencies.all(), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "programmes/framework_detail.html",
        {"framework": framework, "page": page, "can_edit": _can_edit(request, framework)},
    )


@role_required(Role.HR)
def framework_edit(request, pk):
    framework = _editable_framework(request, pk)
    form = FrameworkForm(request.POST or None, instance=framework, organisation=framework.organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The framework has been saved."))
        return redirect("programmes:framework_detail", pk=framework.pk)
    return render(request, "programmes/framework_form.html", {"form": form, "framework": framework})


@role_required(Role.HR)
@single_submission
def competency_create(request, pk):
    framework = _editable_framework(request, pk)
    form = CompetencyForm(request.POST or None, framework=framework)
    if request.method == "POST" and form.is_valid():
        form.instance.framework = framework
        form.save()
        messages.success(request, _("The competency has been added."))
        return redirect("programmes:framework_detail", pk=framework.pk)
    return render(request, "programmes/competency_form.html", {"form": form, "framework": framework})


@role_required(Role.HR)
def competency_edit(request, pk):
    competency = get_visible_or_404(Competency.objects.select_related("framework"), request.user, pk=pk)
    framework = competency.framework
    require(_can_edit(request, framework))
    form = CompetencyForm(request.POST or None, instance=competency, framework=framework)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The competency has been saved."))
        return redirect("programmes:framework_detail", pk=framework.pk)
    return render(
        request, "programmes/competency_form.html", {"form": form, "framework": framework, "competency": competency}
    )


@require_POST
@role_required(Role.HR)
def competency_delete(request, pk):
    competency = get_visible_or_404(Competency.objects.select_related("framework"), request.user, pk=pk)
    require(_can_edit(request, competency.framework))
    if competency.learning_goals.exists() or competency.development_activities.exists():
        messages.error(request, _("This competency is used in learning goals or activities and cannot be deleted."))
    elif ProfileCompetency.objects.filter(competency=competency).exists():
        messages.error(request, _("This competency is part of a traineeship's profile and cannot be deleted."))
    elif PositionProfileCompetency.objects.filter(competency=competency).exists():
        messages.error(request, _("This competency is part of a position profile and cannot be deleted."))
    else:
        competency.delete()
        messages.success(request, _("The competency has been deleted."))
    return redirect("programmes:framework_detail", pk=competency.framework_id)


@role_required(Role.HR)
def framework_import(request, pk):
    framework = _editable_framework(request, pk)
    form = FrameworkImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = frameworks_io.parse(upload.name, upload.read())
        except frameworks_io.ImportRejected as rejected:
            errors = rejected.errors
            form.add_error("file", _("The file was not imported: fix the rows below and try again."))
        else:
            added, updated = services.framework_import(framework=framework, rows=rows, by=request.user)
            messages.success(
                request,
                _("Imported: %(added)s competencies added, %(updated)s updated.")
                % {"added": added, "updated": updated},
            )
            return redirect("programmes:framework_detail", pk=framework.pk)
    status = 400 if errors else 200
    return render(
        request,
        "programmes/framework_import.html",
        {"form": form, "framework": framework, "errors": errors},
        status=status,
    )


@role_required(*REFERENCE_READERS)
def framework_export(request, pk, file_format):
    framework = get_visible_or_404(CompetencyFramework, request.user, pk=pk)
    if file_format not in ("xlsx", "csv", "json"):
        raise Http404
    services.framework_exported(framework=framework, by=request.user, file_format=file_format)
    if file_format == "json":
        response = HttpResponse(frameworks_io.export_json(framework), content_type="application/json; charset=utf-8")
        return encoding.attach(response, framework.name)
    headers, rows = frameworks_io.export_rows(framework)
    return table_response(file_format, framework.name, headers, rows, title=framework.name)
