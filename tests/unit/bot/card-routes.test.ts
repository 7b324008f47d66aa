import { describe, expect, it } from "vitest";
import { cardRoutes, routePress } from "../../../src/bot/card-routes.ts";
import { helpFeature } from "../../../src/bot/help-feature.ts";
import { SAMPLE_CARDS } from "../../../src/cards/gallery.ts";
import { CARD_ACTION_SCHEMAS, CARD_VERBS, type CardVerb } from "../../../src/cards/verbs.ts";
import type { FeatureDeps } from "../../../src/feature-deps.ts";
import type { Feature } from "../../../src/messaging.ts";
import { questionCardActions } from "../../../src/query/card-actions.ts";
import { createReviewFeature } from "../../../src/review/review-feature.ts";
import { createSignOffFeature } from "../../../src/signoff/signoff-feature.ts";
import { findObjects } from "../../support/validate-card.ts";

/**
 * The features as the app registers them. Building a feature only wires its handlers, so no store
 * is needed; the question feature's buttons are its `questionCardActions`.
 */
function appFeatures(): Feature[] {
  const deps = {} as FeatureDeps;
  const signOff = createSignOffFeature(deps);
  const review = createReviewFeature(deps, signOff.hooks);
  const questions: Feature = {
    name: "questions",
    cardActions: questionCardActions(async () => {
      throw new Error("not pressed in this test");
    }),
  };
  return [helpFeature(), review.feature, signOff.feature, questions];
}

const VERBS = Object.keys(CARD_VERBS) as CardVerb[];

describe("the card routes", () => {
  it("gives every verb a schema and exactly one handler across the features", () => {
    const features = appFeatures();
    const routes = cardRoutes(features);
    expect(Object.keys(CARD_ACTION_SCHEMAS).sort()).toEqual([...VERBS].sort());
    for (const verb of VERBS) {
      const owners = features.filter((f) => f.cardActions?.[verb]).map((f) => f.name);
      expect({ verb, owners }).toEqual({ verb, owners: [routes[verb].feature] });
      expect(routes[verb].handler, verb).toBeTypeOf("function");
      expect(routes[verb].schema, verb).toBe(CARD_ACTION_SCHEMAS[verb]);
    }
    // Every verb a feature answers is one the cards know.
    for (const feature of features)
      for (const verb of Object.keys(feature.cardActions ?? {})) expect(VERBS).toContain(verb);
  });

  it("refuses two features answering the same verb", () => {
    const help = helpFeature();
    expect(() => cardRoutes([help, { ...help, name: "help again" }])).toThrow(
      /"help" is answered by more than one feature: help, help again/,
    );
  });

  it("calls a verb nobody answers, or data its schema refuses, out of date", () => {
    const routes = cardRoutes(appFeatures());
    expect(routePress(routes, "someRetiredVerb", {})).toEqual({
      ok: false,
      reason: "unknown_verb",
    });
    expect(routePress(routes, "approveUpdate", { ref: "CSC-07", quarter: "2026-Q3" })).toEqual({
      ok: false,
      reason: "invalid_data",
    });
    expect(routePress(cardRoutes([]), "help", {})).toEqual({ ok: false, reason: "no_handler" });
  });
});

/** A button's data as Teams sends it: the button's own data with the card's inputs merged in. */
function pressedData(card: object, data: Record<string, unknown>): Record<string, unknown> {
  const inputs = findObjects(
    card,
    (o) => typeof o.type === "string" && o.type.startsWith("Input."),
  );
  const values = Object.fromEntries(
    inputs.filter((i) => i.value !== undefined).map((i) => [String(i.id), i.value]),
  );
  return { ...values, ...data };
}

describe("every card's buttons", () => {
  const routes = cardRoutes(appFeatures());
  const buttons = SAMPLE_CARDS.flatMap(({ name, card }) =>
    findObjects(card, (o) => o.type === "Action.Execute").map(
      (button) => [`${name}: ${String(button.title)}`, card, button] as const,
    ),
  );

  it("covers the cards that refresh themselves and every verb a card can carry", () => {
    const verbs = new Set(buttons.map(([, , button]) => button.verb));
    for (const verb of ["refreshUpdate", "refreshSignOff", "submitUpdate", "moreResults"])
      expect(verbs).toContain(verb);
  });

  it.each(buttons)("%s carries data its verb's schema accepts", (_, card, button) => {
    const data = pressedData(card, button.data as Record<string, unknown>);
    expect(routePress(routes, button.verb, data)).toMatchObject({ ok: true, verb: button.verb });
  });
});
