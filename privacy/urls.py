"""A person's copy of their data and erasure on request; names stay unprefixed (``privacy_...``)."""

from django.urls import path

from privacy import views

urlpatterns = [
    path("my-data/", views.my_data, name="privacy_my_data"),
    path("my-data/download/", views.my_data_download, name="privacy_my_data_download"),
    path("people/<int:pk>/download/", views.person_data_download, name="privacy_person_download"),
    path("copies/<int:pk>/", views.data_copy, name="privacy_data_copy"),
    path("copies/<int:pk>/download/", views.data_copy_download, name="privacy_data_copy_download"),
    path("people/<int:pk>/erase/", views.person_erase, name="privacy_person_erase"),
]
