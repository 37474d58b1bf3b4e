"""What of a person's sign-in data anyone reads, for the privacy page (see ``organisations.permissions``).

Nobody reads identities or second factors in the application; the audit trail (its own rule)
records sign-ins and changes of second factors.
"""

from django.utils.translation import gettext_lazy as _

from organisations.permissions import ReadRule, register

IDENTITY = register(
    ReadRule(
        "identity",
        11,
        _(
            "Sign-in through your organisation's identity provider (single sign-on): the provider's identifier "
            "for you, your e-mail address and whether the provider confirmed it, and your name"
        ),
        _(
            "To recognise you when your organisation's provider (for example Microsoft Entra ID) signs you in; "
            "we receive no password and keep no tokens from the provider"
        ),
        (),
        _("Only the application; HR and managers see in the audit trail that you signed in and how"),
    )
)

SECOND_FACTORS = register(
    ReadRule(
        "second_factors",
        12,
        _(
            "Two-factor authentication: the secret of your authenticator app, the public keys of your security "
            "keys and your recovery codes"
        ),
        _("To check your second factor when you sign in with a password"),
        (),
        _("Nobody; HR and managers see in the audit trail when a second factor was added or removed"),
    )
)
