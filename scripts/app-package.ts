import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { ZipFile } from "yazl";
import { scrubSecrets } from "../src/redact.ts";

export const APP_PACKAGE_DIR = fileURLToPath(new URL("../appPackage/", import.meta.url));
export const APP_PACKAGE_ZIP = `${APP_PACKAGE_DIR}build/plan-tracker.zip`;

/** What the manifest's placeholders are filled with. */
export interface PackageSettings {
  appId: string;
  /** The product's public https address without a trailing slash, e.g. https://plans.council.gov.uk */
  publicUrl: string;
  /** Its host name, e.g. plans.council.gov.uk */
  publicHost: string;
}

/** A setting the package cannot be built without; the message is one line naming the variable. */
export class PackageSettingError extends Error {}

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

export function packageSettingsFrom(env: Record<string, string | undefined>): PackageSettings {
  const appId = env.MicrosoftAppId?.trim();
  if (!appId) {
    throw new PackageSettingError(
      "MicrosoftAppId is not set: set it to the bot's Entra app id (a GUID) and run again.",
    );
  }
  if (!GUID.test(appId)) {
    throw new PackageSettingError(
      `MicrosoftAppId must be the bot's Entra app id, a GUID such as 00000000-0000-0000-0000-000000000000 (got "${appId}").`,
    );
  }
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) {
    throw new PackageSettingError(
      "PUBLIC_URL is not set: set it to the bot's public https address, e.g. https://plans.council.gov.uk",
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PackageSettingError(
      `PUBLIC_URL must be an https address such as https://plans.council.gov.uk (got "${scrubSecrets(raw)}").`,
    );
  }
  if (url.protocol !== "https:") {
    throw new PackageSettingError(
      `PUBLIC_URL must start with https:// because Teams only loads tabs over https (got "${scrubSecrets(raw)}").`,
    );
  }
  return {
    appId,
    publicUrl: `${url.origin}${url.pathname}`.replace(/\/+$/, ""),
    publicHost: url.host,
  };
}

/** Fills {{APP_ID}}, {{PUBLIC_URL}} and {{PUBLIC_HOST}}; any other placeholder left is a mistake in the template. */
export function fillManifest(template: string, s: PackageSettings): string {
  const filled = template
    .replaceAll("{{APP_ID}}", s.appId)
    .replaceAll("{{PUBLIC_URL}}", s.publicUrl)
    .replaceAll("{{PUBLIC_HOST}}", s.publicHost);
  const left = /\{\{[^}]*\}\}/.exec(filled);
  if (left) throw new Error(`appPackage/manifest.json has a placeholder nothing fills: ${left[0]}`);
  return filled;
}

/** The files Teams wants at the root of the zip. */
export async function appPackageFiles(s: PackageSettings, dir = APP_PACKAGE_DIR) {
  const template = await readFile(`${dir}manifest.json`, "utf8");
  return [
    { name: "manifest.json", data: Buffer.from(fillManifest(template, s), "utf8") },
    { name: "color.png", data: await readFile(`${dir}color.png`) },
    { name: "outline.png", data: await readFile(`${dir}outline.png`) },
  ];
}

/** 1 Jan 1980, the earliest time a zip holds: every build of the same files gives the same bytes. */
const FIXED_TIME = new Date(1980, 0, 1);

export async function buildAppPackage(s: PackageSettings, dir = APP_PACKAGE_DIR): Promise<Buffer> {
  const zip = new ZipFile();
  for (const file of await appPackageFiles(s, dir)) {
    // DOS time only: the extended timestamp field would carry the build's time zone into the bytes.
    zip.addBuffer(file.data, file.name, { mtime: FIXED_TIME, forceDosTimestamp: true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
