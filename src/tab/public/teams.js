/** The Teams host, through @microsoft/teams-js (loaded as /tab/vendor/teams-js.js). */
const sdk = globalThis.microsoftTeams;

/** Teams hosts the tab in a frame (web, desktop) or a native web view (mobile). */
function maybeInTeams() {
  return window.parent !== window || Boolean(window.opener) || "nativeInterface" in window;
}

function withTimeout(promise, ms) {
  return Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), ms)),
  ]);
}

/** Connects to Teams when the page runs inside it; elsewhere (a plain browser) says so. */
export async function connectToTeams() {
  if (!sdk || !maybeInTeams()) return { inTeams: false, context: null };
  try {
    await withTimeout(sdk.app.initialize(), 5000);
    return { inTeams: true, context: await sdk.app.getContext() };
  } catch {
    return { inTeams: false, context: null };
  }
}

/** The Teams SSO token for this app, from the signed-in Teams user. */
export function getTeamsToken() {
  return sdk.authentication.getAuthToken();
}

export function onTeamsThemeChange(handler) {
  sdk.app.registerOnThemeChangeHandler(handler);
}

export const pagesConfig = () => sdk.pages.config;
