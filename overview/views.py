from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.views.decorators.http import require_POST

from organisations.languages import remember_language
from overview.home import home_for


def home(request):
    if request.membership is None:
        return render(request, "home/no_membership.html")
    template, context = home_for(request)
    return render(request, template, context)


@login_not_required
@require_POST
def set_language(request):
    """Switch the interface language; a signed-in user keeps it for e-mails too."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if check_for_language(language) and language in dict(settings.LANGUAGES):
        remember_language(response, language)
        if request.user.is_authenticated and request.user.language != language:
            request.user.language = language
            request.user.save(update_fields=["language"])
    return response


@login_not_required
def accessibility(request):
    return render(request, "pages/accessibility.html")
