"""A mail backend whose server never answers, for tests of delivery failures."""

from django.core.mail.backends.base import BaseEmailBackend


class Unreachable(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")
