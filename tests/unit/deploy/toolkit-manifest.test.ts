import { describe, expect, it } from "vitest";
import { toolkitManifest, toolkitVariable as v } from "../../../scripts/toolkit-manifest.ts";
import { placeholders, readJson, readText } from "./deploy-files.ts";

const APP_ID = "6a1b2c3d-1111-2222-3333-444455556666";
const URL = "https://plantrkcouncil.azurewebsites.net";
const HOST = "plantrkcouncil.azurewebsites.net";

/** What `npm run package` builds: the manifest's own placeholders filled in. */
const packaged = () =>
  JSON.parse(
    readText("appPackage/manifest.json")
      .replaceAll("{{APP_ID}}", APP_ID)
      .replaceAll("{{PUBLIC_URL}}", URL)
      .replaceAll("{{PUBLIC_HOST}}", HOST),
  );

describe("the Teams manifest the Agents Toolkit packages", () => {
  const toolkit = JSON.stringify(toolkitManifest(readJson("appPackage/manifest.json")));

  it("uses the toolkit's placeholders only", () => {
    expect(toolkit.replaceAll(/\$\{\{[A-Z_]+\}\}/g, "")).not.toContain("{{");
    expect(new Set(placeholders(toolkit))).toEqual(
      new Set(["TEAMS_APP_ID", "BOT_ID", "AAD_APP_CLIENT_ID", "BOT_DOMAIN", "BOT_ENDPOINT"]),
    );
  });

  it("is the committed manifest, the same in every other respect as the one `npm run package` builds", () => {
    // With the three ids equal, the two manifests must be identical.
    const filled = JSON.parse(
      toolkit
        .replaceAll(/\$\{\{(TEAMS_APP_ID|BOT_ID|AAD_APP_CLIENT_ID)\}\}/g, APP_ID)
        .replaceAll(v("BOT_ENDPOINT"), URL)
        .replaceAll(v("BOT_DOMAIN"), HOST),
    );
    expect(filled).toEqual(packaged());
  });

  it("gives the Teams app, the bot and the tab's sign-in their own ids", () => {
    const manifest = toolkitManifest(readJson("appPackage/manifest.json")) as {
      id: string;
      bots: { botId: string }[];
      webApplicationInfo: { id: string; resource: string };
    };
    expect(manifest.id).toBe(v("TEAMS_APP_ID"));
    expect(manifest.bots[0]?.botId).toBe(v("BOT_ID"));
    expect(manifest.webApplicationInfo).toEqual({
      id: v("AAD_APP_CLIENT_ID"),
      resource: `api://${v("BOT_DOMAIN")}/${v("AAD_APP_CLIENT_ID")}`,
    });
  });
});
