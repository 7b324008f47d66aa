import { webLink } from "../domain/web-link.ts";
import { escapeCardText } from "./escape-card-text.ts";

/**
 * A Markdown link for a web address someone typed (an evidence link) or the product made (the tab),
 * or the address shown as plain text when it is not a web link, so nothing typed turns into
 * markup or a `javascript:` link. Parentheses and spaces are percent-encoded so they cannot end
 * the link early.
 */
export function linkOrText(label: string, url: string): string {
  const href = webLink(url);
  if (href === null) return escapeCardText(url.trim());
  const safeUrl = href.replace(
    /[()<>]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `[${escapeCardText(label)}](${safeUrl})`;
}
