/**
 * Builds an element. Children are nodes or strings, and strings are always inserted as text:
 * nothing from the store is ever parsed as HTML.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on") && typeof value === "function")
      node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Replaces an element's children. */
export function fill(parent, ...children) {
  parent.replaceChildren();
  for (const child of children.flat(Infinity))
    if (child) parent.append(child instanceof Node ? child : String(child));
}

export const byId = (id) => document.getElementById(id);

const DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const MOMENT = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "2026-09-30" → "30 Sept 2026". */
export function formatDay(iso) {
  return iso ? DAY.format(new Date(`${iso}T00:00:00Z`)) : "";
}

/** An instant in the viewer's own time zone. */
export function formatMoment(instant) {
  return instant ? MOMENT.format(new Date(instant)) : "";
}

/** A RAG rating as a coloured badge that always carries the word. */
export function ragBadge(rag) {
  return el("span", { class: `rag rag-${rag ?? "none"}` }, rag ?? "Not rated");
}

/** Only http(s) links become links; anything else is shown as text. */
export function safeLink(url, text) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "https:" || parsed.protocol === "http:") {
      return el(
        "a",
        { href: parsed.href, target: "_blank", rel: "noopener noreferrer" },
        text ?? parsed.href,
      );
    }
  } catch {
    // Not a URL at all: shown as typed.
  }
  return el("span", {}, url);
}

/**
 * At phone width the CSS shows a table's rows as cards, and a table whose display is changed loses
 * its table semantics in some browsers; explicit roles keep it a table for screen readers.
 */
export function keepTableSemantics(table) {
  table.setAttribute("role", "table");
  for (const group of [table.tHead, ...table.tBodies]) group?.setAttribute("role", "rowgroup");
  for (const row of table.tHead?.rows ?? []) {
    row.setAttribute("role", "row");
    for (const cell of row.cells) cell.setAttribute("role", "columnheader");
  }
}
