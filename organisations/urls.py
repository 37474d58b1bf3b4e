from django.urls import path

from organisations import views

app_name = "organisations"

urlpatterns = [
    path("people/", views.people, name="people"),
    path("people/invite/", views.invite, name="invite"),
    path("people/invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("people/memberships/<int:pk>/remove/", views.membership_remove, name="membership_remove"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("switch/", views.switch_membership, name="switch"),
    path("profile/", views.profile, name="profile"),
    path("settings/", views.organisation_settings, name="settings"),
    path("audit/", views.audit_trail, name="audit_trail"),
    path("privacy/", views.privacy, name="privacy"),
    path("mail/failed/", views.failed_mail, name="failed_mail"),
    path("mail/failed/<int:pk>/retry/", views.failed_mail_retry, name="failed_mail_retry"),
]
