import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.ts";
import { signInProblem, storeSignIn } from "../../../src/store/store-sign-in.ts";

const ENDPOINT = "https://plantrkcouncil-db.documents.azure.com:443/";
const IDENTITY = "3f1e2d4c-5b6a-4978-8c9d-0e1f2a3b4c5d";
const BOT = "6a1b2c3d-1111-2222-3333-444455556666";

describe("how the store signs in", () => {
  it("accepts COSMOS_ENDPOINT without COSMOS_KEY: the managed identity signs in", () => {
    const config = loadConfig({ COSMOS_ENDPOINT: ENDPOINT, COSMOS_CLIENT_ID: IDENTITY });
    expect(storeSignIn(config)).toEqual({ kind: "entra", clientId: IDENTITY });
  });

  it("keeps the key for the emulator", () => {
    const config = loadConfig({
      COSMOS_ENDPOINT: "https://localhost:8081/",
      COSMOS_KEY: "emulator-key",
    });
    expect(storeSignIn(config)).toEqual({ kind: "key", key: "emulator-key" });
  });

  it("uses a UserAssignedMSI bot's own identity when COSMOS_CLIENT_ID is unset", () => {
    const config = loadConfig({
      COSMOS_ENDPOINT: ENDPOINT,
      MicrosoftAppId: BOT,
      MicrosoftAppType: "UserAssignedMSI",
    });
    expect(storeSignIn(config)).toEqual({ kind: "entra", clientId: BOT });
  });

  it("uses the system-assigned identity when no client id is known", () => {
    const config = loadConfig({ COSMOS_ENDPOINT: ENDPOINT });
    expect(storeSignIn(config)).toEqual({ kind: "entra", clientId: undefined });
  });

  it("names the role to grant when Cosmos DB refuses the identity", () => {
    const refused = Object.assign(new Error("Request blocked by Auth"), { code: 403 });
    expect(
      signInProblem(refused, undefined, ENDPOINT, { role: "server", clientId: IDENTITY })?.message,
    ).toMatch(/refused the managed identity 3f1e2d4c-.*Cosmos DB Built-in Data Contributor role/);
  });

  it("tells a person running a command to sign in themselves", () => {
    const failure = new Error("Please run 'az login' to set up an account.");
    expect(
      signInProblem(new Error("failed"), failure, ENDPOINT, { role: "cli", clientId: undefined })
        ?.message,
    ).toMatch(
      /^Couldn't sign in to Cosmos DB at .* as you \(Please run 'az login'.*\)\. Sign in with `az login`/,
    );
  });

  it("leaves other failures as they are", () => {
    expect(
      signInProblem(Object.assign(new Error("busy"), { code: 429 }), undefined, ENDPOINT, {
        role: "server",
        clientId: IDENTITY,
      }),
    ).toBe(undefined);
  });
});
