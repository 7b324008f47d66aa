/**
 * `npm run package`: writes appPackage/build/plan-tracker.zip, the Teams app package, with the app
 * id and public address taken from MicrosoftAppId and PUBLIC_URL.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, relative } from "node:path";
import {
  APP_PACKAGE_ZIP,
  buildAppPackage,
  PackageSettingError,
  packageSettingsFrom,
} from "./app-package.ts";

try {
  const settings = packageSettingsFrom(process.env);
  const zip = await buildAppPackage(settings);
  await mkdir(dirname(APP_PACKAGE_ZIP), { recursive: true });
  await writeFile(APP_PACKAGE_ZIP, zip);
  console.log(
    `Wrote ${relative(process.cwd(), APP_PACKAGE_ZIP)} for app ${settings.appId} at ${settings.publicUrl}. Upload it in Teams: Apps > Manage your apps > Upload an app.`,
  );
} catch (error) {
  if (!(error instanceof PackageSettingError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
