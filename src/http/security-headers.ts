import helmet from "helmet";

/** Teams and the other Microsoft 365 hosts that may frame the tab, and nobody else. */
const FRAME_ANCESTORS = [
  "'self'",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.cloud.microsoft",
  "https://*.microsoft365.com",
  "https://*.office.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
];

/**
 * helmet's headers on every answer. The content policy allows scripts only from this server, so
 * text from the store can never run as code; `frame-ancestors` decides who may frame the tab, so
 * X-Frame-Options (which would refuse Teams) is left off.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "https:"],
        // teams-js reads its list of Teams hosts from Microsoft's CDN.
        "connect-src": ["'self'", "https://res.cdn.office.net"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": FRAME_ANCESTORS,
      },
    },
    xFrameOptions: false,
    referrerPolicy: { policy: "no-referrer" },
  });
}
