"""The project's URLs plus one view that fails, to see how a 500 is logged."""

from django.urls import path

from traineeship.urls import urlpatterns as project_urls


def boom(request):
    raise RuntimeError("the view broke")


urlpatterns = [path("boom/", boom), *project_urls]
