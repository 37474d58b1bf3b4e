from django.urls import path

from evaluations import views

app_name = "evaluations"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("traineeships/<int:pk>/<str:moment>/", views.answer, name="answer"),
    path("results/", views.results, name="results"),
    path("results/<int:pk>/", views.programme_results, name="programme_results"),
    path("programmes/<int:pk>/questions/", views.questions, name="questions"),
]
