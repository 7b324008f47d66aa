/**
 * Run by `atk provision` (m365agents.yml): writes appPackage/build/toolkit/manifest.json, the
 * repository's one Teams manifest with the toolkit's placeholders, and the icons beside it. On Azure
 * the ids differ where `npm run package` uses one: the Teams app has its own id, the bot is its
 * managed identity, and the tab's sign-in is a separate Entra app (an identity cannot expose an API).
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const APP_PACKAGE = fileURLToPath(new URL("../appPackage/", import.meta.url));
const TOOLKIT_MANIFEST_DIR = `${APP_PACKAGE}build/toolkit/`;

/** A placeholder the toolkit fills from the environment file: `${{NAME}}`. */
export const toolkitVariable = (name: string) => `\${{${name}}}`;

/** The Teams manifest (as committed, with `{{APP_ID}}`, `{{PUBLIC_URL}}`, `{{PUBLIC_HOST}}`) for the toolkit. */
export function toolkitManifest(manifest: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(manifest);
  out.id = toolkitVariable("TEAMS_APP_ID");
  const bots = Array.isArray(out.bots) ? (out.bots as Record<string, unknown>[]) : [];
  for (const bot of bots) bot.botId = toolkitVariable("BOT_ID");
  if (out.webApplicationInfo) {
    out.webApplicationInfo = {
      id: toolkitVariable("AAD_APP_CLIENT_ID"),
      resource: `api://${toolkitVariable("BOT_DOMAIN")}/${toolkitVariable("AAD_APP_CLIENT_ID")}`,
    };
  }
  return JSON.parse(
    JSON.stringify(out)
      .replaceAll("{{PUBLIC_URL}}", toolkitVariable("BOT_ENDPOINT"))
      .replaceAll("{{PUBLIC_HOST}}", toolkitVariable("BOT_DOMAIN")),
  ) as Record<string, unknown>;
}

async function main(): Promise<void> {
  const manifest = JSON.parse(await readFile(`${APP_PACKAGE}manifest.json`, "utf8"));
  await mkdir(TOOLKIT_MANIFEST_DIR, { recursive: true });
  await writeFile(
    `${TOOLKIT_MANIFEST_DIR}manifest.json`,
    `${JSON.stringify(toolkitManifest(manifest), null, 2)}\n`,
  );
  for (const icon of [manifest.icons.color, manifest.icons.outline] as string[]) {
    await copyFile(`${APP_PACKAGE}${icon}`, `${TOOLKIT_MANIFEST_DIR}${icon}`);
  }
  console.log("Wrote appPackage/build/toolkit/manifest.json for the Agents Toolkit.");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
