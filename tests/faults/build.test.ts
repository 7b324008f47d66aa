import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectServes, help } from "../integration/build/built-server.ts";
import { type CompiledCopy, compiledCopy } from "../support/compiled-copy.ts";

/**
 * `npm run build` for real: the type check with tsconfig.build.json and the bundling into dist/
 * (about a minute), then the compiled CLI run with no tsx to fall back on.
 */
describe("npm run build", () => {
  let copy: CompiledCopy;
  beforeAll(async () => {
    const pkg = JSON.parse(await readFile("package.json", "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.build).toContain("tsc -p tsconfig.build.json");
    copy = await compiledCopy("tsc");
  });
  afterAll(() => copy?.remove());

  it("compiles a CLI that prints its help and serves, without tsx", async () => {
    const { code, output } = await help(copy);
    expect(output).toContain("Usage: plan-tracker <command>");
    expect(code).toBe(0);
    await expectServes(copy);
  });
});
