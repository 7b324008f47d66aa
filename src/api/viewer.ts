import type { IncomingMessage } from "node:http";
import type { Config } from "../config.ts";
import { hasRole, type Person, ROLES } from "../domain/person.ts";
import type { Logger } from "../logger.ts";
import type { Store } from "../store/store.ts";
import { ApiError } from "./api-error.ts";
import { ssoSettingsFrom, type TabSsoConfig } from "./sso-settings.ts";
import { createSsoVerifier } from "./sso-token.ts";

/** Who is looking at the dashboard. */
export interface Viewer {
  person: Person;
  /** True when no sign-in was checked (development mode): the tab says so in a banner. */
  development: boolean;
}

export type ResolveViewer = (req: IncomingMessage, url: URL) => Promise<Viewer>;

export interface ViewerDeps {
  config: Config & TabSsoConfig;
  store: Store;
  now: () => Date;
  logger: Logger;
}

/**
 * In production every call carries a Teams SSO token (`Authorization: Bearer …`), checked against
 * Entra's keys, and the person is looked up in the directory. In development mode nothing is checked:
 * the caller acts as `?as=email`, or else as the directory's first admin.
 */
export function createViewerResolver(deps: ViewerDeps): ResolveViewer {
  if (deps.config.developmentMode) return (_req, url) => developmentViewer(deps.store, url);
  const settings = ssoSettingsFrom(deps.config);
  if ("problem" in settings) {
    deps.logger.warn("the dashboard's API refuses every call", { reason: settings.problem });
    return async () => {
      throw new ApiError(503, "not_configured", settings.problem);
    };
  }
  const verify = createSsoVerifier(settings, deps.now);
  return async (req) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (!token) {
      throw new ApiError(
        401,
        "sign_in_needed",
        "Open the dashboard from the Plan Tracker app in Teams so it can sign you in.",
      );
    }
    const user = await verify(token);
    const found = await deps.store.people.get(user.email);
    if (!found) throw await notInDirectory(deps.store, user.email);
    return { person: found.doc, development: false };
  };
}

async function developmentViewer(store: Store, url: URL): Promise<Viewer> {
  const people = await store.people.list();
  const as = url.searchParams.get("as")?.trim().toLowerCase();
  if (as) {
    const person = people.find((p) => p.email === as);
    if (!person) throw await notInDirectory(store, as);
    return { person, development: true };
  }
  const chosen = people.find((p) => hasRole(p, "admin")) ?? people[0];
  // An empty directory on a fresh development machine still shows every part of the dashboard.
  const person = chosen ?? {
    id: "developer@localhost",
    email: "developer@localhost",
    name: "Development user",
    roles: [...ROLES],
    leads: [],
  };
  return { person, development: true };
}

async function notInDirectory(store: Store, email: string): Promise<ApiError> {
  const admins = (await store.people.list()).filter((p) => hasRole(p, "admin"));
  const who =
    admins.length > 0
      ? `Ask an admin to add you: ${admins.map((a) => `${a.name} (${a.email})`).join(", ")}.`
      : "Ask whoever runs Plan Tracker in your council to add you.";
  return new ApiError(
    403,
    "not_in_directory",
    `You are signed in as ${email}, but you are not in Plan Tracker's directory yet. ${who}`,
  );
}
