/**
 * Application Insights connection strings, as the resource's Overview page shows them:
 * `InstrumentationKey=<guid>;IngestionEndpoint=https://<region>.in.applicationinsights.azure.com/;…`.
 * Read here without the exporter, so a bad one stops start-up before any telemetry package loads.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `name=value` parts, names lower-cased; undefined when a part is not `name=value`. */
function connectionStringParts(text: string): Map<string, string> | undefined {
  const parts = new Map<string, string>();
  for (const part of text.split(";")) {
    if (part.trim() === "") continue;
    const at = part.indexOf("=");
    if (at <= 0) return undefined;
    parts.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  return parts;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/**
 * True for a string the exporter can send with: it names the resource (an InstrumentationKey GUID)
 * and, when it says where to send, an http(s) address. The exporter stamps every envelope with the
 * key, so a string with only an IngestionEndpoint would be refused by Application Insights.
 */
export function isConnectionString(text: string): boolean {
  const parts = connectionStringParts(text);
  if (!parts) return false;
  const key = parts.get("instrumentationkey");
  if (key === undefined || !GUID.test(key)) return false;
  const endpoint = parts.get("ingestionendpoint");
  return endpoint === undefined || isHttpUrl(endpoint);
}
