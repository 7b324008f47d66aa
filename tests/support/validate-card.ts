import {
  AdaptiveCard,
  Choice,
  Column,
  Fact,
  GlobalRegistry,
  RefreshDefinition,
  type SerializableObject,
  SerializationContext,
  ValidationEvent,
  Versions,
} from "adaptivecards";

/**
 * Checks a card the way an Adaptive Cards 1.5 host would read it, with the `adaptivecards` package
 * (no DOM needed for parsing and validation). Returns every problem as a sentence; an empty list
 * means the card is valid. Use `expect(cardProblems(card)).toEqual([])` so a failure names them.
 */
export function cardProblems(json: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(json)) return ["the card is not a JSON object"];
  if (json.type !== "AdaptiveCard") problems.push(`type is ${String(json.type)}, not AdaptiveCard`);
  if (json.version !== "1.5") problems.push(`version is ${String(json.version)}, not 1.5`);
  if (json.$schema !== "http://adaptivecards.io/schemas/adaptive-card.json") {
    problems.push("$schema is missing or not the Adaptive Cards schema");
  }

  const card = new AdaptiveCard();
  const context = new SerializationContext(Versions.v1_5);
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`parse: ${ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(`validate: ${ValidationEvent[event.event]}: ${event.message}`);
  }

  problems.push(...executeActionProblems(json, card.toJSON()));
  problems.push(...unknownPropertyProblems(json));
  return problems;
}

/** Keys every host accepts on any element although the package's schemas do not list them. */
const ALWAYS_ALLOWED = new Set(["fallback", "msteams", "$schema"]);

function propertyNames(object: SerializableObject): Set<string> {
  const schema = object.getSchema();
  const names = new Set(ALWAYS_ALLOWED);
  for (let i = 0; i < schema.getCount(); i++) names.add(schema.getItemAt(i).name);
  return names;
}

/** Child collections the package reads by hand, so its schemas do not list them. */
const COLLECTIONS: Record<string, string[]> = {
  AdaptiveCard: ["body", "actions"],
  Container: ["items"],
  Column: ["items"],
  ColumnSet: ["columns"],
  ActionSet: ["actions"],
};

function schemaFor(type: string): Set<string> | undefined {
  const registration =
    GlobalRegistry.elements.findByName(type) ?? GlobalRegistry.actions.findByName(type);
  const object =
    type === "AdaptiveCard"
      ? new AdaptiveCard()
      : type === "Column"
        ? new Column()
        : registration && new registration.objectType();
  if (!object) return undefined;
  const names = propertyNames(object);
  for (const collection of COLLECTIONS[type] ?? []) names.add(collection);
  return names;
}

/**
 * A misspelt property ("isMultiLine", "wrapp") is silently ignored by every host, so the card
 * quietly loses what it meant. Each typed object's keys must be ones the package knows.
 */
function unknownPropertyProblems(json: unknown): string[] {
  const problems: string[] = [];
  const check = (object: Record<string, unknown>, known: Set<string>, what: string) => {
    for (const key of Object.keys(object)) {
      if (!known.has(key))
        problems.push(`${what} has a property the schema does not know: "${key}"`);
    }
  };
  for (const object of findObjects(json, (o) => typeof o.type === "string")) {
    const type = String(object.type);
    const known = schemaFor(type);
    if (!known) continue; // unknown types are already reported by the parser
    check(object, known, type);
    if (Array.isArray(object.choices)) {
      for (const choice of object.choices) check(choice, propertyNames(new Choice()), "a choice");
    }
    if (Array.isArray(object.facts)) {
      for (const fact of object.facts) check(fact, propertyNames(new Fact()), "a fact");
    }
    if (isObject(object.refresh))
      check(object.refresh, propertyNames(new RefreshDefinition()), "refresh");
  }
  return problems;
}

/**
 * Buttons must be Universal Actions: `Action.Submit` would reach the bot as a message, not as an
 * `adaptiveCard/action` invoke. Every `Action.Execute` must also survive a parse/serialise round
 * trip with its verb, which proves the package recognised it rather than dropping it.
 */
function executeActionProblems(original: unknown, roundTripped: unknown): string[] {
  const problems: string[] = [];
  const before = findObjects(
    original,
    (o) => typeof o.type === "string" && o.type.startsWith("Action."),
  );
  for (const action of before) {
    if (action.type === "Action.Submit")
      problems.push(`"${String(action.title)}" is Action.Submit`);
    if (action.type === "Action.Execute" && typeof action.verb !== "string") {
      problems.push(`Action.Execute "${String(action.title)}" has no verb`);
    }
  }
  const verbs = (json: unknown) =>
    findObjects(json, (o) => o.type === "Action.Execute")
      .map((o) => String(o.verb))
      .sort();
  const expected = verbs(original);
  const kept = verbs(roundTripped);
  if (expected.join() !== kept.join()) {
    problems.push(`Action.Execute verbs [${expected}] came back as [${kept}] after parsing`);
  }
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Every object anywhere inside `json` (including itself) that matches. */
export function findObjects(
  json: unknown,
  matches: (o: Record<string, unknown>) => boolean,
): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      if (matches(value)) found.push(value);
      Object.values(value).forEach(visit);
    }
  };
  visit(json);
  return found;
}

/**
 * Everything a person would read on a card, in order, one string per piece: TextBlock text, fact
 * titles and values, input labels, toggle titles, choice titles and button titles. Handy for
 * asserting "the card shows CSC-07" without caring about layout.
 */
export function cardText(json: unknown): string[] {
  const texts: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isObject(value)) return;
    for (const key of ["text", "label", "title", "value", "placeholder"] as const) {
      const property = value[key];
      const isInputValue =
        key === "value" && typeof value.type === "string" && value.type.startsWith("Input.");
      if (typeof property === "string" && !isInputValue) texts.push(property);
    }
    Object.values(value).forEach(visit);
  };
  visit(json);
  return texts;
}

/**
 * Card text as a person reads it: Markdown backslash-escapes undone and paragraph breaks as line
 * breaks, so a test can look for "No date (TBC)" whatever escaping the card needed.
 */
export function readableCardText(json: unknown): string[] {
  return cardText(json).map((text) => text.replace(/\n\n/g, "\n").replace(/\\(.)/g, "$1"));
}
