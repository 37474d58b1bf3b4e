"""Settings for the test suite: fast hashing, tasks run at once."""

import os
import tempfile

from traineeship.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
AXES_ENABLED = False
MEDIA_ROOT = tempfile.mkdtemp(prefix="traineeship-media-", dir=os.environ.get("TMPDIR"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Chromium's virtual authenticator works on http://localhost (a secure context); the
# live server is not https.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
