from django.urls import path

from programmes import views_frameworks as frameworks
from programmes import views_group as group
from programmes import views_partners as partners
from programmes import views_position_profiles as position_profiles
from programmes import views_programmes as programmes
from programmes import views_registers as registers
from programmes import views_traineeships as traineeships

app_name = "programmes"

urlpatterns = [
    path("partnerships/", partners.partner_invitations, name="partner_invitations"),
    path("partnerships/<int:pk>/answer/", partners.partner_invitation_answer, name="partner_invitation_answer"),
    path("frameworks/", frameworks.framework_list, name="framework_list"),
    path("frameworks/new/", frameworks.framework_create, name="framework_create"),
    path("frameworks/<int:pk>/", frameworks.framework_detail, name="framework_detail"),
    path("frameworks/<int:pk>/edit/", frameworks.framework_edit, name="framework_edit"),
    path("frameworks/<int:pk>/competencies/new/", frameworks.competency_create, name="competency_create"),
    path("frameworks/<int:pk>/import/", frameworks.framework_import, name="framework_import"),
    path(
        "frameworks/<int:pk>/export.<str:file_format>",
        frameworks.framework_export,
        name="framework_export",
    ),
    path("competencies/<int:pk>/edit/", frameworks.competency_edit, name="competency_edit"),
    path("competencies/<int:pk>/delete/", frameworks.competency_delete, name="competency_delete"),
    path("registers/", registers.register_list, name="register_list"),
    path("registers/<int:pk>/", registers.register_edit, name="register_edit"),
    path("", programmes.programme_list, name="programme_list"),
    path("new/", programmes.programme_create, name="programme_create"),
    path("<int:pk>/", programmes.programme_detail, name="programme_detail"),
    path("<int:pk>/budget/", programmes.programme_budget, name="programme_budget"),
    path("<int:pk>/edit/", programmes.programme_edit, name="programme_edit"),
    path("<int:pk>/cohorts/new/", programmes.cohort_create, name="cohort_create"),
    path("<int:pk>/traineeships/new/", traineeships.traineeship_create, name="traineeship_create"),
    path("cohorts/<int:pk>/", programmes.cohort_detail, name="cohort_detail"),
    path("cohorts/<int:pk>/edit/", programmes.cohort_edit, name="cohort_edit"),
    path("cohorts/<int:pk>/blueprint/", programmes.cohort_blueprint, name="cohort_blueprint"),
    path("cohorts/<int:pk>/group-activities/new/", group.group_activity_create, name="group_activity_create"),
    path("group-activities/<int:pk>/", group.group_activity_detail, name="group_activity_detail"),
    path("group-activities/<int:pk>/edit/", group.group_activity_edit, name="group_activity_edit"),
    path("group-activities/<int:pk>/delete/", group.group_activity_delete, name="group_activity_delete"),
    path("group-activities/<int:pk>/attendance/", group.group_attendance, name="group_attendance"),
    path("traineeships/<int:pk>/edit/", traineeships.traineeship_edit, name="traineeship_edit"),
    path("traineeships/<int:pk>/sharing/", partners.portfolio_sharing, name="portfolio_sharing"),
    path("traineeships/<int:pk>/work/", traineeships.work_profile, name="work_profile"),
    path("traineeships/<int:pk>/competencies/", traineeships.profile_competencies, name="profile_competencies"),
    path("traineeships/<int:pk>/activities/", traineeships.activities, name="activities"),
    path("traineeships/<int:pk>/placements/", traineeships.placements, name="placements"),
    path(
        "profile-competencies/<int:pk>/delete/",
        traineeships.profile_competency_delete,
        name="profile_competency_delete",
    ),
    path("activities/<int:pk>/remove/", traineeships.activity_remove, name="activity_remove"),
    path("placements/<int:pk>/edit/", traineeships.placement_edit, name="placement_edit"),
    path("placements/<int:pk>/delete/", traineeships.placement_delete, name="placement_delete"),
    path("inventory/", traineeships.inventory, name="inventory"),
    path("position-profiles/", position_profiles.position_profile_list, name="position_profile_list"),
    path("<int:pk>/position-profiles/new/", position_profiles.position_profile_create, name="position_profile_create"),
    path("position-profiles/<int:pk>/", position_profiles.position_profile_detail, name="position_profile_detail"),
    path("position-profiles/<int:pk>/edit/", position_profiles.position_profile_edit, name="position_profile_edit"),
    path(
        "position-profiles/<int:pk>/status/", position_profiles.position_profile_status, name="position_profile_status"
    ),
    path("inventory/new/", traineeships.inventory_create, name="inventory_create"),
    path("inventory/<int:pk>/edit/", traineeships.inventory_edit, name="inventory_edit"),
    path("inventory/<int:pk>/delete/", traineeships.inventory_delete, name="inventory_delete"),
]
