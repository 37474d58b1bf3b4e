"""Every download is named through ``organisations.encoding.attach``: an ASCII fallback and the
name as typed in ``filename*`` (spreadsheets, the framework's JSON, the PDFs), and kept from every
cache on the way (the URL matrix checks that of every file any URL hands out)."""

import pytest
from django.urls import reverse

from tests.programmes.factories import FrameworkFactory


@pytest.mark.parametrize("file_format", ["json", "csv", "xlsx"])
def test_framework_exports_keep_the_name_as_typed(personas, client_for, file_format):
    framework = FrameworkFactory(organisation=personas.organisation, name='Kader "Zoë"; sociaal werk')
    response = client_for(personas.hr).get(
        reverse("programmes:framework_export", kwargs={"pk": framework.pk, "file_format": file_format})
    )
    header = response["Content-Disposition"]
    assert header.startswith('attachment; filename="Kader -Zoe-- sociaal werk.')
    assert f"filename*=UTF-8''Kader%20-Zo%C3%AB--%20sociaal%20werk.{file_format}" in header
    assert response["Cache-Control"] == "private, no-store"
