"""Linked identities and second factors are in a person's data copy and go with erasure."""

import io
import json
import zipfile

from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from organisations.models import DataCopy, Membership


def link(user):
    SocialAccount.objects.create(user=user, provider="org-testdal", uid="entra-object-id-1", extra_data={})
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})


def test_copy_lists_identities_and_second_factors_without_secrets(personas, client_for):
    link(personas.mentor)
    client = client_for(personas.mentor)
    assert client.post(reverse("privacy_my_data_download")).status_code == 302  # built by the worker
    download = client.get(reverse("privacy_data_copy_download", args=[DataCopy.objects.get().pk]))
    data = json.loads(zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))).read("data.json"))
    assert data["linked_identities"][0]["identifier"] == "entra-object-id-1"
    assert data["second_factors"][0]["type"] == "totp"
    assert "JBSWY3DPEHPK3PXP" not in json.dumps(data)


def test_erasure_removes_identities_and_second_factors(personas, client_for):
    link(personas.mentor)
    membership = Membership.objects.get(user=personas.mentor)
    url = reverse("privacy_person_erase", args=[membership.pk])
    page = client_for(personas.hr).get(url)
    assert any("identit" in line for line in page.context["summary"])
    response = client_for(personas.hr).post(url, {"confirm": "yes"})
    assert response.status_code == 302
    assert not SocialAccount.objects.exists()
    assert not Authenticator.objects.exists()
