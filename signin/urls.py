from django.urls import path

from signin import views

app_name = "signin"

urlpatterns = [
    path("", views.sign_in_settings, name="settings"),
]
