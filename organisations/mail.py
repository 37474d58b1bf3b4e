"""Every e-mail leaves through here: queued by the request, sent by the task worker.

A request only writes an ``OutgoingMail`` row and enqueues its delivery, so it never
waits for the mail server (its time does not tell whether an address exists) and an
unreachable server never gives an error page. The worker retries a failed delivery
with growing pauses; after the last attempt the mail shows on HR's list of failed mails.
"""

import logging
from datetime import timedelta

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from organisations.encoding import header_text, one_line
from organisations.models import Organisation, OutgoingMail

logger = logging.getLogger(__name__)

# Pauses before the second, third, ... attempt; after the last one the mail has failed.
RETRY_DELAYS = [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2)]
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1


def queue(*, to: str, subject: str, body: str, organisation: Organisation | None = None) -> OutgoingMail:
    """Queue one plain-text mail (already rendered in the recipient's language)."""
    from organisations.tasks import deliver_mail

    mail = OutgoingMail.objects.create(
        organisation=organisation,
        recipient=one_line(to)[:254],
        subject=header_text(subject, max_length=255),
        body=body,
    )
    # With the database backend the task row commits with the mail row, so the
    # worker never sees a mail whose transaction was rolled back.
    deliver_mail.enqueue(mail.pk)
    return mail


def deliver(mail_id: int) -> None:
    """One attempt to send the mail; on failure a retry is scheduled or the mail is marked failed.

    The mail server is called outside any transaction: a slow server must not hold a
    database lock (SQLite takes its write lock for the whole transaction).
    """
    mail = OutgoingMail.objects.filter(pk=mail_id, status=OutgoingMail.Status.QUEUED).first()
    if mail is None:
        return
    # Claim this attempt; a second worker that picked up the same mail finds nothing to do.
    claimed = OutgoingMail.objects.filter(pk=mail.pk, status=mail.status, attempts=mail.attempts).update(
        attempts=mail.attempts + 1, last_attempt_at=timezone.now()
    )
    if not claimed:
        return
    mail.attempts += 1
    try:
        EmailMessage(subject=header_text(mail.subject), body=mail.body, to=[mail.recipient]).send()
    except Exception as error:  # any failure of the mail server is retried
        mail.last_error = type(error).__name__[:200]
        with transaction.atomic():
            _after_failure(mail)
            mail.save(update_fields=["last_error", "status"])
        return
    mail.status = OutgoingMail.Status.SENT
    mail.sent_at = timezone.now()
    mail.last_error = ""
    mail.body = ""  # the text (often a personal link) is not kept once it is sent
    mail.save(update_fields=["status", "sent_at", "last_error", "body"])


def _after_failure(mail: OutgoingMail) -> None:
    from organisations.tasks import deliver_mail

    if mail.attempts >= MAX_ATTEMPTS or not deliver_mail.get_backend().supports_defer:
        mail.status = OutgoingMail.Status.FAILED
        logger.warning("mail %s failed after %s attempts (%s)", mail.pk, mail.attempts, mail.last_error)
        return
    delay = RETRY_DELAYS[mail.attempts - 1]
    logger.info("mail %s attempt %s failed (%s), retrying", mail.pk, mail.attempts, mail.last_error)
    transaction.on_commit(lambda: deliver_mail.using(run_after=timezone.now() + delay).enqueue(mail.pk))


def retry(*, mail: OutgoingMail) -> OutgoingMail:
    """Send a failed mail again (HR's "send again")."""
    from organisations.tasks import deliver_mail

    mail.status = OutgoingMail.Status.QUEUED
    mail.attempts = 0
    mail.save(update_fields=["status", "attempts"])
    deliver_mail.enqueue(mail.pk)
    return mail
