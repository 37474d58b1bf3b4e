from django.contrib import admin
from django.urls import include, path

from traineeship import views

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/language/", views.set_language, name="set_language"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("organisation/", include("organisations.urls")),
    path("portfolio/", include("portfolios.urls")),
    path("admin/", admin.site.urls),
]
