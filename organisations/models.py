"""People, organisations and the roles that join them.

Everything a user may see follows from their memberships: each scoped model has a
``visible_to(user)`` queryset method, and views resolve objects through it (see
``organisations.access``).
"""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from organisations.branding import DEFAULT_ACCENT, logo_path
from organisations.jobs import BackgroundJob, BackgroundJobQuerySet


class UserManager(BaseUserManager):
    use_in_migrations = True

    def mentors_of(self, organisation):
        """The people with a mentor role at ``organisation`` (the rule: ``Membership.objects.mentors_of``)."""
        return self.filter(memberships__in=Membership.objects.mentors_of(organisation))

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        # E-mail addresses are stored lower-case; sign-in ignores case.
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff status"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["name", "email"]

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email


class Organisation(models.Model):
    class Kind(models.TextChoices):
        SOCIAL_WORK = "social_work", _("Social work organisation")
        MUNICIPALITY = "municipality", _("Municipality")
        YOUTH_CARE = "youth_care", _("Youth care")
        OTHER = "other", pgettext_lazy("organisation kind", "Other")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SOCIAL_WORK)
    # Privacy (AVG): how long development records are kept after a traineeship ends.
    retention_years = models.PositiveSmallIntegerField(
        _("keep records for (years after the traineeship ends)"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_(
            "Two years after leaving is generally seen as reasonable; municipalities keep appraisal records five years."
        ),
    )
    privacy_contact = models.CharField(
        _("privacy contact"),
        max_length=200,
        blank=True,
        help_text=_("Who trainees and staff can ask about their data, e.g. the privacy officer's e-mail address."),
    )
    # Branding of the PDFs (checked in organisations.branding).
    logo = models.FileField(
        _("logo"),
        upload_to=logo_path,
        blank=True,
        max_length=200,
        help_text=_("Shown on the cover of portfolio PDFs. PNG or JPEG, at most 1 MB."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default=DEFAULT_ACCENT,
        help_text=_("Headings of the PDFs in this colour; it needs a contrast of at least 4.5:1 on white."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    HR = "hr", _("HR adviser")
    MANAGER = "manager", _("Manager")
    MENTOR = "mentor", _("Mentor")
    TRAINEE = "trainee", _("Trainee")
    COORDINATOR = "coordinator", _("Programme coordinator")
    # An independent coach (seed 001): one-to-one sessions with trainees; sees only what a trainee shares.
    COACH = "coach", _("Coach")


class MembershipQuerySet(models.QuerySet):
    def organisations_of(self, user, *roles):
        """The organisations where ``user`` has one of ``roles``, as a subquery of their ids."""
        return self.filter(user=user, role__in=roles).values("organisation")

    def belonging(self, user):
        """``user``'s memberships that make them one of the organisation's own people, who see its
        programmes and reference pages. A coach's role is left out: it reaches only the traineeships
        they coach (``coaching.permissions``), so an outside coach sees nothing else of the organisation."""
        return self.filter(user=user).exclude(role=Role.COACH)

    def mentors_of(self, organisation):
        """The mentor memberships of ``organisation`` (``User.objects.mentors_of`` gives the people)."""
        return self.filter(organisation=organisation, role=Role.MENTOR)

    def visible_to(self, user):
        """Memberships of the organisations where ``user`` is HR or a manager, and their own."""
        if not user.is_authenticated:
            return self.none()
        from organisations.permissions import PEOPLE_READERS

        staff_orgs = Membership.objects.organisations_of(user, *PEOPLE_READERS)
        return self.filter(models.Q(organisation__in=staff_orgs) | models.Q(user=user))


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="unique_membership_role"),
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.organisation}"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        hr_orgs = Membership.objects.organisations_of(user, Role.HR)
        return self.filter(organisation__in=hr_orgs)

    def open(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """A one-time, expiring invitation to a role in an organisation.

    Only a hash of the token is stored, so a leaked database does not leak links.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("organisation")
    )
    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("invited by")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.get_role_display()} ({self.organisation})"

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()

    def accept_url(self, token: str) -> str:
        return reverse("organisations:invitation_accept", kwargs={"token": token})


class AuditEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        from organisations.permissions import AUDIT_READERS

        orgs = Membership.objects.organisations_of(user, *AUDIT_READERS)
        return self.filter(organisation__in=orgs)


class AuditEntry(models.Model):
    """An append-only record of an act that matters (see ``organisations.audit``).

    Labels are copied at the time of the act, so the entry stays readable after the
    people involved are renamed or erased.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="audit_entries", verbose_name=_("organisation")
    )
    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("actor")
    )
    actor_label = models.CharField(_("by"), max_length=200)
    action = models.CharField(_("action"), max_length=50, db_index=True)
    subject = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("concerning")
    )
    subject_label = models.CharField(_("concerning"), max_length=200, blank=True)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    # What happened, as data (see ``organisations.audit``); the summary is rendered when read.
    params = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args, **kwargs):
        # Append-only: an entry is written once and never changed.
        if self.pk is not None and not self._state.adding:
            raise ValueError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit entries cannot be deleted.")

    @property
    def summary(self) -> str:
        """The details in the reader's language."""
        from organisations.audit import render_summary

        return render_summary(self.action, self.params)

    @property
    def actor_display(self) -> str:
        if self.actor_id is None and self.actor_label == "system":
            return str(_("system"))
        return self.actor_label

    @property
    def action_label(self) -> str:
        from organisations.audit import action_label

        return action_label(self.action)


class OutgoingMailQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The mails of the organisations where ``user`` is HR."""
        if not user.is_authenticated:
            return self.none()
        hr_orgs = Membership.objects.organisations_of(user, Role.HR)
        return self.filter(organisation__in=hr_orgs)

    def failed(self):
        return self.filter(status=OutgoingMail.Status.FAILED)


class OutgoingMail(models.Model):
    """One e-mail on its way: queued by a request, sent (and retried) by the task worker.

    The body is kept only until the mail is sent; failed mails stay visible to the
    organisation's HR with the kind of error (never the mail server's full answer).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    recipient = models.EmailField(_("recipient"))
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "status"], name="outgoingmail_org_status")]

    def __str__(self):
        return f"mail {self.pk} ({self.status})"


class SubmissionReceipt(models.Model):
    """A create form that was just submitted, so the same submission again lands on its result.

    ``key`` is a hash of who submitted what where; no form content is stored.
    """

    key = models.CharField(max_length=64, unique=True)
    location = models.CharField(max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return f"submission {self.key[:8]}"


class DataCopyQuerySet(BackgroundJobQuerySet):
    def visible_to(self, user):
        """A copy is seen only by the person who asked for it, while it is kept."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(requested_by=user).kept()


class DataCopy(BackgroundJob):
    """A person's copy of their data (AVG), built as a ZIP by the task worker with progress."""

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+", verbose_name=_("person"))
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(max_length=200, blank=True, editable=False)

    objects = DataCopyQuerySet.as_manager()

    class Meta(BackgroundJob.Meta):
        verbose_name = _("copy of personal data")
        verbose_name_plural = _("copies of personal data")

    def __str__(self):
        return f"data copy {self.pk} ({self.status})"
