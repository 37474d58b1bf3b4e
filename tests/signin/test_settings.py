"""HR configures the organisation's identity provider through our own form."""

from allauth.socialaccount.models import SocialApp

from organisations.models import AuditEntry
from signin.models import OrganisationSignIn

URL = "/organisation/sign-in/"
FORM = {
    "protocol": "openid_connect",
    "provider_name": "Zonnedal Entra ID",
    "issuer": "https://login.microsoftonline.com/00000000-1111-2222-3333-444444444444/v2.0",
    "client_id": "abc-client",
    "client_secret": "s3cret",
    "email_domains": "testdal.example, @Testdal.nl",
    "auto_membership_role": "trainee",
}


def test_hr_saves_an_openid_connect_provider(client_for, personas):
    client = client_for(personas.hr)
    assert client.get(URL).status_code == 200
    response = client.post(URL, FORM)
    assert response.status_code == 302
    sign_in = OrganisationSignIn.objects.get(organisation=personas.organisation)
    assert sign_in.domains == ["testdal.example", "testdal.nl"]
    app = sign_in.social_app
    assert (app.provider, app.provider_id, app.client_id, app.secret) == (
        "openid_connect",
        "org-testdal",
        "abc-client",
        "s3cret",
    )
    assert app.settings["server_url"] == FORM["issuer"]
    entry = AuditEntry.objects.get(action="signin.settings_changed")
    assert "s3cret" not in entry.summary
    # An empty secret keeps the stored one.
    client.post(URL, {**FORM, "client_secret": ""})
    assert SocialApp.objects.get().secret == "s3cret"
    assert "s3cret" not in client.get(URL).content.decode()


def test_missing_fields_are_explained_at_the_field(client_for, personas):
    response = client_for(personas.hr).post(URL, {"protocol": "openid_connect", "auto_membership_role": "trainee"})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() >= {"issuer", "client_id", "client_secret", "email_domains"}
    assert not SocialApp.objects.exists()


def test_a_domain_belongs_to_one_organisation(client_for, personas):
    client_for(personas.hr).post(URL, FORM)
    response = client_for(personas.other_hr).post(URL, FORM)
    assert response.status_code == 200
    assert "email_domains" in response.context["form"].errors


def test_only_hr_reaches_the_settings(client_for, personas):
    assert client_for(personas.manager).get(URL).status_code == 403
    assert client_for(personas.mentor).post(URL, FORM).status_code == 403
    assert not SocialApp.objects.exists()


def test_hr_saves_a_saml_provider(client_for, personas):
    response = client_for(personas.hr).post(
        URL,
        {
            "protocol": "saml",
            "saml_entity_id": "http://adfs.testdal.example/adfs/services/trust",
            "saml_metadata_url": "https://adfs.testdal.example/FederationMetadata/2007-06/FederationMetadata.xml",
            "email_domains": "testdal.example",
            "auto_membership_role": "trainee",
        },
    )
    assert response.status_code == 302
    app = SocialApp.objects.get()
    assert (app.provider, app.client_id) == ("saml", "org-testdal")
    assert app.settings["idp"]["entity_id"] == "http://adfs.testdal.example/adfs/services/trust"
    assert app.settings["advanced"]["want_assertion_signed"] is True
