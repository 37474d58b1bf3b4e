"""Work that runs off the request path, in the task worker."""

from django.tasks import task

from organisations import mail


@task()
def deliver_mail(mail_id: int) -> None:
    """One delivery attempt of a queued ``OutgoingMail``."""
    mail.deliver(mail_id)


@task()
def send_email(*, subject: str, body: str, to: list[str]) -> None:
    """Kept for callers that enqueue a mail directly: each recipient becomes a queued mail."""
    for address in to:
        mail.queue(to=address, subject=subject, body=body)
