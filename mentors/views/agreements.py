from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentors import services
from mentors.forms import AgreementStatusForm
from mentors.models import Agreement, AgreementStatus
from organisations.access import get_visible_or_404, require
from programmes.permissions import Relation, relations_of

PAGE_SIZE = 25


def agreement_list(request):
    status = request.GET.get("status", AgreementStatus.OPEN)
    agreements = (
        Agreement.objects.visible_to(request.user)
        .filter(owner=request.user)
        .select_related("traineeship__trainee", "meeting")
    )
    if status in AgreementStatus.values:
        agreements = agreements.filter(status=status)
    page = Paginator(agreements.order_by("due_date", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "mentors/agreement_list.html",
        {
            "page": page,
            "status": status,
            "statuses": AgreementStatus.choices,
            "today": timezone.localdate(),
        },
    )


@require_POST
def agreement_status(request, pk):
    agreement = get_visible_or_404(Agreement.objects.select_related("traineeship"), request.user, pk=pk)
    relations = relations_of(request.user, agreement.traineeship)
    require(agreement.owner_id == request.user.pk or Relation.MENTOR in relations)
    form = AgreementStatusForm(request.POST)
    if form.is_valid():
        services.agreement_set_status(agreement=agreement, status=form.cleaned_data["status"])
        messages.success(
            request, _("The agreement is marked “%(status)s”.") % {"status": agreement.get_status_display()}
        )
    else:
        messages.error(request, _("Choose a valid status."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "mentors:agreements"
    return redirect(next_url)
