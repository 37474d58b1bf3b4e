// A real OpenID Connect provider (npm "oidc-provider") on loopback, for the tests
// and the `make run` demo. Its development sign-in form accepts any e-mail address
// with any password; the address becomes the person's verified `email` claim, except
// addresses starting with "unverified" (their `email_verified` is false).
//
//   node scripts/oidc-dev-provider.mjs            (port 9000, the demo's client)
//   OIDC_PORT=9100 OIDC_CLIENTS='[{"client_id":..,"client_secret":..,"redirect_uris":[..]}]' node ...
//
// For the tests of refused sign-ins, OIDC_TAMPER makes the provider misbehave in one way:
// its ID tokens are re-issued for another audience ("audience"), already expired
// ("expired"), signed with a key it does not publish ("signature") or with another nonce ("nonce").
import { generateKeyPairSync } from "node:crypto";
import { decodeJwt, SignJWT } from "jose";
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

const tamper = process.env.OIDC_TAMPER || "";
const newKey = () => generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
const signingKey = newKey();
const unpublishedKey = newKey();
const kid = "dev-signing-key";

const provider = new Provider(issuer, {
  clients,
  jwks: { keys: [{ ...signingKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" }] },
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

async function tampered(idToken) {
  const claims = decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  if (tamper === "audience") claims.aud = "another-application";
  if (tamper === "nonce") claims.nonce = "not-the-nonce-that-was-sent";
  if (tamper === "expired") Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
  const key = tamper === "signature" ? unpublishedKey : signingKey;
  return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid, typ: "JWT" }).sign(key);
}

if (tamper) {
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === "/token" && ctx.body && ctx.body.id_token) {
      ctx.body = { ...ctx.body, id_token: await tampered(ctx.body.id_token) };
    }
  });
}

provider.listen(port, "127.0.0.1", () => {
  console.log(`oidc-provider listening on ${issuer}`);
});
