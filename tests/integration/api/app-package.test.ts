import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP_PACKAGE_DIR,
  appPackageFiles,
  buildAppPackage,
  PackageSettingError,
  packageSettingsFrom,
} from "../../../scripts/app-package.ts";

const run = promisify(execFile);
const ATK = join(process.cwd(), "node_modules", ".bin", "atk");
const ENV = {
  MicrosoftAppId: "6a1b2c3d-1111-2222-3333-444455556666",
  PUBLIC_URL: "https://plans.example.gov.uk/",
};

/** Microsoft's own validator, offline: the manifest schema and the toolkit's validation rules. */
async function atkValidate(manifestPath: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(
      ATK,
      [
        "validate",
        "--manifest-file",
        manifestPath,
        "--telemetry",
        "false",
        "--interactive",
        "false",
      ],
      { env: { ...process.env, CI: "1" }, timeout: 120_000 },
    );
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

/** Reads a zip through its central directory, checking each entry's CRC. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const local = zip.readUInt32LE(at + 42);
    const size = zip.readUInt32LE(at + 20);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    files.set(name, inflateRawSync(zip.subarray(start, start + size)));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}

function pngHeader(png: Buffer): { width: number; height: number; colourType: number } {
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  return {
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
    colourType: png.readUInt8(25),
  };
}

describe("the Teams app package", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "plan-tracker-package-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("passes Microsoft's validator once the app id and address are filled in", {
    timeout: 120_000,
  }, async () => {
    for (const file of await appPackageFiles(packageSettingsFrom(ENV))) {
      await writeFile(join(dir, file.name), file.data);
    }
    const result = await atkValidate(join(dir, "manifest.json"));
    expect(result.output).toContain("All passed");
    expect(result.ok).toBe(true);
  });

  it("is refused by the validator when the manifest is wrong, so the check above means something", {
    timeout: 120_000,
  }, async () => {
    const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
    manifest.bots[0].botId = "not-a-guid";
    await writeFile(join(dir, "broken.json"), JSON.stringify(manifest));
    const result = await atkValidate(join(dir, "broken.json"));
    expect(result.ok).toBe(false);
    expect(result.output).toContain("botId");
  });

  it("holds the manifest and both icons at the root of the zip, with the placeholders filled", async () => {
    const files = unzip(await buildAppPackage(packageSettingsFrom(ENV)));
    expect([...files.keys()].sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(files.get("manifest.json")?.toString("utf8") ?? "{}");
    expect(manifest.manifestVersion >= "1.24").toBe(true);
    expect(manifest.id).toBe(ENV.MicrosoftAppId);
    expect(manifest.bots[0].scopes.sort()).toEqual(["groupChat", "personal", "team"]);
    const commands = manifest.bots[0].commandLists[0].commands.map(
      (c: { title: string }) => c.title,
    );
    expect(commands).toEqual(
      expect.arrayContaining(["help", "my actions", "start review", "review status", "summary"]),
    );
    expect(commands).toContain("what's red for priority 3");
    expect(manifest.staticTabs[0]).toMatchObject({
      name: "Dashboard",
      contentUrl: "https://plans.example.gov.uk/tab",
    });
    expect(manifest.configurableTabs[0].configurationUrl).toBe(
      "https://plans.example.gov.uk/tab/config",
    );
    expect(manifest.webApplicationInfo).toEqual({
      id: ENV.MicrosoftAppId,
      resource: `api://plans.example.gov.uk/${ENV.MicrosoftAppId}`,
    });
    expect(manifest.validDomains).toEqual(["plans.example.gov.uk"]);
    expect(pngHeader(files.get("color.png") as Buffer)).toMatchObject({ width: 192, height: 192 });
    // Colour type 6 is RGBA: the outline icon needs its transparency.
    expect(pngHeader(files.get("outline.png") as Buffer)).toEqual({
      width: 32,
      height: 32,
      colourType: 6,
    });
  });

  it("gives the same bytes for the same files, whenever and wherever it is built", async () => {
    const zip = await buildAppPackage(packageSettingsFrom(ENV));
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let at = zip.readUInt32LE(end + 16);
    for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
      // Every entry dated 1 Jan 1980 00:00 (DOS time 0, date 0x21) and carrying no extra fields,
      // such as a timestamp, that would differ between builds.
      expect(zip.readUInt16LE(at + 12)).toBe(0);
      expect(zip.readUInt16LE(at + 14)).toBe(0x21);
      expect(zip.readUInt16LE(at + 30)).toBe(0);
      at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
  });

  it("refuses to build without the app id or address, naming the variable", () => {
    expect(() => packageSettingsFrom({ PUBLIC_URL: ENV.PUBLIC_URL })).toThrow(
      /^MicrosoftAppId is not set/,
    );
    expect(() => packageSettingsFrom({ MicrosoftAppId: ENV.MicrosoftAppId })).toThrow(
      /^PUBLIC_URL is not set/,
    );
    expect(() =>
      packageSettingsFrom({ ...ENV, PUBLIC_URL: "http://plans.example.gov.uk" }),
    ).toThrow(PackageSettingError);
    expect(() => packageSettingsFrom({ ...ENV, MicrosoftAppId: "plan-tracker" })).toThrow(/GUID/);
  });

  it("keeps the icons' SVG sources next to them", async () => {
    const outline = await readFile(join(APP_PACKAGE_DIR, "icon-outline.svg"), "utf8");
    // The outline icon is white on transparent: no colour other than white is drawn.
    const colours = new Set(outline.match(/#[0-9a-f]{3,6}\b/gi)?.map((c) => c.toUpperCase()));
    expect([...colours]).toEqual(["#FFFFFF"]);
  });
});
