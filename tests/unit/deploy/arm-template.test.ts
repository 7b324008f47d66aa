import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { CONTAINERS, INDEXING_POLICY } from "../../../src/store/containers.ts";
import { calls, isExpression } from "./arm-expressions.ts";
import { readJson, resourceOf, template } from "./deploy-files.ts";

const t = template();
const pkg = readJson("package.json") as {
  scripts: Record<string, string>;
  engines: { node: string };
};

/** Every string in the template that is an ARM expression. */
function expressions(value: unknown): string[] {
  if (isExpression(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(expressions);
  if (value && typeof value === "object") return Object.values(value).flatMap(expressions);
  return [];
}

// Azure's own schema for each resource type the template uses, extracted from
// github.com/Azure/azure-resource-manager-schemas by scripts/extract-azure-schemas.ts.
const resourceSchemas = readJson("tests/unit/deploy/azure-resource-schemas.json");
const resourceAjv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
function resourceValidator(resource: { type: string; apiVersion?: string }) {
  const key = `${resource.type}@${resource.apiVersion}`;
  const schema = resourceSchemas[key];
  if (!schema) throw new Error(`no schema for ${key}: run scripts/extract-azure-schemas.ts`);
  return (
    resourceAjv.getSchema(key) ??
    (resourceAjv.addSchema(schema as object, key).getSchema(key) as ReturnType<Ajv["compile"]>)
  );
}

const validateSubset = new Ajv({ strict: false, allErrors: true }).compile(
  readJson("tests/unit/deploy/deployment-template.subset.schema.json"),
);

describe("infra/azure.json", () => {
  it("is valid by the deployment-template schema (the part of it available offline)", () => {
    expect(validateSubset(t), JSON.stringify(validateSubset.errors?.slice(0, 3))).toBe(true);
  });

  it("is refused by that schema when it is malformed, so the check above means something", () => {
    const broken = structuredClone(t) as unknown as Record<string, unknown>;
    broken.contentVersion = "1.0";
    expect(validateSubset(broken)).toBe(false);
    const noType = structuredClone(t);
    delete (noType.resources[0] as unknown as Record<string, unknown>).type;
    expect(validateSubset(noType)).toBe(false);
  });

  it("has resources valid by Azure's published schema for their type and API version", () => {
    for (const resource of t.resources) {
      const validate = resourceValidator(resource);
      expect(validate(resource), `${resource.type}: ${JSON.stringify(validate.errors?.[0])}`).toBe(
        true,
      );
    }
  });

  it("is refused by those schemas when a resource's property has a wrong value", () => {
    // They allow properties they do not name (as Azure does), so the tests below check by name
    // the properties Plan Tracker depends on.
    const account = structuredClone(resourceOf(t, "Microsoft.DocumentDB/databaseAccounts"));
    (account.properties?.consistencyPolicy as Record<string, unknown>).defaultConsistencyLevel =
      "Sessions";
    expect(resourceValidator(account)(account)).toBe(false);
    const site = structuredClone(resourceOf(t, "Microsoft.Web/sites"));
    (site.properties?.siteConfig as Record<string, unknown>).alwaysOn = "yes";
    expect(resourceValidator(site)(site)).toBe(false);
  });

  it("refers only to parameters, variables and resource types it declares", () => {
    const declaredTypes = new Set(t.resources.map((r) => r.type));
    for (const expression of expressions(t)) {
      for (const call of calls(expression)) {
        if (call.name === "parameters") expect(Object.keys(t.parameters)).toContain(call.firstArg);
        if (call.name === "variables") expect(Object.keys(t.variables)).toContain(call.firstArg);
        if (call.name === "resourceid") expect(declaredTypes).toContain(call.firstArg);
      }
    }
    for (const resource of t.resources) {
      for (const dependency of resource.dependsOn ?? []) {
        const target = calls(dependency).find((c) => c.name === "resourceid");
        expect(declaredTypes, dependency).toContain(target?.firstArg);
      }
    }
  });

  it("creates every container the store uses, with its partition key and indexing policy", () => {
    const declared = t.variables.containers as { name: string; partitionKey: string }[];
    expect(Object.fromEntries(declared.map((c) => [c.name, c.partitionKey]))).toEqual(CONTAINERS);
    expect(t.variables.indexingPolicy).toEqual(INDEXING_POLICY);
    const container = resourceOf(
      t,
      "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers",
    );
    const resource = (container.properties as { resource: Record<string, unknown> }).resource;
    expect(resource.indexingPolicy).toBe("[variables('indexingPolicy')]");
    expect(resource.partitionKey).toEqual({
      paths: ["[variables('containers')[copyIndex()].partitionKey]"],
      kind: "Hash",
      version: 2,
    });
  });

  it("has a Cosmos DB account that accepts no keys and gives the identity the data contributor role", () => {
    const account = resourceOf(t, "Microsoft.DocumentDB/databaseAccounts");
    expect(account.properties?.disableLocalAuth).toBe(true);
    const role = resourceOf(t, "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments");
    expect(role.properties?.roleDefinitionId).toMatch(
      /sqlRoleDefinitions\/', variables\('cosmosDataContributor'\)\)\]$/,
    );
    expect(t.variables.cosmosDataContributor).toBe("00000000-0000-0000-0000-000000000002");
    expect(role.properties?.principalId).toMatch(
      /^\[reference\(resourceId\('Microsoft\.ManagedIdentity\/userAssignedIdentities'.*\)\.principalId\]$/,
    );
  });

  it("runs the web app on Linux and Node 20, always on, HTTPS only, health-checked at /readyz (the readiness answer), with the start command", () => {
    const plan = resourceOf(t, "Microsoft.Web/serverfarms");
    expect(plan.properties?.reserved).toBe(true);
    const site = resourceOf(t, "Microsoft.Web/sites");
    expect(site.kind).toBe("app,linux");
    expect(site.properties?.httpsOnly).toBe(true);
    const config = site.properties?.siteConfig as Record<string, unknown>;
    const nodeMajor = /\d+/.exec(pkg.engines.node)?.[0];
    expect(config.linuxFxVersion).toBe(`NODE|${nodeMajor}-lts`);
    expect(config.alwaysOn).toBe(true);
    expect(config.healthCheckPath).toBe("/readyz");
    // The web app starts exactly as `npm start` does, which runs the build the deploy made.
    expect(config.appCommandLine).toBe(pkg.scripts.start);
    expect(site.identity?.type).toBe("UserAssigned");
  });

  it("sets how many instances run from one parameter, with no session affinity, since instances share the store and the send budget", () => {
    const plan = resourceOf(t, "Microsoft.Web/serverfarms");
    expect((plan as { sku?: { capacity?: unknown } }).sku?.capacity).toBe(
      "[parameters('webAppInstances')]",
    );
    expect(t.parameters.webAppInstances).toMatchObject({
      type: "int",
      defaultValue: 1,
      minValue: 1,
    });
    const site = resourceOf(t, "Microsoft.Web/sites");
    expect(site.properties?.clientAffinityEnabled).toBe(false);
  });

  it("registers the bot as the user-assigned managed identity, on the Teams channel", () => {
    const bot = resourceOf(t, "Microsoft.BotService/botServices");
    expect(bot.properties?.msaAppType).toBe("UserAssignedMSI");
    expect(bot.properties?.msaAppId).toMatch(/\.clientId\]$/);
    expect(bot.properties?.msaAppMSIResourceId).toMatch(/userAssignedIdentities/);
    expect(bot.properties?.endpoint).toMatch(/'\/api\/messages'\)\]$/);
    const channel = resourceOf(t, "Microsoft.BotService/botServices/channels");
    expect((channel.properties as { channelName: string }).channelName).toBe("MsTeamsChannel");
  });

  it("has workspace-based Application Insights", () => {
    const insights = resourceOf(t, "Microsoft.Insights/components");
    expect(insights.properties?.WorkspaceResourceId).toMatch(/OperationalInsights\/workspaces/);
  });

  it("is given a value for every parameter without a default, and only parameters it declares", () => {
    const values = (readJson("infra/azure.parameters.json").parameters ?? {}) as Record<
      string,
      unknown
    >;
    for (const name of Object.keys(values)) expect(Object.keys(t.parameters)).toContain(name);
    for (const [name, p] of Object.entries(t.parameters)) {
      if (p.defaultValue === undefined) expect(Object.keys(values)).toContain(name);
    }
  });
});
