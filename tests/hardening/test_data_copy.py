"""The copy of a person's data is built by the worker; the page shows its progress."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from organisations.models import DataCopy, Membership
from privacy.tasks import build_data_copy

pytestmark = pytest.mark.django_db


def test_asking_for_a_copy_only_queues_it(personas, client_for, worker_not_running):
    trainee = client_for(personas.trainee, language="en")
    response = trainee.post(reverse("privacy_my_data_download"))
    assert response.status_code == 302
    copy = DataCopy.objects.get()
    assert copy.status == DataCopy.Status.QUEUED and copy.person == personas.trainee
    (queued,) = worker_not_running.results
    assert queued.kwargs == {"copy_id": copy.pk}
    page = trainee.get(response["Location"])
    assert "Waiting" in page.content.decode() and "data-hx-get" in page.content.decode()
    assert trainee.get(reverse("privacy_data_copy_download", args=[copy.pk])).status_code == 404

    build_data_copy.call(copy_id=copy.pk)  # what the worker does
    copy.refresh_from_db()
    assert copy.status == DataCopy.Status.DONE and copy.done == copy.total > 1
    download = trainee.get(reverse("privacy_data_copy_download", args=[copy.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert json.loads(archive.read("data.json"))["account"]["email"] == personas.trainee.email
    assert download["Content-Disposition"].startswith("attachment") and ".zip" in download["Content-Disposition"]


def test_only_the_person_who_asked_sees_the_copy(personas, client_for):
    membership = Membership.objects.get(user=personas.trainee)
    response = client_for(personas.hr).post(reverse("privacy_person_download", args=[membership.pk]))
    assert response.status_code == 302
    copy = DataCopy.objects.get()
    assert client_for(personas.hr).get(reverse("privacy_data_copy_download", args=[copy.pk])).status_code == 200
    for other in [personas.trainee, personas.other_hr, personas.manager]:
        assert client_for(other).get(reverse("privacy_data_copy", args=[copy.pk])).status_code == 404
