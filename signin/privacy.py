"""This app's part of a person's data export and erasure (see ``traineeship.privacy``):
linked identities at providers and second factors, never their secrets."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.utils.translation import gettext as _


def personal_data(user) -> dict:
    return {
        "linked_identities": [
            {
                "provider": account.provider,
                "identifier": account.uid,
                "linked": account.date_joined.isoformat(),
                "last_sign_in": account.last_login.isoformat(),
            }
            for account in SocialAccount.objects.filter(user=user)
        ],
        "second_factors": [
            {
                "type": authenticator.type,
                "added": authenticator.created_at.isoformat(),
                "last_used": authenticator.last_used_at.isoformat() if authenticator.last_used_at else None,
            }
            for authenticator in Authenticator.objects.filter(user=user)
        ],
    }


def erasure_summary(user) -> list[str]:
    return [
        _("%(count)s linked identity/identities at the organisation's provider and all second factors")
        % {"count": SocialAccount.objects.filter(user=user).count()}
    ]


def erase(user) -> None:
    SocialAccount.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
