import { existsSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { toolkitManifest } from "../../../scripts/toolkit-manifest.ts";
import { placeholders, ROOT, readJson, readText, readYaml, template } from "./deploy-files.ts";

const yml = readYaml("m365agents.yml");
type Step = {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
};
const steps = (stage: string) => (yml[stage] ?? []) as Step[];

/** The toolkit's own published schema for the version the file declares, as installed. */
const toolkitValidator = (() => {
  let compiled: ReturnType<Ajv["compile"]> | undefined;
  return () => {
    compiled ??= compileToolkitSchema();
    return compiled;
  };
})();

function compileToolkitSchema() {
  const schemaPath = join(
    ROOT,
    "node_modules/@microsoft/m365agentstoolkit-cli/resource/yaml-schema",
    String(yml.version),
    "yaml.schema.json",
  );
  const ajv = new Ajv({ strict: false, allErrors: true });
  return ajv.compile(JSON.parse(readText(schemaPath.slice(ROOT.length + 1))));
}

describe("m365agents.yml", () => {
  it("is valid by the Agents Toolkit's YAML schema for its version", () => {
    const validate = toolkitValidator();
    expect(validate(yml), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it("is refused by that schema when a step is wrong, so the check above means something", () => {
    const validate = toolkitValidator();
    const broken = parse(readText("m365agents.yml"));
    const zipDeploy = broken.deploy.find((s: Step) => s.uses === "azureAppService/zipDeploy");
    delete zipDeploy.with.resourceId;
    expect(validate(broken)).toBe(false);
  });

  it("provisions the Teams app, the Entra app, the Azure resources and the app package, and deploys by zip", () => {
    expect(steps("provision").map((s) => s.uses)).toEqual([
      "teamsApp/create",
      "aadApp/create",
      "arm/deploy",
      "aadApp/update",
      "script",
      "teamsApp/validateManifest",
      "teamsApp/zipAppPackage",
      "teamsApp/update",
    ]);
    expect(steps("deploy").at(-1)?.uses).toBe("azureAppService/zipDeploy");
  });

  it("deploys the compiled server: npm run build after installing, before dev packages go", () => {
    const npm = steps("deploy")
      .filter((s) => s.uses === "cli/runNpmCommand")
      .map((s) => String(s.with?.args ?? ""));
    const at = (start: string) => npm.findIndex((args) => args.startsWith(start));
    // --if-present would let a deploy without the build through unnoticed.
    expect(npm).toContain("run build");
    expect(at("ci ")).toBeLessThan(at("run build"));
    expect(at("run build")).toBeLessThan(at("prune "));
    const pkg = readJson("package.json") as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toContain("tsc -p tsconfig.build.json");
  });

  it("names files that exist", () => {
    const arm = steps("provision").find((s) => s.uses === "arm/deploy");
    const templates = (arm?.with?.templates ?? []) as { path: string; parameters: string }[];
    const aad = steps("provision").find((s) => s.uses === "aadApp/update");
    const script = steps("provision").find((s) => s.uses === "script");
    const files = [
      ...templates.flatMap((t) => [t.path, t.parameters]),
      String(aad?.with?.manifestPath),
      String(script?.with?.run).replace(/^npx tsx /, ""),
    ];
    expect(files).toContain("./infra/azure.json");
    for (const file of files) expect(existsSync(join(ROOT, file)), file).toBe(true);
  });

  it("uses only variables that env/.env.dev declares or that an earlier step writes", () => {
    const declared = new Set(
      readText("env/.env.dev")
        .split("\n")
        .map((line) => /^([A-Za-z0-9_]+)=/.exec(line)?.[1])
        .filter((name): name is string => Boolean(name)),
    );
    const written = new Set([
      ...steps("provision").flatMap((s) => Object.values(s.writeToEnvironmentFile ?? {})),
      ...Object.keys(template().outputs),
      // aadApp/update makes this id when the manifest asks for it and the file has none.
      "AAD_APP_ACCESS_AS_USER_PERMISSION_ID",
    ]);
    const used = new Set([
      ...placeholders(readText("m365agents.yml")),
      ...placeholders(readText("infra/azure.parameters.json")),
      ...placeholders(readText("infra/aad.manifest.json")),
      ...placeholders(JSON.stringify(toolkitManifest(readJson("appPackage/manifest.json")))),
    ]);
    const unknown = [...used].filter((name) => !declared.has(name) && !written.has(name));
    expect(unknown).toEqual([]);
    // What the toolkit writes back is declared too, so env/.env.dev shows every setting there is.
    const undeclared = [...written].filter((name) => !declared.has(name));
    expect(undeclared).toEqual([]);
  });
});
