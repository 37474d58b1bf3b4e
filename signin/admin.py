from django.contrib import admin

from signin.models import OrganisationSignIn


@admin.register(OrganisationSignIn)
class OrganisationSignInAdmin(admin.ModelAdmin):
    # The provider's secret is set on allauth's "Social applications" page.
    list_display = ["organisation", "protocol", "email_domains", "auto_membership", "require_two_factor"]
    raw_id_fields = ["social_app"]
