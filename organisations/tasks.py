"""Work that runs off the request path, in the task worker."""

from django.core.mail import send_mail
from django.tasks import task


@task()
def send_email(*, subject: str, body: str, to: list[str]) -> None:
    """Send one plain-text e-mail (already rendered in the recipient's language)."""
    send_mail(subject, body, None, to)
