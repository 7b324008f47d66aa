/**
 * TextBlocks (and FactSet values) render a Markdown subset, so a progress note such as
 * "*urgent* - see [audit]" would lose its stars and brackets. This puts a backslash before every
 * character Markdown could act on, so people's text is shown exactly as they typed it.
 */

/** Characters that mean something anywhere in a line (emphasis, links, code, HTML, headings). */
const INLINE_SPECIALS = /[\\`*_[\]()#<>]/g;

/** At the start of a line (after any indent), these start a list item: "- x", "+ x", "12. x". */
const LIST_MARKER = /^(\s*)([-+]|\d+\.)/;

export function escapeCardText(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  return (
    lines
      .map((line) =>
        line
          .replace(INLINE_SPECIALS, (ch) => `\\${ch}`)
          .replace(LIST_MARKER, (_, indent: string, marker: string) =>
            marker.endsWith(".") ? `${indent}${marker.slice(0, -1)}\\.` : `${indent}\\${marker}`,
          ),
      )
      // A single line break is ignored by Markdown; a blank line between keeps each typed line on
      // its own line in the card.
      .join("\n\n")
  );
}
