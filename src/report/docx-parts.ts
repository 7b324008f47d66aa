import {
  AlignmentType,
  ExternalHyperlink,
  Footer,
  type HeadingLevel,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Rag } from "../domain/rag.ts";

/**
 * Small builders for the report's Word parts, so each section reads as what it says. Text is
 * always passed as text runs: whatever a lead typed (markup included) is shown exactly as typed.
 */

type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];

/** A real Word heading style, so the navigation pane shows the report's structure. */
export function heading(text: string, level: Level): Paragraph {
  return new Paragraph({ text, heading: level, keepNext: true });
}

/** A lead's text keeps its line breaks as separate paragraphs. */
export function textParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => new Paragraph({ children: [new TextRun(line)], spacing: { after: 80 } }));
}

/** A bold label and its text on one line: "Lead: HoS / Service Manager". */
export function labelled(label: string, value: string): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
    spacing: { after: 60 },
  });
}

/** A bold label on its own line, the storyboard's question, followed by the answer. */
export function question(label: string): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: label, bold: true })],
    keepNext: true,
    spacing: { before: 120, after: 40 },
  });
}

export function bullet(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(text)], bullet: { level: 0 } });
}

export function plain(text: string, options: { italics?: boolean } = {}): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, ...options })], spacing: { after: 120 } });
}

/** Fills chosen for contrast with their text (white on red, black on amber and green). */
const RAG_FILL: Record<Rag, { fill: string; text: string }> = {
  Red: { fill: "C0392B", text: "FFFFFF" },
  Amber: { fill: "F5B041", text: "000000" },
  Green: { fill: "58D68D", text: "000000" },
};

/** The RAG as a word on its colour: never colour alone. */
export function ragRun(rag: Rag | null): TextRun {
  if (!rag) return new TextRun({ text: "Not rated", italics: true });
  const { fill, text } = RAG_FILL[rag];
  return new TextRun({
    text: ` ${rag} `,
    bold: true,
    color: text,
    shading: { type: ShadingType.CLEAR, color: "auto", fill },
  });
}

/** A table cell filled with the RAG's colour and holding its word. */
export function ragCell(rag: Rag | null): TableCell {
  const fill = rag ? RAG_FILL[rag] : null;
  return new TableCell({
    children: [
      new Paragraph({
        children: [
          new TextRun({
            text: rag ?? "Not rated",
            bold: rag !== null,
            color: fill?.text ?? "000000",
          }),
        ],
      }),
    ],
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: fill.fill } } : {}),
  });
}

export function textCell(text: string, options: { bold?: boolean } = {}): TableCell {
  const lines = text.split(/\r?\n+/).filter((line) => line.trim() !== "");
  return new TableCell({
    children: (lines.length > 0 ? lines : [""]).map(
      (line) => new Paragraph({ children: [new TextRun({ text: line.trim(), ...options })] }),
    ),
  });
}

/**
 * A full-width table whose first row is marked as its header row: Word repeats it on every page
 * and screen readers announce it as the column headings.
 */
export function table(
  headers: readonly string[],
  rows: TableCell[][],
  widths: number[],
  options: { ragHeaders?: boolean } = {},
): Table {
  // A count table's Red, Amber and Green headings carry their colour as well as their word.
  const headerCell = (h: string) => {
    const rag = options.ragHeaders ? RAG_FILL[h as Rag] : undefined;
    return new TableCell({
      children: [
        new Paragraph({ children: [new TextRun({ text: h, bold: true, color: rag?.text })] }),
      ],
      shading: { type: ShadingType.CLEAR, color: "auto", fill: rag?.fill ?? "D9E2F3" },
    });
  };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headers.map(headerCell),
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    rows: [header, ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells }))],
  });
}

export function link(text: string, url: string): ExternalHyperlink {
  return new ExternalHyperlink({
    link: url,
    children: [new TextRun({ text, style: "Hyperlink" })],
  });
}

/** "Page 3 of 12" at the foot of every page. */
export function pageNumberFooter(): { default: Footer } {
  return {
    default: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({
              children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES],
            }),
          ],
        }),
      ],
    }),
  };
}
