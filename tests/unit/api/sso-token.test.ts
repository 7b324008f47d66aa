import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../../src/api/api-error.ts";
import { type SsoSettings, ssoSettingsFrom } from "../../../src/api/sso-settings.ts";
import { createSsoVerifier, type VerifySsoToken } from "../../../src/api/sso-token.ts";
import { APP_ID, EntraStandIn, PUBLIC_URL, TENANT } from "../../integration/api/entra-stand-in.ts";

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("checking a Teams SSO token", () => {
  let entra: EntraStandIn;
  let verify: VerifySsoToken;
  beforeAll(async () => {
    entra = await EntraStandIn.start();
    verify = createSsoVerifier(ssoSettingsFrom(entra.env()) as SsoSettings, () => new Date());
  });
  afterAll(() => entra.close());

  it("accepts a v2.0 token for the app and says who it is, by lower-cased email", async () => {
    const token = await entra.tokenFor("Jo.Bloggs@Council.gov.uk", { name: "Jo Bloggs" });
    await expect(verify(token)).resolves.toEqual({
      email: "jo.bloggs@council.gov.uk",
      name: "Jo Bloggs",
    });
  });

  it("accepts a v1 token for the api:// resource, reading the person from upn", async () => {
    const token = await entra.sign({
      aud: `api://plans.example.gov.uk/${APP_ID}`,
      iss: entra.issuerV1,
      upn: "sam.director@council.gov.uk",
    });
    await expect(verify(token)).resolves.toMatchObject({ email: "sam.director@council.gov.uk" });
  });

  it("refuses a token for another app", async () => {
    const token = await entra.tokenFor("jo@council.gov.uk", {
      aud: "00000000-0000-0000-0000-000000000001",
    });
    expect(await refusal(verify(token))).toMatchObject({
      status: 401,
      code: "sign_in_not_for_this_app",
    });
  });

  it("refuses a token from another tenant", async () => {
    const token = await entra.tokenFor("jo@council.gov.uk", {
      iss: "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0",
    });
    expect(await refusal(verify(token))).toMatchObject({
      status: 401,
      code: "sign_in_not_for_this_app",
    });
  });

  it("refuses an expired token, telling the person to reload", async () => {
    const token = await entra.tokenFor("jo@council.gov.uk", { expiresIn: -600 });
    const error = await refusal(verify(token));
    expect(error).toMatchObject({ status: 401, code: "sign_in_expired" });
    expect(error.message).toMatch(/reload the tab/);
  });

  it("tolerates a few minutes of clock difference", async () => {
    const token = await entra.tokenFor("jo@council.gov.uk", { expiresIn: -60 });
    await expect(verify(token)).resolves.toMatchObject({ email: "jo@council.gov.uk" });
  });

  it("refuses a token signed by a key that is not Entra's", async () => {
    const token = await entra.forged({
      aud: APP_ID,
      iss: entra.issuerV2,
      preferred_username: "jo@council.gov.uk",
    });
    expect(await refusal(verify(token))).toMatchObject({ status: 401, code: "sign_in_invalid" });
  });

  it("refuses an unsigned token (alg none)", async () => {
    const token = entra.unsigned({
      aud: APP_ID,
      iss: entra.issuerV2,
      preferred_username: "jo@council.gov.uk",
    });
    expect(await refusal(verify(token))).toMatchObject({ status: 401, code: "sign_in_invalid" });
  });

  it("refuses rubbish", async () => {
    expect(await refusal(verify("not.a.token"))).toMatchObject({
      status: 401,
      code: "sign_in_invalid",
    });
  });

  it("refuses a valid token that does not say who the person is", async () => {
    const token = await entra.sign({ aud: APP_ID, iss: entra.issuerV2, name: "Nobody" });
    expect(await refusal(verify(token))).toMatchObject({ status: 401, code: "sign_in_invalid" });
  });

  it("answers 503, not 401, when Entra's keys cannot be fetched", async () => {
    const offline = createSsoVerifier(
      {
        ...(ssoSettingsFrom(entra.env()) as SsoSettings),
        jwksUrl: new URL("http://127.0.0.1:9/keys"),
      },
      () => new Date(),
    );
    const token = await entra.tokenFor("jo@council.gov.uk");
    expect(await refusal(offline(token))).toMatchObject({
      status: 503,
      code: "sign_in_check_unavailable",
    });
  });
});

describe("what a token must match", () => {
  it("defaults to the tenant's Entra keys and both token versions' issuers", () => {
    const settings = ssoSettingsFrom({
      MicrosoftAppId: APP_ID,
      MicrosoftAppTenantId: TENANT,
      PUBLIC_URL,
    });
    expect(settings).toEqual({
      jwksUrl: new URL(`https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`),
      issuers: [
        `https://login.microsoftonline.com/${TENANT}/v2.0`,
        `https://sts.windows.net/${TENANT}/`,
      ],
      audiences: [APP_ID, `api://plans.example.gov.uk/${APP_ID}`],
    });
  });

  it("names the missing tenant id rather than trusting every tenant", () => {
    expect(ssoSettingsFrom({ MicrosoftAppId: APP_ID })).toEqual({
      problem: expect.stringContaining("MicrosoftAppTenantId"),
    });
  });
});
