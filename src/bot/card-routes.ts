import { CARD_ACTION_SCHEMAS, CARD_VERBS, type CardVerb, parseCardAction } from "../cards/verbs.ts";
import type {
  Card,
  CardActionHandler,
  CardActionTurn,
  Feature,
  StoreDownHandlers,
} from "../messaging.ts";

/** One verb's route: the schema its data must pass, and the feature that answers it. */
export interface CardRoute<V extends CardVerb> {
  schema: (typeof CARD_ACTION_SCHEMAS)[V];
  /** Absent when no feature answers the verb (then its button is out of date). */
  handler?: CardActionHandler<V>;
  whileStoreDown?: NonNullable<StoreDownHandlers[V]>;
  /** The feature that owns the verb, for messages. */
  feature?: string;
}

export type CardRoutes = { [V in CardVerb]: CardRoute<V> };

/**
 * Every verb with its schema and the one handler the features registered for it. Two features
 * answering the same verb is a mistake in the code, refused here rather than settled by order.
 */
export function cardRoutes(features: readonly Feature[]): CardRoutes {
  const routes: Partial<Record<CardVerb, CardRoute<CardVerb>>> = {};
  for (const verb of Object.keys(CARD_VERBS) as CardVerb[]) {
    const owners = features.filter((feature) => feature.cardActions?.[verb] !== undefined);
    if (owners.length > 1) {
      throw new Error(
        `The card verb "${verb}" is answered by more than one feature: ${owners.map((f) => f.name).join(", ")}.`,
      );
    }
    const owner = owners[0];
    routes[verb] = {
      schema: CARD_ACTION_SCHEMAS[verb],
      handler: owner?.cardActions?.[verb] as CardActionHandler<CardVerb> | undefined,
      whileStoreDown: owner?.whileStoreDown?.[verb] as CardRoute<CardVerb>["whileStoreDown"],
      feature: owner?.name,
    } as CardRoute<CardVerb>;
  }
  return routes as CardRoutes;
}

/** Who pressed, and how: what the router adds to a press once it knows the person. */
export type Presser = Pick<CardActionTurn, "person" | "scope" | "trigger">;

/** A press read by its verb's schema and matched to its handler, or why its button is out of date. */
export type RoutedPress =
  | {
      ok: true;
      verb: CardVerb;
      answer(presser: Presser): Promise<Card>;
      /** The verb's answer from the card alone while the store is down, if it has one. */
      whileStoreDown(): Promise<Card> | null;
    }
  | { ok: false; reason: "unknown_verb" | "invalid_data" | "no_handler" };

/** Reads a pressed button's data once, by its verb's schema, and finds the one handler for it. */
export function routePress(routes: CardRoutes, verb: unknown, data: unknown): RoutedPress {
  const parsed = parseCardAction(verb, data);
  if (!parsed.ok) return parsed;
  const press = parsed.action;
  const route = routes[press.verb];
  // The route and the data are the same verb's, read together by that verb's schema, so each
  // handler gets exactly its own data type; the compiler can't follow that through the union.
  const handler = route.handler as CardActionHandler<CardVerb> | undefined;
  const offline = route.whileStoreDown as ((data: unknown) => Promise<Card>) | undefined;
  if (!handler) return { ok: false, reason: "no_handler" };
  return {
    ok: true,
    verb: press.verb,
    answer: (presser) => handler({ ...presser, ...press }),
    whileStoreDown: () => (offline ? offline(press.data) : null),
  };
}
