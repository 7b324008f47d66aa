import type { Rag } from "../domain/rag.ts";
import type { CardElement } from "./card-json.ts";
import { type TextColour, textBlock } from "./elements.ts";

/**
 * A RAG rating is always shown as a coloured dot AND its word, so it reads the same to someone who
 * cannot tell red from green, on a monochrome screen, or to a screen reader.
 */

const RAG_COLOURS: Record<Rag, TextColour> = { Red: "attention", Amber: "warning", Green: "good" };

export function ragWord(rag: Rag | null): string {
  return rag ?? "Not rated";
}

export function ragColour(rag: Rag | null): TextColour {
  return rag ? RAG_COLOURS[rag] : "default";
}

/** "● Red", "● Amber", "● Green" or "○ Not rated". */
export function ragLabel(rag: Rag | null): string {
  return rag ? `● ${rag}` : "○ Not rated";
}

export function ragBadge(rag: Rag | null, options: { size?: "small" } = {}): CardElement {
  return textBlock(ragLabel(rag), {
    color: ragColour(rag),
    weight: "bolder",
    ...(rag === null ? { isSubtle: true } : {}),
    ...options,
  });
}
