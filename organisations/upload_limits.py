"""Uploads are limited while the request body is read, before anything reaches the disk.

``LimitedUploadHandler`` runs first among Django's upload handlers:

* Anonymous requests (a colleague's feedback, accepting an invitation, a password
  reset) take no files: a file part is skipped unread, so no temporary file is made.
* Beyond ``UPLOAD_MAX_BYTES`` the rest of a file is not passed on to the handlers
  that write it; the view receives an empty stand-in that reports the real size, so
  the form says "too large" in words instead of the server storing the file first.
* A body far beyond any form we accept (``REQUEST_MAX_BYTES``) is refused outright
  (400). The reverse proxy should refuse it even earlier (see the README).
"""

import io

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile


class RefusedUpload(InMemoryUploadedFile):
    """A file that was too large: no content, only its name and the size received."""

    def __init__(self, *, field_name, name, content_type, size):
        super().__init__(io.BytesIO(), field_name, name, content_type, size, None)


class LimitedUploadHandler(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length and content_length > settings.REQUEST_MAX_BYTES:
            raise RequestDataTooBig("The request body is larger than REQUEST_MAX_BYTES.")

    def new_file(self, field_name, file_name, content_type, content_length, charset=None, content_type_extra=None):
        user = getattr(self.request, "user", None)
        if user is None or not user.is_authenticated:
            raise SkipFile
        super().new_file(field_name, file_name, content_type, content_length, charset, content_type_extra)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.UPLOAD_MAX_BYTES:
            return None  # later handlers (memory, temporary file) get nothing more
        return raw_data

    def file_complete(self, file_size):
        if self.received > settings.UPLOAD_MAX_BYTES:
            return RefusedUpload(
                field_name=self.field_name, name=self.file_name, content_type=self.content_type, size=self.received
            )
        return None  # the next handler returns the file it built
