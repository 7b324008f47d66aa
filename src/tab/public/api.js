/** Calls the tab's JSON API, with the Teams SSO token when inside Teams. */
let tokenSource = null;

/**
 * Address parameters that outlive a page change: who a developer is acting as, the theme, and the
 * plan chosen on the dashboard (so "Back to the plan" returns to it).
 */
export const KEPT_PARAMS = ["as", "theme", "plan"];

export function useTokenSource(source) {
  tokenSource = source;
}

export class ApiProblem extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function request(path, params) {
  const url = new URL(path, location.origin);
  for (const [key, value] of params ?? []) url.searchParams.set(key, value);
  const here = new URLSearchParams(location.search);
  if (here.get("as")) url.searchParams.set("as", here.get("as"));
  const headers = {};
  if (tokenSource) {
    try {
      headers.authorization = `Bearer ${await tokenSource()}`;
    } catch (error) {
      throw new ApiProblem(
        `Teams could not sign you in to Plan Tracker (${error?.message ?? error}). Reload the tab; if it keeps happening, ask IT to check the app's single sign-on.`,
        401,
        "sign_in_failed",
      );
    }
  }
  let response;
  try {
    response = await fetch(url, { headers });
  } catch {
    throw new ApiProblem(
      "Plan Tracker is not answering: check your connection and reload the tab.",
      0,
      "offline",
    );
  }
  if (response.ok) return response;
  const body = await response.json().catch(() => null);
  throw new ApiProblem(
    body?.message ?? `Plan Tracker answered ${response.status}: reload the tab.`,
    response.status,
    body?.error,
  );
}

export async function getJson(path, params) {
  return (await request(path, params)).json();
}

/** A file download: the API needs the token, so the file is fetched and handed to the browser. */
export async function download(path, fallbackName, params) {
  const response = await request(path, params);
  const name =
    /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ??
    fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
