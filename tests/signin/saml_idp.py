"""A real SAML 2.0 identity provider (pysaml2's ``Server``) on loopback, for the tests.

It answers the service provider's AuthnRequest (HTTP-Redirect) at once with a signed
response for the e-mail address given to ``running_idp`` (no sign-in form), posted back
through the HTTP-POST binding in the browser, like a real IdP would.
"""

import datetime
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.saml import NAMEID_FORMAT_EMAILADDRESS, NameID
from saml2.server import Server
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256

EMAIL_ATTRIBUTE = "urn:oid:0.9.2342.19200300.100.1.3"


def self_signed(directory):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test-idp")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_file, cert_file = directory / "idp.key", directory / "idp.crt"
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return str(key_file), str(cert_file)


class IdP:
    """State shared with the request handler: who signs in next."""

    def __init__(self, base_url, sp_metadata_url, directory):
        self.base_url = base_url
        self.entity_id = f"{base_url}/metadata"
        self.email = ""
        self.attributes: dict = {}
        self.sp_metadata_url = sp_metadata_url
        self.directory = directory
        self.key_file, self.cert_file = self_signed(directory)
        self._server = None
        # Bad cases: sign with SHA-1, or with a key other than the one in the metadata.
        self.sign_alg = SIG_RSA_SHA256
        self.signing_key: tuple[str, str] | None = None

    def config(self, with_sp: bool) -> IdPConfig:
        base_url, key_file, cert_file = self.base_url, self.key_file, self.cert_file
        if with_sp and self.signing_key:
            key_file, cert_file = self.signing_key
        config = IdPConfig()
        settings = {
            "entityid": self.entity_id,
            "service": {
                "idp": {
                    "endpoints": {"single_sign_on_service": [(f"{base_url}/sso", BINDING_HTTP_REDIRECT)]},
                    "name_id_format": [NAMEID_FORMAT_EMAILADDRESS],
                    "sign_response": True,
                    "sign_assertion": True,
                    "want_authn_requests_signed": False,
                }
            },
            "key_file": key_file,
            "cert_file": cert_file,
            "xmlsec_binary": "/usr/bin/xmlsec1",
        }
        if with_sp:
            # The service provider's metadata exists once the organisation is configured.
            sp_metadata = self.directory / "sp.xml"
            sp_metadata.write_text(requests.get(self.sp_metadata_url, timeout=10).text)
            settings["metadata"] = {"local": [str(sp_metadata)]}
        config.load(settings)
        return config

    @property
    def server(self) -> Server:
        if self._server is None:
            self._server = Server(config=self.config(with_sp=True))
        return self._server

    def metadata(self) -> bytes:
        from saml2.metadata import create_metadata_string

        return create_metadata_string(None, self.config(with_sp=False), valid=4)

    def answer(self, query: dict) -> str:
        request = self.server.parse_authn_request(query["SAMLRequest"][0], BINDING_HTTP_REDIRECT)
        args = self.server.response_args(request.message, [BINDING_HTTP_POST])
        response = self.server.create_authn_response(
            identity={EMAIL_ATTRIBUTE: [self.email], **self.attributes},
            userid=self.email,
            name_id=NameID(format=NAMEID_FORMAT_EMAILADDRESS, text=self.email),
            authn={"class_ref": "urn:oasis:names:tc:SAML:2.0:ac:classes:Password"},
            sign_response=True,
            sign_assertion=True,
            sign_alg=self.sign_alg,
            digest_alg=DIGEST_SHA256,
            **args,
        )
        http = self.server.apply_binding(
            BINDING_HTTP_POST, str(response), args["destination"], query.get("RelayState", [""])[0], response=True
        )
        return http["data"]


@contextmanager
def running_idp(sp_metadata_url: str, directory):
    holder = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            parts = urlsplit(self.path)
            idp = holder["idp"]
            if parts.path == "/metadata":
                body, kind = idp.metadata(), "application/samlmetadata+xml"
            elif parts.path == "/sso":
                body, kind = idp.answer(parse_qs(parts.query)).encode(), "text/html"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.end_headers()
            self.wfile.write(body if isinstance(body, bytes) else body.encode())

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base_url = f"http://127.0.0.1:{httpd.server_port}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        holder["idp"] = IdP(base_url, sp_metadata_url, directory)
        yield holder["idp"]
    finally:
        httpd.shutdown()


def configure_saml(organisation, idp: IdP, **options):
    from allauth.socialaccount.models import SocialApp

    from signin.models import OrganisationSignIn
    from signin.services import saml_settings

    sign_in, _created = OrganisationSignIn.objects.get_or_create(organisation=organisation)
    app = sign_in.social_app or SocialApp(provider="saml")
    app.provider = "saml"
    app.provider_id = sign_in.provider_id
    app.client_id = sign_in.provider_id
    app.name = "Testdal ADFS"
    app.settings = saml_settings(idp.entity_id, f"{idp.base_url}/metadata")
    app.save()
    sign_in.social_app = app
    sign_in.protocol = "saml"
    sign_in.email_domains = options.pop("email_domains", "testdal.example")
    for name, value in options.items():
        setattr(sign_in, name, value)
    sign_in.save()
    return sign_in
