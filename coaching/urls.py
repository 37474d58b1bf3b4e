from django.urls import path

from coaching import views

app_name = "coaching"

urlpatterns = [
    path("", views.coachees, name="coachees"),
    path("traineeships/<int:pk>/", views.traineeship_coaching, name="traineeship"),
    path("traineeships/<int:pk>/coach/", views.coach_assign, name="coach_assign"),
    path("traineeships/<int:pk>/coach/end/", views.coach_end, name="coach_end"),
    path("traineeships/<int:pk>/coach/proposal/", views.proposal_answer, name="proposal_answer"),
    path("traineeships/<int:pk>/coach/propose/", views.coach_propose, name="coach_propose"),
    path("traineeships/<int:pk>/sessions/new/", views.session_plan, name="session_plan"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("sessions/<int:pk>/delete/", views.session_delete, name="session_delete"),
    path("sessions/<int:pk>/calendar.ics", views.session_ics, name="session_ics"),
    path("sessions.ics", views.sessions_ics, name="sessions_ics"),
]
