/**
 * The JSON shapes of the Adaptive Cards this product sends. Kept loose on purpose (an element is a
 * `type` plus properties): the `adaptivecards` package validates the real schema in tests, and
 * builders use the typed helpers in `elements.ts` rather than writing objects by hand.
 */
export type CardElement = { type: string; [property: string]: unknown };

export type ExecuteAction = {
  type: "Action.Execute";
  title?: string;
  verb: string;
  data: Record<string, unknown>;
  associatedInputs?: "auto" | "none";
  style?: "default" | "positive" | "destructive";
};

/** Shows or hides parts of the card in place, with no round trip to the bot. */
export type ToggleVisibilityAction = {
  type: "Action.ToggleVisibility";
  title: string;
  targetElements: string[];
};

export type CardAction =
  | ExecuteAction
  | { type: "Action.OpenUrl"; title: string; url: string }
  | ToggleVisibilityAction;

export type CardRefresh = { action: ExecuteAction; userIds: string[] };

export type AdaptiveCardJson = {
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  type: "AdaptiveCard";
  version: "1.5";
  body: CardElement[];
  actions?: CardAction[];
  refresh?: CardRefresh;
  /** Teams-only: let wide cards (tables, lists) use the whole chat width. */
  msteams?: { width: "Full" };
};

/**
 * The size a normal card should stay under. Teams refuses messages over about 80 KB; staying well
 * below leaves room for the activity envelope and for unusually long text.
 */
export const CARD_SIZE_BUDGET_BYTES = 28 * 1024;

export function cardJsonBytes(card: AdaptiveCardJson): number {
  // TextEncoder rather than Buffer: the card playground builds cards in the browser too.
  return new TextEncoder().encode(JSON.stringify(card)).length;
}

type CardOptions = {
  actions?: CardAction[];
  refresh?: CardRefresh;
  fullWidth?: boolean;
};

/** Wraps a body in the Adaptive Card 1.5 envelope every card shares. */
export function adaptiveCard(body: CardElement[], options: CardOptions = {}): AdaptiveCardJson {
  const card: AdaptiveCardJson = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.5",
    body,
  };
  if (options.actions && options.actions.length > 0) card.actions = options.actions;
  if (options.refresh) card.refresh = options.refresh;
  if (options.fullWidth) card.msteams = { width: "Full" };
  return card;
}
