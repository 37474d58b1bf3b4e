"""Log lines without noise and without personal data.

A 403 or 404 is an everyday answer: one warning line, no traceback. A 500 keeps
its traceback. Every line loses e-mail addresses and the secret parts of links
(invitation, feedback and password-reset tokens); people are named in logs by id only.
"""

import logging
import re

EMAIL = re.compile(r"[^\s@/<>\"']+@[^\s@/<>\"']+\.[A-Za-z]{2,}")
# A path segment that looks like a token: long and random (ids are short numbers).
TOKEN = re.compile(r"(?<=/)[A-Za-z0-9_\-]{20,}(?=/|$|\s|\?)")
# Password-reset links carry the account id, base64-encoded, before the token.
RESET = re.compile(r"(/accounts/reset/)[^/\s]+/[^/\s]+")


def redact(text: str) -> str:
    text = RESET.sub(r"\1[redacted]", text)
    text = EMAIL.sub("[e-mail]", text)
    return TOKEN.sub("[token]", text)


class ClientErrorsWithoutTraceback(logging.Filter):
    """Drop the traceback of a 4xx answer (Django attaches the 403's or 404's exception)."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if status is not None and 400 <= status < 500:
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
