from allauth.account import views as allauth_account_views
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from operations.views import health
from organisations.forms import QueuedPasswordResetForm
from overview import views, views_manager, views_new, views_position_profiles, views_registers, views_traineeships
from signin import views as signin_views

urlpatterns = [
    path("", views.home, name="home"),
    path("health/", health, name="health"),
    # Our sign-in page stays the entry point; allauth's name for it points here too.
    path("accounts/login/", signin_views.SignInView.as_view(), name="login"),
    path("accounts/login/", signin_views.SignInView.as_view(), name="account_login"),
    path("accounts/logout/", signin_views.sign_out, name="logout"),
    path("accounts/logout/", signin_views.sign_out, name="account_logout"),
    # The reset mail is queued for the task worker, like every other mail.
    path(
        "accounts/password_reset/",
        auth_views.PasswordResetView.as_view(form_class=QueuedPasswordResetForm),
        name="password_reset",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    # From django-allauth: provider callbacks, two-factor pages, re-authentication.
    path("accounts/oidc/<str:provider_id>/login/", signin_views.oidc_login, name="openid_connect_login"),
    path("accounts/oidc/<str:provider_id>/login/callback/", signin_views.oidc_callback, name="openid_connect_callback"),
    path("accounts/saml/<str:organization_slug>/login/", signin_views.saml_login, name="saml_login"),
    path("accounts/saml/<str:organization_slug>/acs/", signin_views.saml_acs, name="saml_acs"),
    path("accounts/saml/<str:organization_slug>/acs/finish/", signin_views.saml_finish_acs, name="saml_finish_acs"),
    path("accounts/saml/<str:organization_slug>/sls/", signin_views.saml_sls, name="saml_sls"),
    path("accounts/saml/<str:organization_slug>/metadata/", signin_views.saml_metadata, name="saml_metadata"),
    path("accounts/2fa/", include("allauth.mfa.urls")),
    path("accounts/reauthenticate/", allauth_account_views.reauthenticate, name="account_reauthenticate"),
    path("organisation/sign-in/", include("signin.urls")),
    path("i18n/language/", views.set_language, name="set_language"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("organisation/", include("organisations.urls")),
    path("privacy/", include("privacy.urls")),
    path("mentors/", include("mentors.urls")),
    path("coaching/", include("coaching.urls")),
    path("overview/", views_manager.manager_overview, name="manager_overview"),
    path("overview/export.csv", views_manager.manager_overview_csv, name="manager_overview_csv"),
    path("overview/export.xlsx", views_manager.manager_overview_xlsx, name="manager_overview_xlsx"),
    path("overview/exports/<int:pk>/", views_manager.manager_overview_export, name="manager_overview_export"),
    path(
        "overview/exports/<int:pk>/download/",
        views_manager.manager_overview_export_download,
        name="manager_overview_export_download",
    ),
    path("programmes/", include("programmes.urls")),
    path("traineeships/", views_traineeships.traineeship_list, name="traineeship_list"),
    path("traineeships/new/", views_new.traineeship_new, name="traineeship_new"),
    path("traineeships/<int:pk>/", views_traineeships.stappenplan, name="stappenplan"),
    path("traineeships/<int:pk>/register/", views_registers.register_progress, name="register_progress"),
    path(
        "traineeships/<int:pk>/register/export.<str:file_format>",
        views_registers.register_export,
        name="register_export",
    ),
    path("portfolio/", include("portfolios.urls")),
    path(
        "position-profiles/<int:pk>/vacancy.pdf",
        views_position_profiles.position_profile_pdf,
        name="position_profile_pdf",
    ),
    path("evaluations/", include("evaluations.urls")),
    path("admin/", admin.site.urls),
]
