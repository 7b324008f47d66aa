import { hasRole, type Person } from "../domain/person.ts";
import {
  type AdaptiveCardJson,
  adaptiveCard,
  type CardAction,
  type CardElement,
} from "./card-json.ts";
import { actionSet, executeAction, heading, subtleText, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { countOf } from "./list-text.ts";
import { ROLE_DESCRIPTIONS } from "./role-words.ts";
import { CARD_VERBS } from "./verbs.ts";

export type WelcomeInput = {
  person: Pick<Person, "name" | "roles" | "leads">;
  /**
   * How many plan actions each of the person's Lead values matches; with several plans, one entry
   * per plan and Lead, each with its plan's name, so the count is told plan by plan.
   */
  ledActions: ReadonlyArray<{ lead: string; count: number; planName?: string }>;
  /** E.g. "Demo data: the sample plan's dates are moved forward to run from this quarter". */
  note?: string;
  exampleQuestion?: string;
};

function leadSummary(input: WelcomeInput): string {
  const total = input.ledActions.reduce((sum, entry) => sum + entry.count, 0);
  if (input.person.leads.length === 0) {
    return "No Lead is set for you yet, so I can't tell which actions are yours. An admin can add it.";
  }
  const severalPlans = input.ledActions.some((entry) => entry.planName);
  if (total === 0) {
    const leads = input.person.leads
      .map((lead) => `\u201c${escapeCardText(lead)}\u201d`)
      .join(", ");
    const where = severalPlans ? "any plan" : "the plan";
    return `No actions in ${where} have ${leads} as their Lead. If that's wrong, ask an admin.`;
  }
  const counted = input.ledActions.filter((entry) => entry.count > 0);
  const asLead = (entries: typeof counted) =>
    entries
      .map((entry) => `${entry.count} as \u201c${escapeCardText(entry.lead)}\u201d`)
      .join(", ");
  if (!severalPlans) return `You lead ${countOf(total, "action")}: ${asLead(counted)}.`;
  // Several plans: each plan's counts under its name, in the plans' order.
  const planNames = [...new Set(counted.map((entry) => entry.planName ?? ""))];
  const byPlan = planNames.map(
    (name) =>
      `${escapeCardText(name)}: ${asLead(counted.filter((e) => (e.planName ?? "") === name))}`,
  );
  return `You lead ${countOf(total, "action")}: ${byPlan.join("; ")}.`;
}

/** The first message in a chat: who you are to the bot and what to do next. */
export function buildWelcomeCard(input: WelcomeInput): AdaptiveCardJson {
  const { person } = input;
  const isLead = hasRole(person, "lead");
  const body: CardElement[] = [
    heading(`Hello ${escapeCardText(person.name)}`),
    textBlock(
      "I'm Plan Tracker. I collect quarterly updates on the improvement plan, send them to DMT for sign-off and answer questions about any action.",
    ),
    textBlock("To me you are:", { weight: "bolder" }),
    ...(person.roles.length > 0
      ? person.roles.map((role) =>
          textBlock(`\u2022 ${ROLE_DESCRIPTIONS[role]}`, { spacing: "none" }),
        )
      : [textBlock("Not yet given a role. An admin can give you one.", { spacing: "none" })]),
    ...(isLead ? [textBlock(leadSummary(input))] : []),
  ];
  if (hasRole(person, "manager", "dmt", "admin")) {
    const question = input.exampleQuestion ?? "what's red for priority 3";
    body.push(
      textBlock("Ask me about the plan in plain English, for example:"),
      actionSet([executeAction(question, CARD_VERBS.askQuestion, { text: question })]),
    );
  }
  if (input.note) body.push(subtleText(escapeCardText(input.note)));
  const actions: CardAction[] = [];
  if (isLead) actions.push(executeAction("My actions", CARD_VERBS.myActions, {}));
  if (hasRole(person, "dmt", "admin")) {
    actions.push(executeAction("Start review", CARD_VERBS.startReview, {}));
  }
  actions.push(executeAction("Help", CARD_VERBS.help, {}));
  return adaptiveCard(body, { actions });
}
