import {
  acceptedNames,
  canonicalHeader,
  fieldNamed,
  normaliseHeader,
  PLAN_COLUMNS,
  type PlanField,
} from "./header-names.ts";

export { HEADER_NAMES, PLAN_COLUMNS, type PlanField } from "./header-names.ts";

const REQUIRED: readonly PlanField[] = ["ref", "developmentAction", "lead"];

/**
 * Fields the product reads meaning from (who, when, which rating). Two columns that could both be
 * one of these are ambiguous: neither is taken until `--map` says which; a second column of free
 * text is kept as an extra column.
 */
const MUST_BE_UNIQUE: ReadonlySet<PlanField> = new Set([
  "ref",
  "priorities",
  "developmentAction",
  "lead",
  "completionDate",
  "rag",
]);

/** `--map "Header=Field"`: read the column `header` as `field`, or (field null) keep it as an extra column. */
export interface HeaderMap {
  header: string;
  field: PlanField | null;
}

/** How one header of the file was read, for the import report. */
export interface HeaderReading {
  /** 1-based, as a spreadsheet counts columns. */
  column: number;
  header: string;
  /** The canonical name of the field it was read as; null when it is kept as an extra column. */
  field: string | null;
  /** Why, in words, when it is not simply matched by name (mapped, ambiguous, a second column…). */
  note: string;
}

export type HeaderMapping =
  | {
      ok: true;
      columns: Map<number, PlanField>;
      extra: Map<number, string>;
      readings: HeaderReading[];
    }
  | { ok: false; reason: string; readings: HeaderReading[] };

const EXTRA_WORD = /^(?:extra|extra column|keep|ignore|none|-)$/i;

/**
 * How many of the columns every plan needs (Ref, Development Action, Lead) the row names, by any
 * of their accepted names: tells a header row from a title above it, and a sheet of actions from
 * a summary beside them.
 */
export function requiredColumnsNamed(cells: readonly string[]): number {
  const named = new Set(cells.map((cell) => fieldNamed(cell.trim())));
  return REQUIRED.filter((field) => named.has(field)).length;
}

/** Every required column named: the row is a plan's header row. */
export const namesEveryRequiredColumn = (cells: readonly string[]): boolean =>
  requiredColumnsNamed(cells) === REQUIRED.length;

/**
 * Reads one `--map` value. The field may be named by its canonical name or any synonym, or as
 * "extra" to keep the column as it is; anything else is refused, naming the fields.
 */
export function parseHeaderMap(text: string): HeaderMap | { error: string } {
  const at = text.lastIndexOf("=");
  const header = text.slice(0, Math.max(at, 0)).trim();
  const fieldText = text.slice(at + 1).trim();
  const fields = PLAN_COLUMNS.map((c) => c.header).join(", ");
  if (at < 0 || header === "" || fieldText === "") {
    return {
      error: `--map "${text}" needs a header and a field, like --map "Deadline=Completion Date" (fields: ${fields}, or Extra to keep a column as it is)`,
    };
  }
  if (EXTRA_WORD.test(fieldText)) return { header, field: null };
  const field = fieldNamed(fieldText);
  if (!field) {
    return {
      error: `--map "${text}": "${fieldText}" is not a field: use one of ${fields}, or Extra to keep the column as it is`,
    };
  }
  return { header, field };
}

/**
 * Works out which column of a plan file holds which field, and says how each header was read.
 * Columns the product has no field for are kept in `extra` by header text so export gives them
 * back; a column with a blank header is kept as "Column 13" (its position), because text under it
 * is still something a person typed. `maps` (from `--map`) decide before any name is matched.
 */
export function mapHeaders(rawHeaders: string[], maps: readonly HeaderMap[] = []): HeaderMapping {
  const headers = rawHeaders.map((raw) => raw.replace(/^\uFEFF/, "").trim());
  const unknownMap = maps.find(
    (m) => !headers.some((h) => normaliseHeader(h) === normaliseHeader(m.header)),
  );
  const mapFor = (header: string) =>
    header === ""
      ? undefined
      : maps.findLast((m) => normaliseHeader(m.header) === normaliseHeader(header));

  // Every column that could be each field: by --map first, else by its name.
  const candidates = new Map<PlanField, number[]>();
  const mappedAway = new Set<number>();
  for (const [index, header] of headers.entries()) {
    const map = mapFor(header);
    if (map && map.field === null) mappedAway.add(index);
    const field = map ? map.field : header === "" ? undefined : fieldNamed(header);
    if (!field) continue;
    candidates.set(field, [...(candidates.get(field) ?? []), index]);
  }
  const mappedTo = (index: number) => mapFor(headers[index] ?? "")?.field;

  const columns = new Map<number, PlanField>();
  const notes = new Map<number, string>();
  const clashes: string[] = [];
  for (const [field, indexes] of candidates) {
    // A column mapped to the field wins over one that only has a matching name.
    const chosen = indexes.filter((i) => mappedTo(i) === field);
    const pool = chosen.length > 0 ? chosen : indexes;
    const [first, ...others] = pool;
    if (first === undefined) continue;
    if (others.length > 0 && MUST_BE_UNIQUE.has(field)) {
      const names = pool.map((i) => `"${headers[i]}"`).join(" and ");
      const use = `--map "${headers[first]}=${canonicalHeader(field)}"`;
      clashes.push(
        `${names} could each be the ${canonicalHeader(field)} column: say which with ${use} (the other is then kept as an extra column), or rename one of them`,
      );
      for (const i of pool)
        notes.set(i, `could be ${canonicalHeader(field)}: not read until mapped`);
      continue;
    }
    columns.set(first, field);
    if (mappedTo(first) === field) notes.set(first, "mapped with --map");
    for (const i of indexes.filter((i) => i !== first)) {
      notes.set(
        i,
        `also looks like ${canonicalHeader(field)}, read from "${headers[first]}": kept as an extra column`,
      );
    }
  }

  const extra = new Map<number, string>();
  const readings: HeaderReading[] = headers.map((header, index) => {
    const field = columns.get(index);
    if (field) {
      return {
        column: index + 1,
        header,
        field: canonicalHeader(field),
        note: notes.get(index) ?? "",
      };
    }
    const name = header === "" ? `Column ${index + 1}` : header;
    extra.set(index, name);
    const note =
      notes.get(index) ??
      (mappedAway.has(index)
        ? "kept as an extra column, as --map says"
        : header === ""
          ? "no header: kept as an extra column named by its position"
          : "kept as an extra column");
    return { column: index + 1, header: name, field: null, note };
  });

  if (unknownMap) {
    const list = headers.filter((h) => h !== "").map((h) => `"${h}"`);
    return {
      ok: false,
      readings,
      reason: `--map names "${unknownMap.header}", which is not a header of this file: its headers are ${list.join(", ")}`,
    };
  }
  if (clashes.length > 0) return { ok: false, readings, reason: clashes.join("; ") };
  const found = new Set(columns.values());
  const missing = REQUIRED.filter((field) => !found.has(field));
  if (missing.length > 0) {
    const wanted = missing.map(
      (field) => `a ${canonicalHeader(field)} column (named ${acceptedNames(field)})`,
    );
    const it = missing.length > 1 ? "them" : "it";
    const example = missing[0] === undefined ? "" : canonicalHeader(missing[0]);
    return {
      ok: false,
      readings,
      reason: `The file needs ${wanted.join(", and ")}: add ${it} to the header row, or say which column holds it with --map "Your header=${example}"`,
    };
  }
  return { ok: true, columns, extra, readings };
}
