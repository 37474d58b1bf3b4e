"""This app's part of a person's data export and erasure (see ``privacy.services``):
linked identities at providers and second factors, never their secrets.

Second factors belong to the account: they are in the person's own copy and go when the
account is anonymised. An organisation's act covers only the identity linked through its own
provider.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from organisations.privacy import Scope
from signin.models import OrganisationSignIn


def _identities(scope: Scope):
    accounts = SocialAccount.objects.filter(user=scope.person)
    if scope.organisation is None:
        return accounts
    providers = [
        sign_in.provider_id
        for sign_in in OrganisationSignIn.objects.with_provider().filter(organisation=scope.organisation)
    ]
    return accounts.filter(provider__in=providers)


def personal_data(scope: Scope) -> dict:
    data = {
        "linked_identities": [
            {
                "provider": account.provider,
                "identifier": account.uid,
                "linked": account.date_joined.isoformat(),
                "last_sign_in": account.last_login.isoformat(),
            }
            for account in _identities(scope)
        ],
    }
    if scope.is_own:
        data["second_factors"] = [
            {
                "type": authenticator.type,
                "added": authenticator.created_at.isoformat(),
                "last_used": authenticator.last_used_at.isoformat() if authenticator.last_used_at else None,
            }
            for authenticator in Authenticator.objects.filter(user=scope.person)
        ]
    return data


def erasure_summary(scope: Scope) -> list[str]:
    count = _identities(scope).count()
    summary = [
        ngettext(
            "%(count)s linked identity at the organisation's provider",
            "%(count)s linked identities at the organisation's provider",
            count,
        )
        % {"count": count}
    ]
    if scope.covers_account():
        summary.append(_("all second factors of the account"))
    return summary


def erase(scope: Scope) -> None:
    if not scope.covers_account():
        _identities(scope).delete()
        return
    SocialAccount.objects.filter(user=scope.person).delete()
    Authenticator.objects.filter(user=scope.person).delete()
    EmailAddress.objects.filter(user=scope.person).delete()


def files(scope: Scope) -> list[tuple[str, bytes]]:
    """No files of this app go into the copy."""
    return []


def erasure_blockers(scope: Scope) -> list[str]:
    """Nothing of this app has a legal term that blocks erasure."""
    return []


def purge_traineeship(traineeship) -> None:
    """Deleting the traineeship row removes all of this app's records of it; no files are left."""
