import type { JWTPayload } from "jose";
import { ApiError } from "./api-error.ts";
import type { SsoSettings } from "./sso-settings.ts";

/** Who a verified token says the caller is. */
export interface SignedInUser {
  /** Lower-cased email / UPN, the directory's key. */
  email: string;
  name: string;
}

export type VerifySsoToken = (token: string) => Promise<SignedInUser>;

/** Entra allows a few minutes of clock difference between machines. */
const CLOCK_TOLERANCE_SECONDS = 300;

type Jose = typeof import("jose");

/**
 * Verifies Teams SSO tokens (from `authentication.getAuthToken`) against Entra's published keys;
 * keys are fetched once and again only when a token names a key not seen before. The JOSE library
 * (nearly two hundred modules) loads with the first token, not with the server.
 */
export function createSsoVerifier(settings: SsoSettings, now: () => Date): VerifySsoToken {
  let loaded: Promise<{ jose: Jose; keys: ReturnType<Jose["createRemoteJWKSet"]> }> | undefined;
  const load = () =>
    (loaded ??= import("jose").then((jose) => ({
      jose,
      keys: jose.createRemoteJWKSet(settings.jwksUrl, { timeoutDuration: 5_000 }),
    })));
  return async (token) => {
    const { jose, keys } = await load();
    const { jwtVerify, errors } = jose;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ["RS256"],
        issuer: settings.issuers,
        audience: settings.audiences,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: now(),
        requiredClaims: ["exp"],
      }));
    } catch (error) {
      throw refusalFor(error, errors);
    }
    const email = identityClaim(payload);
    if (!email) {
      throw new ApiError(
        401,
        "sign_in_invalid",
        "Your Teams sign-in does not say who you are: reload the tab, and ask IT if it keeps happening.",
      );
    }
    const name =
      typeof payload.name === "string" && payload.name.trim() ? payload.name.trim() : email;
    return { email, name };
  };
}

/** v2.0 tokens carry preferred_username; v1 tokens upn or unique_name; guests sometimes only email. */
function identityClaim(payload: JWTPayload): string | null {
  for (const claim of ["preferred_username", "upn", "email", "unique_name"]) {
    const value = payload[claim];
    if (typeof value === "string" && value.includes("@")) return value.trim().toLowerCase();
  }
  return null;
}

function refusalFor(error: unknown, errors: Jose["errors"]): ApiError {
  if (error instanceof errors.JWTExpired) {
    return new ApiError(
      401,
      "sign_in_expired",
      "Your Teams sign-in has expired: reload the tab to sign in again.",
    );
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new ApiError(
      401,
      "sign_in_not_for_this_app",
      "That sign-in is not for Plan Tracker: open the dashboard from the Plan Tracker app in Teams.",
    );
  }
  // Not a JOSE error: fetching Entra's keys failed, which says nothing about the token.
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
    return new ApiError(
      503,
      "sign_in_check_unavailable",
      "Plan Tracker could not reach Microsoft to check your sign-in: try again in a minute.",
    );
  }
  return new ApiError(
    401,
    "sign_in_invalid",
    "Your Teams sign-in could not be verified: reload the tab, and ask IT if it keeps happening.",
  );
}
