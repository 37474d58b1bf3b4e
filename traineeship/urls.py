from django.contrib import admin
from django.urls import include, path

from traineeship import views, views_traineeships

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/language/", views.set_language, name="set_language"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("organisation/", include("organisations.urls")),
    path("programmes/", include("programmes.urls")),
    path("traineeships/", views_traineeships.traineeship_list, name="traineeship_list"),
    path("traineeships/<int:pk>/", views_traineeships.stappenplan, name="stappenplan"),
    path("admin/", admin.site.urls),
]
