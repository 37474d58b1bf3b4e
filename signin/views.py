from urllib.error import URLError

from allauth.account.internal.flows.login import perform_password_login
from allauth.account.models import Login
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.providers.saml import views as saml
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from onelogin.saml2.errors import OneLogin_Saml2_Error
from requests import RequestException

from organisations.access import role_required
from organisations.models import Role
from signin import failures, oidc, services
from signin.forms import SignInForm, SignInSettingsForm
from signin.models import OrganisationSignIn
from signin.session import PROVIDER


class SignInView(auth_views.LoginView):
    """E-mail first: an address whose domain has single sign-on goes to its provider;
    with a password (one POST of ``username`` and ``password``) it signs in here."""

    authentication_form = SignInForm

    def post(self, request, *args, **kwargs):
        email = request.POST.get("username", "").strip()
        if email and not request.POST.get("password"):
            sign_in = OrganisationSignIn.objects.for_email(email)
            # A POST to allauth's provider view starts the journey (a GET would ask to confirm).
            if sign_in is not None and sign_in.protocol == OrganisationSignIn.Protocol.SAML:
                return saml_login(request, sign_in.provider_id)
            if sign_in is not None:
                return oidc_login(request, sign_in.provider_id)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        # allauth's login flow asks for the second factor when the person has one.
        login = Login(user=form.get_user(), redirect_url=self.get_success_url())
        return perform_password_login(self.request, {"email": form.cleaned_data["username"]}, login)


def _provider_view(view):
    @login_not_required
    def wrapped(request, provider_id):
        sign_in = OrganisationSignIn.objects.with_provider().filter(social_app__provider_id=provider_id).first()
        if sign_in is None:
            raise Http404
        try:
            return view(request, provider_id)
        except (RequestException, ValueError, KeyError) as exception:
            # An unreachable or wrong issuer fails while reading its discovery document.
            return failures.refuse(
                request, code="unreachable", sign_in=sign_in, detail=type(exception).__name__, status=502
            )

    return wrapped


oidc_login = _provider_view(oidc.login)
oidc_callback = _provider_view(oidc.callback)


def _saml_view(view):
    @csrf_exempt  # the identity provider posts its assertion from another site
    @login_not_required
    def wrapped(request, organization_slug):
        sign_in = OrganisationSignIn.objects.with_provider().filter(social_app__client_id=organization_slug).first()
        if sign_in is None or sign_in.protocol != OrganisationSignIn.Protocol.SAML:
            raise Http404
        try:
            return view(request, organization_slug=organization_slug)
        except ImmediateHttpResponse as immediate:
            return immediate.response
        except (URLError, OSError, ValueError, KeyError, ImproperlyConfigured, OneLogin_Saml2_Error) as exception:
            # Metadata that cannot be fetched or read.
            return failures.refuse(
                request, code="unreachable", sign_in=sign_in, detail=type(exception).__name__, status=502
            )

    return wrapped


saml_login = _saml_view(saml.login)
saml_acs = _saml_view(saml.acs)
saml_finish_acs = _saml_view(saml.finish_acs)
saml_metadata = _saml_view(saml.metadata)
saml_sls = _saml_view(saml.sls)


@require_POST
def sign_out(request):
    """End the session here; offer the provider's sign-out where it has one."""
    sign_in_pk = request.session.get(PROVIDER)
    logout(request)
    sign_in = OrganisationSignIn.objects.with_provider().filter(pk=sign_in_pk).first() if sign_in_pk else None
    end_session = services.end_session_url(sign_in, request.build_absolute_uri(reverse("login"))) if sign_in else None
    if end_session is None:
        return redirect("login")
    return render(request, "signin/signed_out.html", {"sign_in": sign_in, "end_session": end_session})


@role_required(Role.HR)
def sign_in_settings(request):
    organisation = request.membership.organisation
    sign_in, _created = OrganisationSignIn.objects.get_or_create(organisation=organisation)
    form = SignInSettingsForm(request.POST or None, instance=sign_in)
    if request.method == "POST" and form.is_valid():
        services.sign_in_settings_save(
            sign_in=sign_in, values=form.cleaned_data, changed_fields=form.changed_data, changed_by=request.user
        )
        messages.success(request, _("The sign-in settings have been saved."))
        return redirect("signin:settings")
    callback = request.build_absolute_uri(
        reverse("openid_connect_callback", kwargs={"provider_id": sign_in.provider_id})
    )
    return render(request, "signin/settings.html", {"form": form, "sign_in": sign_in, "callback_url": callback})
