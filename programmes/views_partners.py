"""Partners by consent: the invited organisation's HR accepts or declines a programme partnership."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations.access import get_visible_or_404, require, role_required
from organisations.models import Role
from programmes import services
from programmes.forms import PortfolioSharingForm
from programmes.models import PartnerInvitation, Traineeship
from programmes.permissions import Relation, relations_of


def _for_my_organisation(request):
    return PartnerInvitation.objects.visible_to(request.user).filter(organisation=request.membership.organisation)


@role_required(Role.HR)
def partner_invitations(request):
    invitations = _for_my_organisation(request).select_related("programme__owner", "invited_by")
    return render(
        request,
        "programmes/partner_invitations.html",
        {"pending": invitations.pending(), "answered": invitations.filter(responded_at__isnull=False)[:20]},
    )


@require_POST
@role_required(Role.HR)
def partner_invitation_answer(request, pk):
    invitation = get_visible_or_404(
        PartnerInvitation.objects.select_related("programme", "organisation"), request.user, pk=pk
    )
    # Only the invited organisation answers; the owner's HR sees the invitation but cannot accept it.
    require(invitation.organisation_id == request.membership.organisation_id)
    answer = request.POST.get("answer")
    if answer not in ("accept", "decline"):
        raise Http404
    services.partner_answer(invitation=invitation, accept=answer == "accept", by=request.user)
    if answer == "accept":
        messages.success(
            request,
            _("%(organisation)s is now a partner in %(programme)s.")
            % {"organisation": invitation.organisation, "programme": invitation.programme},
        )
    else:
        messages.info(
            request, _("You declined the partnership in %(programme)s.") % {"programme": invitation.programme}
        )
    return redirect("programmes:partner_invitations")


def portfolio_sharing(request, pk):
    """The owner's HR shares a traineeship's whole portfolio with the partner organisations hosting it."""
    traineeship = get_visible_or_404(
        Traineeship.objects.select_related("programme__owner", "trainee"), request.user, pk=pk
    )
    require(Relation.HR in relations_of(request.user, traineeship))
    # Bound on every POST: an unticked box sends no field at all.
    data = request.POST if request.method == "POST" else None
    form = PortfolioSharingForm(data, initial={"shared_with_partners": traineeship.shared_with_partners})
    if request.method == "POST" and form.is_valid():
        shared = form.cleaned_data["shared_with_partners"]
        services.portfolio_sharing_set(traineeship=traineeship, shared=shared, by=request.user)
        if shared:
            messages.success(request, _("The partner organisations now read the whole portfolio."))
        else:
            messages.success(request, _("The partner organisations read only the part of their placements."))
        return redirect("stappenplan", pk=traineeship.pk)
    return render(request, "programmes/portfolio_sharing.html", {"traineeship": traineeship, "form": form})
