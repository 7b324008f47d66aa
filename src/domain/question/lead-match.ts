import { normaliseLead } from "../action.ts";
import { splitLead } from "./name-phrases.ts";
import type { LeadFilter } from "./query.ts";
import { applySynonyms } from "./synonyms.ts";
import { tokenize } from "./tokens.ts";

/**
 * A role's words as the parser reads them, through the synonyms, so the role "HoS" finds "Head
 * of Service, Children in Care" and "Head of Service" finds "HoS Safeguarding".
 */
function roleKeys(text: string): string[] {
  return applySynonyms(tokenize(text))
    .filter((token) => token.kind !== "slash")
    .map((token) => token.key);
}

/**
 * Whether an action's Lead cell answers a lead filter. `exact` compares whole cells ignoring
 * case and spacing; `part` looks for the role as a run of words inside one "/"-separated part,
 * so "HoS" finds "LADO/HoS" and "Team Manager" finds "Through Care Team Manager". A role's
 * written-out form is the role ("Head of Service" is HoS).
 */
export function leadMatches(filter: LeadFilter, lead: string): boolean {
  if (filter.match === "exact") return normaliseLead(filter.value) === normaliseLead(lead);
  const wanted = wordsOf(filter.value);
  if (wanted.length === 0) return false;
  return partsOf(lead).some((part) => containsRun(part, wanted));
}

/**
 * A Lead cell's parts as words, worked out once per distinct cell: a plan has a few dozen Lead
 * values across thousands of actions, and a question checks every candidate.
 */
const partsByLead = new Map<string, string[][]>();
const wordsByName = new Map<string, string[]>();

/** The words of a lead asked about, worked out once per question rather than once per action. */
function wordsOf(value: string): string[] {
  let words = wordsByName.get(value);
  if (!words) {
    words = roleKeys(value);
    if (wordsByName.size >= 10_000) wordsByName.clear();
    wordsByName.set(value, words);
  }
  return words;
}

function partsOf(lead: string): string[][] {
  let parts = partsByLead.get(lead);
  if (!parts) {
    parts = splitLead(lead).map(roleKeys);
    if (partsByLead.size >= 10_000) partsByLead.clear();
    partsByLead.set(lead, parts);
  }
  return parts;
}

/** Whether `asker` leads this action: their Lead values name the cell exactly (case, spacing aside). */
export function isAskersAction(askerLeads: string[], lead: string): boolean {
  const cell = normaliseLead(lead);
  return askerLeads.some((value) => normaliseLead(value) === cell);
}

function containsRun(words: string[], run: string[]): boolean {
  for (let start = 0; start + run.length <= words.length; start++) {
    if (run.every((word, k) => words[start + k] === word)) return true;
  }
  return false;
}
