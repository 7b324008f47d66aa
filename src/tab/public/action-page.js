import { getJson } from "./api.js";
import { byId, el, fill, formatDay, formatMoment, ragBadge, safeLink } from "./dom.js";

function facts(pairs) {
  return el(
    "dl",
    { class: "facts" },
    pairs
      .filter(([, value]) => value !== null && value !== "")
      .flatMap(([term, value]) => [el("dt", {}, term), el("dd", {}, value)]),
  );
}

function textSection(title, text) {
  if (!text?.trim()) return null;
  return el("div", {}, el("h3", {}, title), el("p", { class: "text-block" }, text));
}

function decisionLine(u) {
  if (!u.decision)
    return el("p", {}, el("strong", {}, u.state === "submitted" ? "Awaiting sign-off." : ""));
  const verb = u.decision.outcome === "approved" ? "Approved" : "Returned";
  return el(
    "p",
    {},
    el("strong", {}, `${verb} by ${u.decision.byName}`),
    ` on ${formatMoment(u.decision.at)}`,
    u.decision.comment ? el("span", {}, `: “${u.decision.comment}”`) : ".",
  );
}

/** The update's optional answers for the board paper, each under its question; absent ones are left out. */
function paperAnswers(u) {
  return [
    ["What difference has this made for children and families?", u.difference],
    ["What happens next?", u.nextSteps],
  ]
    .filter(([, answer]) => answer?.trim())
    .flatMap(([question, answer]) => [
      el("p", { class: "muted" }, question),
      el("p", { class: "text-block" }, answer),
    ]);
}

function updateItem(u) {
  return el(
    "li",
    {},
    el("h4", {}, u.quarterLabel),
    el(
      "p",
      {},
      "Proposed ",
      ragBadge(u.proposedRag),
      u.previousRag ? el("span", {}, " (was ", ragBadge(u.previousRag), ")") : null,
    ),
    el("p", { class: "text-block" }, u.progress),
    ...paperAnswers(u),
    u.ragJustification
      ? el("p", { class: "text-block" }, `Why ${u.proposedRag}: ${u.ragJustification}`)
      : null,
    u.revisedDate
      ? el(
          "p",
          {},
          `Revised date: ${formatDay(u.revisedDate)}${u.revisedDateReason ? ` (${u.revisedDateReason})` : ""}`,
        )
      : null,
    u.proposeCompletion ? el("p", {}, "The lead proposes marking this action complete.") : null,
    u.evidenceUrl ? el("p", {}, "Evidence: ", safeLink(u.evidenceUrl)) : null,
    el(
      "p",
      { class: "muted" },
      `Sent by ${u.authorName} on ${formatMoment(u.submittedAt)}${u.revision > 0 ? `, edited ${u.revision} time${u.revision === 1 ? "" : "s"}` : ""}.`,
    ),
    decisionLine(u),
  );
}

/** Its RAG at the end of each quarter as DMT approved it, as a table (the word, never colour alone). */
function ragHistorySection(ragHistory) {
  if (!ragHistory?.length) return null;
  return el(
    "section",
    { class: "panel", "aria-labelledby": "rag-history-heading" },
    el("h3", { id: "rag-history-heading" }, "RAG by quarter"),
    el(
      "p",
      { class: "muted" },
      "As DMT approved the updates. A quarter with no approved update keeps the rating it had.",
    ),
    el(
      "table",
      { class: "numbers", id: "rag-history" },
      el("caption", { class: "sr-only" }, "RAG at the end of each quarter"),
      el(
        "thead",
        {},
        el("tr", {}, el("th", { scope: "col" }, "Quarter"), el("th", { scope: "col" }, "RAG")),
      ),
      el(
        "tbody",
        {},
        ragHistory.map((q) =>
          el(
            "tr",
            {},
            el("th", { scope: "row" }, q.current ? `${q.label}, so far` : q.label),
            el("td", {}, ragBadge(q.rag)),
          ),
        ),
      ),
    ),
  );
}

/** An action's page: the plan's words, every quarter's update and decision, and the audit trail. */
export async function showAction(ref, { moveFocus }) {
  const heading = byId("action-heading");
  const body = byId("action-body");
  byId("view-action").hidden = false;
  heading.textContent = `Loading ${ref}…`;
  fill(body);
  // With several plans the link names the plan: Ref 1.1 may be in each.
  const planId = new URLSearchParams(location.search).get("plan");
  const {
    plan,
    action: a,
    updates,
    history,
    ragHistory,
  } = await getJson(`/api/actions/${encodeURIComponent(ref)}`, planId ? [["plan", planId]] : []);
  document.title = `${a.ref}: Plan Tracker`;
  heading.textContent = `${a.ref}: ${a.title}`;
  fill(
    body,
    el(
      "div",
      { class: "panel" },
      facts([
        ["Plan", planId ? plan.name : null],
        ["RAG", ragBadge(a.rag)],
        ["Lead", a.lead],
        [
          "Completion date",
          `${a.due ? formatDay(a.due) : a.completionDate || "No date"}${a.overdue ? " (overdue)" : ""}`,
        ],
        ["Priority", a.priorities.map((p) => `${p.number}. ${p.name}`).join("; ") || "None"],
        ["Section", a.section],
        ["Delivery area", a.deliveryArea],
        ["Complete", a.complete ? (a.signedOff ? "Yes, signed off by DMT" : "Yes") : "No"],
      ]),
      textSection("Development action", a.developmentAction),
      textSection("Expected outcome", a.expectedOutcome),
      textSection("Action we will take", a.actionWeWillTake),
      textSection("How will we know", a.howWillWeKnow),
      textSection("Progress update in the plan", a.progressUpdate),
      // The plan's own columns the product has no field for, under the plan's own headers.
      ...Object.entries(a.extra ?? {}).map(([header, text]) => textSection(header, text)),
    ),
    ragHistorySection(ragHistory),
    el(
      "section",
      { class: "panel", "aria-labelledby": "updates-heading" },
      el("h3", { id: "updates-heading" }, "Updates and decisions"),
      updates.length
        ? el("ul", { class: "updates" }, updates.map(updateItem))
        : el("p", { class: "muted" }, "No quarterly update has been sent for this action yet."),
    ),
    el(
      "section",
      { class: "panel", "aria-labelledby": "history-heading" },
      el("h3", { id: "history-heading" }, "History"),
      history.length
        ? el(
            "ol",
            { class: "history" },
            history.map((h) =>
              el("li", {}, el("strong", {}, formatMoment(h.at)), ` ${h.by}: ${h.summary}`),
            ),
          )
        : el("p", { class: "muted" }, "No changes recorded yet."),
    ),
  );
  if (moveFocus) heading.focus();
}
