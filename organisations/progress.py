"""The last poll of a progress page: the file is ready.

The poll swaps in a link marked ``data-download-now`` that app.js follows once. It is not an
``HX-Redirect``: htmx keeps polling after one, so a page whose download leaves it open would
fetch the file again on every poll.
"""

from django.http import HttpResponse
from django.shortcuts import render


def file_ready(request, *, element_id: str, download_url: str, name: str) -> HttpResponse:
    context = {"element_id": element_id, "download_url": download_url, "name": name}
    return render(request, "includes/file_ready.html", context)
