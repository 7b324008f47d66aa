import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/run-cli.ts";
import { configVariableNames } from "../../../src/config.ts";

/**
 * docs/operations.md is copied from, command by command, by an IT team restoring a backup or
 * rotating a secret under pressure: a file, script, command or setting it names that does not
 * exist fails them at the worst moment.
 */
const ROOT = join(import.meta.dirname, "..", "..", "..");
const DOC = "docs/operations.md";
const text = readFileSync(join(ROOT, DOC), "utf8");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

/** Fenced code blocks, where commands are copied from. */
const codeBlocks = [...text.matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1] as string);
/** `inline code`, outside the fenced blocks. */
const codeSpans = [...text.replace(/```[\s\S]*?```/g, "").matchAll(/`([^`\n]+)`/g)].map(
  (m) => m[1] as string,
);

/** The project's folders a path can start with, and the files at its top. */
const PATH =
  /(?<![\w./-])(?:(?:src|tests|scripts|bench|docs|data|bin|infra|appPackage|env)\/[\w./-]*|m365agents\.yml|package\.json)/g;

function namedPaths(): string[] {
  const found = new Set<string>();
  for (const [match] of text.matchAll(PATH)) found.add(match.replace(/[./]+$/, ""));
  return [...found].sort();
}

/** A variable's name as the environment spells it: COSMOS_ENDPOINT, or botbuilder's MicrosoftAppId. */
const VARIABLE = /^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|Microsoft[A-Z]\w*)$/;

/** Variables named in code: `NAME`, `NAME=value`, and $NAME or ${NAME} or NAME= in a command. */
function namedVariables(): string[] {
  const found = new Set<string>();
  for (const span of codeSpans) {
    const name = span.split("=")[0] as string;
    if (VARIABLE.test(name)) found.add(name);
  }
  for (const block of codeBlocks) {
    for (const m of block.matchAll(/\$\{?([A-Za-z_]\w*)|(?<![\w.-])([A-Za-z_]\w*)=/g)) {
      const name = (m[1] ?? m[2]) as string;
      if (VARIABLE.test(name)) found.add(name);
    }
  }
  return [...found].sort();
}

/** What the template sets on the web app: Plan Tracker's settings and App Service's own. */
function templateSettings(): string[] {
  return [...read("infra/azure.json").matchAll(/"name": "([A-Za-z_]\w*)",\s*"value"/g)].map(
    (m) => m[1] as string,
  );
}

/** The values the toolkit keeps for an environment, which `source env/.env.dev` brings in. */
function toolkitValues(): string[] {
  return [...read("env/.env.dev").matchAll(/^([A-Z_][A-Z0-9_]*)=/gm)].map((m) => m[1] as string);
}

async function cliUsage(): Promise<string> {
  const lines: string[] = [];
  const io = { env: {}, out: (l: string) => lines.push(l), err: () => {}, write: () => {} };
  await runCli(["help"], io);
  return lines.join("\n");
}

describe(DOC, () => {
  it("names only files and folders that exist, and links only to pages that exist", () => {
    const paths = namedPaths();
    expect(paths.length).toBeGreaterThan(3);
    const written = new Set(read(".gitignore").split("\n"));
    expect(paths.filter((p) => !existsSync(join(ROOT, p)) && !written.has(p))).toEqual([]);
    const links = [...text.matchAll(/\]\(([^)#:\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1] as string);
    expect(links.length).toBeGreaterThan(1);
    expect(links.filter((l) => !existsSync(join(ROOT, dirname(DOC), l)))).toEqual([]);
  });

  it("runs only npm scripts package.json has", () => {
    const scripts = Object.keys(JSON.parse(read("package.json")).scripts as object);
    const named = [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1] as string);
    expect(named.length).toBeGreaterThan(1);
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
  });

  it("runs only plan-tracker commands the command line knows", async () => {
    const usage = await cliUsage();
    const commands = new Set(
      usage
        .split("\n")
        .slice(1)
        .flatMap((line) => line.split("|").map((part) => part.trim().split(" ")[0] as string)),
    );
    expect(commands).toContain("export");
    const named = [
      ...text.matchAll(/(?:npx |`)plan-tracker ([a-z][a-z-]*)(?: ([a-z][a-z-]*)(?=[\s`]|$))?/g),
    ].map((m) => ({ command: m[1] as string, sub: m[2] }));
    expect(named.length).toBeGreaterThan(8);
    const unknown = named.filter(
      ({ command, sub }) =>
        !commands.has(command) ||
        // A second word is a subcommand only for commands that have them (people list, plan remove).
        (sub !== undefined &&
          hasSubcommands(usage, command) &&
          !usage.includes(`${command} ${sub}`)),
    );
    expect(unknown).toEqual([]);
  });

  it("names only settings Plan Tracker reads, the template sets, the toolkit keeps, or Node reads", () => {
    // Node.js's own, set on the platform to change how Node runs the server (source maps).
    const nodes = ["NODE_OPTIONS"];
    const known = new Set([
      ...configVariableNames(),
      ...templateSettings(),
      ...toolkitValues(),
      ...nodes,
    ]);
    const named = namedVariables();
    expect(named).toEqual(expect.arrayContaining(["COSMOS_ENDPOINT", "MicrosoftAppPassword"]));
    expect(named.filter((name) => !known.has(name))).toEqual([]);
  });

  it("is linked from the README and from docs/deploy.md", () => {
    expect(read("README.md")).toContain("(docs/operations.md)");
    expect(read("docs/deploy.md")).toContain("(operations.md)");
  });
});

/** True when the usage lists the command followed by a word of its own, as `people list`. */
function hasSubcommands(usage: string, command: string): boolean {
  return new RegExp(`(^|\\| |\\n {2})${command} [a-z]`).test(usage);
}
