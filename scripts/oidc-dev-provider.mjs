// A real OpenID Connect provider (npm "oidc-provider") on loopback, for the tests
// and the `make run` demo. Its development sign-in form accepts any e-mail address
// with any password; the address becomes the person's verified `email` claim, except
// addresses starting with "unverified" (their `email_verified` is false).
//
//   node scripts/oidc-dev-provider.mjs            (port 9000, the demo's client)
//   OIDC_PORT=9100 OIDC_CLIENTS='[{"client_id":..,"client_secret":..,"redirect_uris":[..]}]' node ...
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT || 9000);
const issuer = process.env.OIDC_ISSUER || `http://127.0.0.1:${port}`;
const clients = process.env.OIDC_CLIENTS
  ? JSON.parse(process.env.OIDC_CLIENTS)
  : [
      {
        client_id: "traineeship-demo",
        client_secret: "demo-secret-not-for-production",
        redirect_uris: [
          "http://127.0.0.1:8000/accounts/oidc/org-zonnedal/login/callback/",
          "http://localhost:8000/accounts/oidc/org-zonnedal/login/callback/",
        ],
        post_logout_redirect_uris: ["http://127.0.0.1:8000/accounts/login/", "http://localhost:8000/accounts/login/"],
      },
    ];

const provider = new Provider(issuer, {
  clients,
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  pkce: { required: () => false },
  async findAccount(ctx, id) {
    const email = String(id).toLowerCase();
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email,
          email_verified: !email.startsWith("unverified"),
          name: email.split("@")[0].replace(/[._]/g, " "),
        };
      },
    };
  },
});

provider.listen(port, "127.0.0.1", () => {
  console.log(`oidc-provider listening on ${issuer}`);
});
