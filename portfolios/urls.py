from django.urls import path

from portfolios import views

app_name = "portfolios"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("<int:pk>/", views.portfolio, name="portfolio"),
    path("<int:pk>/self-evaluations/", views.self_evaluations, name="self_evaluations"),
    path("<int:pk>/self-evaluations/<str:moment>/", views.self_evaluation_edit, name="self_evaluation_edit"),
    path("<int:pk>/goals/", views.goals, name="goals"),
    path("<int:pk>/goals/new/", views.goal_create, name="goal_create"),
    path("goals/<int:pk>/edit/", views.goal_edit, name="goal_edit"),
    path("goals/<int:pk>/approve/", views.goal_approve, name="goal_approve"),
    path("goals/<int:pk>/move/", views.goal_move, name="goal_move"),
    path("goals/<int:pk>/progress/", views.goal_progress, name="goal_progress"),
    path("<int:pk>/activities/", views.activities, name="activities"),
    path("<int:pk>/activities/new/", views.activity_create, name="activity_create"),
    path("activities/<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("<int:pk>/evidence/", views.evidence, name="evidence"),
    path("<int:pk>/evidence/new/", views.evidence_create, name="evidence_create"),
    path("evidence/<int:pk>/download/", views.evidence_download, name="evidence_download"),
    path("evidence/<int:pk>/edit/", views.evidence_edit, name="evidence_edit"),
    path("evidence/<int:pk>/delete/", views.evidence_delete, name="evidence_delete"),
    path("<int:pk>/reflections/", views.reflections, name="reflections"),
    path("reflections/<int:pk>/edit/", views.reflection_edit, name="reflection_edit"),
    path("reflections/<int:pk>/delete/", views.reflection_delete, name="reflection_delete"),
    path("<int:pk>/feedback/", views.feedback, name="feedback"),
    path("<int:pk>/feedback/ask/", views.feedback_request, name="feedback_request"),
    path("feedback/<str:token>/", views.feedback_give, name="feedback_give"),
    path("<int:pk>/final-evaluation/", views.final_evaluation, name="final_evaluation"),
    path("<int:pk>/final-evaluation/sign/", views.final_evaluation_sign, name="final_evaluation_sign"),
    path("<int:pk>/final-evaluation/reopen/", views.final_evaluation_reopen, name="final_evaluation_reopen"),
    path("<int:pk>/final-evaluation/pdf/", views.final_evaluation_pdf, name="final_evaluation_pdf"),
    path("<int:pk>/pdf/", views.portfolio_pdf, name="portfolio_pdf"),
    path("exports/", views.exports, name="exports"),
    path("exports/<int:pk>/", views.export_detail, name="export_detail"),
    path("exports/<int:pk>/download/", views.export_download, name="export_download"),
]
