"""Download the manager's overview as a person does: ask for it, follow its page, take the file."""

from urllib.parse import urlencode

from django.urls import reverse


def download_overview(client, file_format: str, **filters):
    """The file's response (the test settings run the task worker's job at once)."""
    asked = client.post(reverse(f"manager_overview_{file_format}"), {"query": urlencode(filters)})
    assert asked.status_code == 302, asked.status_code
    page = client.get(asked["Location"])
    assert page.status_code == 200
    return client.get(page.context["download_url"])
