import { test } from "vitest";
import { buildUpdateFormCard } from "../../../src/cards/update-form-card.ts";
import { cardProblems } from "../../support/validate-card.ts";
test("probe", () => {
  const action = { ref: "CSC-07", planId: "default", priorities: [3], section: "S", deliveryArea: "D", developmentAction: "Improve *things*", expectedOutcome: "", lead: "HoS / Service Manager", completionDate: { text: "September 2026", due: "2026-09-30", tbc: false, milestones: [] }, rag: "Amber" as const, complete: false, signedOff: false, actionWeWillTake: "", howWillWeKnow: "", progressUpdate: "", extra: {} };
  const card: any = buildUpdateFormCard({ action, quarter: "2026-Q3", suggestion: { rag: "Red", reason: "due" }, revision: 0, errors: { progress: "Please write something" }, refreshUserIds: ["29:abc"] });
  console.log(cardProblems(card));
  card.body.push({type: "TextBlock", text: "x", wrapp: true}, {type:"Input.ChoiceSet", id: "z", choices: [{title: "a", value: "a", x: 1}]});
  card.refresh.userid = [];
  console.log(cardProblems(card));
});
