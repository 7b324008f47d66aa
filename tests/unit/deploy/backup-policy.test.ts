import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { readJson, resourceOf, template } from "./deploy-files.ts";

const ACCOUNT = "Microsoft.DocumentDB/databaseAccounts";
const account = resourceOf(template(), ACCOUNT);

// Azure's published schema for the account's type and API version (see arm-template.test.ts).
const schemas = readJson("tests/unit/deploy/azure-resource-schemas.json");
const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(
  schemas[`${ACCOUNT}@${account.apiVersion}`] as object,
);

/** The account with its backup policy replaced, to see what Azure's schema makes of it. */
function withPolicy(policy: unknown) {
  const changed = structuredClone(account);
  (changed.properties as Record<string, unknown>).backupPolicy = policy;
  return changed;
}

describe("the Cosmos DB account's backups in infra/azure.json", () => {
  it("are continuous, on the 7-day tier: any second of the last week can be restored, and the tier costs nothing to keep", () => {
    // Without a policy Azure takes periodic backups, which only Azure support can restore.
    expect(account.properties?.backupPolicy).toEqual({
      type: "Continuous",
      continuousModeProperties: { tier: "Continuous7Days" },
    });
    expect(validate(account), JSON.stringify(validate.errors?.[0])).toBe(true);
  });

  it("are spelt as Azure's schema has them: a wrong type or tier is refused", () => {
    expect(validate(withPolicy({ type: "continuous" }))).toBe(false);
    expect(
      validate(
        withPolicy({ type: "Continuous", continuousModeProperties: { tier: "Continuous14Days" } }),
      ),
    ).toBe(false);
  });
});
