/**
 * The one rule for an address someone types as evidence: an http or https address with a host.
 * Returns the address as a browser would follow it (spaces and the like percent-encoded, so a
 * SharePoint path pasted with spaces still works as a link), or null when it is not a web link.
 * The form refuses what this refuses and the cards link exactly what it accepts.
 */
export function webLink(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.hostname === "") return null;
  return url.href;
}
