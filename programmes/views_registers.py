"""Professional registers: HR keeps the organisation's registers and their numbers up to date."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from organisations.access import get_visible_or_404, require, role_required
from organisations.models import Role
from programmes.forms_registers import CategoryFormSet, RegisterForm, RegisterPresetForm
from programmes.models import Register
from programmes.registers import register_from_preset


@role_required(Role.HR)
def register_list(request):
    organisation = request.membership.organisation
    form = RegisterPresetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        register = register_from_preset(organisation=organisation, preset=form.cleaned_data["preset"], by=request.user)
        messages.success(request, _("The register has been added. Check its numbers against the register's rules."))
        return redirect("programmes:register_edit", pk=register.pk)
    registers = Register.objects.filter(organisation=organisation).prefetch_related("categories")
    return render(request, "programmes/register_list.html", {"registers": registers, "form": form})


@role_required(Role.HR)
def register_edit(request, pk):
    register = get_visible_or_404(Register, request.user, pk=pk)
    require(register.organisation_id == request.membership.organisation_id)
    form = RegisterForm(request.POST or None, instance=register, organisation=register.organisation)
    formset = CategoryFormSet(request.POST or None, instance=register, prefix="categories")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        with transaction.atomic():
            form.save()
            formset.save()
        messages.success(request, _("The register has been saved."))
        return redirect("programmes:register_list")
    return render(request, "programmes/register_form.html", {"register": register, "form": form, "formset": formset})
