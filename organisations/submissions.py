"""One submission, one record: the second of two identical create submissions lands on the first result.

A double click or a resend after a slow answer sends the same form twice. Create views
carry ``@single_submission``: the first submission leaves a receipt (a hash of person,
address and form content); an identical one within ``WINDOW`` does not run the view
again but is sent where the first one went. The receipt is a database row with a
unique key, so this holds across processes and servers.
"""

import hashlib
import time
from datetime import timedelta
from functools import wraps

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations.models import SubmissionReceipt

WINDOW = timedelta(seconds=60)
# How long a second submission waits for the first one still running.
WAIT_SECONDS = 5.0
IGNORED_FIELDS = {"csrfmiddlewaretoken"}


def _fingerprint(request) -> str | None:
    who = request.user.pk if request.user.is_authenticated else request.session.session_key
    if who is None:
        return None
    digest = hashlib.sha256(f"{who}\n{request.path}\n".encode())
    for name in sorted(set(request.POST) - IGNORED_FIELDS):
        for value in request.POST.getlist(name):
            digest.update(f"{name}={value}\n".encode())
    for name in sorted(request.FILES):
        for upload in request.FILES.getlist(name):
            digest.update(f"{name}:{upload.name}:{upload.size}\n".encode())
            for chunk in upload.chunks():
                digest.update(chunk)
            upload.seek(0)
    return digest.hexdigest()


def _claim(key: str) -> SubmissionReceipt | None:
    """The earlier receipt of this submission, or None when this one is the first."""
    SubmissionReceipt.objects.filter(created_at__lt=timezone.now() - WINDOW).delete()
    try:
        with transaction.atomic():
            SubmissionReceipt.objects.create(key=key)
    except IntegrityError:
        return SubmissionReceipt.objects.filter(key=key).first()
    return None


def _first_result(request, earlier: SubmissionReceipt):
    deadline = time.monotonic() + WAIT_SECONDS
    while not earlier.location and time.monotonic() < deadline:
        time.sleep(0.2)
        earlier = SubmissionReceipt.objects.filter(pk=earlier.pk).first()
        if earlier is None:  # the first one failed: nothing was created
            return None
    messages.info(request, _("This was already saved a moment ago; it is not saved twice."))
    return redirect(earlier.location or request.path)


def single_submission(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        key = _fingerprint(request)
        if key is None:
            return view(request, *args, **kwargs)
        earlier = _claim(key)
        if earlier is not None:
            response = _first_result(request, earlier)
            if response is not None:
                return response
            _claim(key)
        try:
            response = view(request, *args, **kwargs)
        except BaseException:
            SubmissionReceipt.objects.filter(key=key).delete()
            raise
        if 300 <= response.status_code < 400 and response.has_header("Location"):
            SubmissionReceipt.objects.filter(key=key).update(location=response["Location"])
        else:
            # Not saved (the form had errors): a corrected or repeated submission runs again.
            SubmissionReceipt.objects.filter(key=key).delete()
        return response

    wrapped.single_submission = True
    return wrapped
