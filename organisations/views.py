from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations import mail, services
from organisations.access import get_visible_or_404, require, role_required
from organisations.filters import AuditEntryFilter, MembershipFilter
from organisations.forms import AcceptInvitationForm, InvitationForm, OrganisationSettingsForm, ProfileForm
from organisations.languages import remember_language
from organisations.middleware import SESSION_KEY
from organisations.models import AuditEntry, Invitation, Membership, OutgoingMail, Role
from organisations.permissions import AUDIT_READERS, privacy_rules
from organisations.submissions import single_submission

PAGE_SIZE = 25


@role_required(Role.HR)
def people(request):
    organisation = request.membership.organisation
    memberships = (
        Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__name", "role")
    )
    people_filter = MembershipFilter(request.GET, queryset=memberships)
    page = Paginator(people_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    invitations = Invitation.objects.open().filter(organisation=organisation).select_related("invited_by")
    return render(
        request,
        "organisations/people.html",
        {"filter": people_filter, "page": page, "invitations": invitations[:50]},
    )


@role_required(Role.HR)
@single_submission
def invite(request):
    organisation = request.membership.organisation
    form = InvitationForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        services.invitation_create(
            organisation=organisation,
            email=form.cleaned_data["email"],
            name=form.cleaned_data["name"],
            role=form.cleaned_data["role"],
            invited_by=request.user,
            base_url=request.build_absolute_uri("/"),
        )
        messages.success(
            request, _("The invitation has been sent to %(email)s.") % {"email": form.cleaned_data["email"]}
        )
        return redirect("organisations:people")
    return render(request, "organisations/invitation_form.html", {"form": form})


@require_POST
@role_required(Role.HR)
def invitation_revoke(request, pk):
    invitation = get_visible_or_404(Invitation.objects.open(), request.user, pk=pk)
    services.invitation_revoke(invitation=invitation, revoked_by=request.user)
    messages.success(request, _("The invitation has been withdrawn."))
    return redirect("organisations:people")


@require_POST
@role_required(Role.HR)
def membership_remove(request, pk):
    membership = get_visible_or_404(Membership, request.user, pk=pk)
    require(membership.organisation_id == request.membership.organisation_id)
    if membership.user_id == request.user.pk:
        messages.error(request, _("You cannot remove your own role."))
    else:
        services.membership_remove(membership=membership, removed_by=request.user)
        messages.success(request, _("The role has been removed."))
    return redirect("organisations:people")


@login_not_required
def invitation_accept(request, token):
    invitation = services.invitation_for_token(token)
    if invitation is None:
        return render(request, "organisations/invitation_invalid.html", status=404)
    signed_in = request.user.is_authenticated
    if signed_in and request.user.email.lower() != invitation.email.lower():
        return render(request, "organisations/invitation_other_account.html", {"invitation": invitation}, status=403)
    form = (
        None
        if signed_in
        else AcceptInvitationForm(request.POST or None, email=invitation.email, initial={"name": invitation.name})
    )
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            user, membership = services.invitation_accept(
                invitation=invitation,
                user=request.user if signed_in else None,
                name=form.cleaned_data["name"] if form else "",
                password=form.cleaned_data["password1"] if form else "",
            )
        except services.InvitationError:
            return render(request, "organisations/invitation_invalid.html", status=404)
        if not signed_in:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        request.session[SESSION_KEY] = membership.pk
        messages.success(
            request,
            _("Welcome to %(organisation)s. You are signed in as %(role)s.")
            % {"organisation": invitation.organisation, "role": membership.get_role_display()},
        )
        return redirect("home")
    return render(request, "organisations/invitation_accept.html", {"invitation": invitation, "form": form})


@require_POST
def switch_membership(request):
    try:
        wanted = int(request.POST.get("membership", ""))
    except ValueError:
        wanted = None
    membership = next((m for m in request.memberships if m.pk == wanted), None)
    if membership is None:
        messages.error(request, _("Choose one of your own roles."))
    else:
        request.session[SESSION_KEY] = membership.pk
        messages.success(
            request,
            _("You now work as %(role)s at %(organisation)s.")
            % {"role": membership.get_role_display(), "organisation": membership.organisation},
        )
    return redirect("home")


def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        messages.success(request, _("Your details have been saved."))
        response = redirect("organisations:profile")
        remember_language(response, user.language)
        return response
    return render(request, "organisations/profile.html", {"form": form})


@role_required(Role.HR)
def organisation_settings(request):
    organisation = request.membership.organisation
    form = OrganisationSettingsForm(request.POST or None, request.FILES or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        services.organisation_update(organisation=form.instance, changed_by=request.user, changed=form.changed_data)
        messages.success(request, _("The settings have been saved."))
        return redirect("organisations:settings")
    return render(request, "organisations/organisation_settings.html", {"form": form})


@role_required(*AUDIT_READERS)
def audit_trail(request):
    entries = AuditEntry.objects.filter(organisation=request.membership.organisation)
    trail_filter = AuditEntryFilter(request.GET, queryset=entries)
    page = Paginator(trail_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisations/audit_trail.html", {"filter": trail_filter, "page": page})


def privacy(request):
    """Generated from the registered read rules, so it states what the views do."""
    organisation = request.membership.organisation if request.membership else None
    return render(request, "organisations/privacy.html", {"organisation": organisation, "rules": privacy_rules()})


@role_required(Role.HR)
def failed_mail(request):
    """Mails the worker gave up on after its retries, so HR can check the address and send again."""
    mails = OutgoingMail.objects.failed().filter(organisation=request.membership.organisation)
    page = Paginator(mails, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisations/failed_mail.html", {"page": page})


@require_POST
@role_required(Role.HR)
def failed_mail_retry(request, pk):
    failed = get_visible_or_404(
        OutgoingMail.objects.failed().filter(organisation=request.membership.organisation), request.user, pk=pk
    )
    mail.retry(mail=failed)
    messages.success(request, _("The e-mail is queued to be sent again."))
    return redirect("organisations:failed_mail")
