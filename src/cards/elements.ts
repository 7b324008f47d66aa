import type {
  CardAction,
  CardElement,
  CardRefresh,
  ExecuteAction,
  ToggleVisibilityAction,
} from "./card-json.ts";
import type { CardButtonData, CardVerb } from "./verbs.ts";

/**
 * Small constructors for the card elements the builders use, so every card wraps text, spaces
 * sections and colours errors the same way. Text passed here is used as written: escape user text
 * with `escapeCardText` first.
 */

export type TextColour = "default" | "dark" | "light" | "accent" | "good" | "warning" | "attention";

type TextOptions = {
  weight?: "bolder";
  size?: "small" | "medium" | "large";
  color?: TextColour;
  isSubtle?: boolean;
  spacing?: "none" | "small" | "medium" | "large";
  separator?: boolean;
  style?: "heading";
};

export function textBlock(text: string, options: TextOptions = {}): CardElement {
  return { type: "TextBlock", text, wrap: true, ...options };
}

export function heading(text: string, size: "medium" | "large" = "medium"): CardElement {
  return textBlock(text, { style: "heading", weight: "bolder", size });
}

/** A section title with a line above it, separating parts of a longer card. */
export function sectionTitle(text: string): CardElement {
  return textBlock(text, { weight: "bolder", spacing: "medium", separator: true });
}

/** A red line of text: errors under a form field or at the top of a form. */
export function errorText(text: string): CardElement {
  return textBlock(text, { color: "attention", size: "small", spacing: "none" });
}

export function subtleText(text: string): CardElement {
  return textBlock(text, { isSubtle: true, size: "small", spacing: "small" });
}

type ContainerOptions = {
  /** Needed for a container a button shows or hides. */
  id?: string;
  isVisible?: boolean;
  style?: "emphasis" | "good" | "attention" | "warning" | "accent";
  separator?: boolean;
  spacing?: "none" | "small" | "medium" | "large";
  selectAction?: ExecuteAction;
};

export function container(items: CardElement[], options: ContainerOptions = {}): CardElement {
  return { type: "Container", items, ...options };
}

/** `width`: "auto" (fits content), "stretch" (fills), or a number (a share of the free space). */
export function column(items: CardElement[], width: "auto" | "stretch" | number): CardElement {
  return { type: "Column", width, items, verticalContentAlignment: "center" };
}

export function columnSet(columns: CardElement[], options: ContainerOptions = {}): CardElement {
  return { type: "ColumnSet", columns, ...options };
}

/** Label/value pairs. Values are Markdown in most hosts, so escape user text before passing it. */
export function factSet(facts: ReadonlyArray<readonly [string, string]>): CardElement {
  return { type: "FactSet", facts: facts.map(([title, value]) => ({ title, value })) };
}

/** A button that opens or folds away the elements named, in place. */
export function toggleAction(title: string, targetElements: string[]): ToggleVisibilityAction {
  return { type: "Action.ToggleVisibility", title, targetElements };
}

export function actionSet(actions: CardAction[]): CardElement {
  return { type: "ActionSet", actions };
}

/**
 * A button the bot answers. Its data is typed by the verb's own schema, so a card cannot carry
 * data the verb's handler would refuse: that is a type error here, not an "out of date" card later.
 */
export function executeAction<V extends CardVerb>(
  title: string,
  verb: V,
  data: CardButtonData<V>,
  options: Pick<ExecuteAction, "associatedInputs" | "style"> = {},
): ExecuteAction {
  return { type: "Action.Execute", title, verb, data: { ...data }, ...options };
}

export function openUrlAction(title: string, url: string): CardAction {
  return { type: "Action.OpenUrl", title, url };
}

/**
 * Universal Actions `refresh`: when one of `userIds` opens the card, Teams asks the bot for the
 * current version, so a stale form or sign-off card corrects itself.
 */
export function refreshWith<V extends CardVerb>(
  verb: V,
  data: CardButtonData<V>,
  userIds: string[] | undefined,
): CardRefresh | undefined {
  return userIds ? { action: executeAction("Refresh", verb, data), userIds } : undefined;
}
