import { getJson } from "./api.js";
import { byId, el, fill, formatMoment, keepTableSemantics, ragBadge } from "./dom.js";
import { appHref } from "./nav.js";

/**
 * The queue holds every plan's updates. An item's link names its plan unless it is the first plan's
 * and no plan is chosen (one plan: links as they always were).
 */
function actionHref(item) {
  const named = item.planId !== "default" || new URLSearchParams(location.search).has("plan");
  const query = named ? `?${new URLSearchParams({ plan: item.planId })}` : "";
  return appHref(`/tab/actions/${encodeURIComponent(item.ref)}${query}`);
}

function row(item, severalPlans) {
  const cell = (label, ...content) =>
    el(
      "td",
      {
        role: "cell",
        "data-label": label,
        class: label === "Ref" ? "ref" : label === "RAG" ? "nowrap" : "",
      },
      el("div", {}, ...content),
    );
  const waiting = `${item.workingDaysWaiting} working day${item.workingDaysWaiting === 1 ? "" : "s"}`;
  return el(
    "tr",
    { role: "row" },
    cell("Ref", el("a", { href: actionHref(item), "data-route": true }, item.ref)),
    cell(
      "Action",
      item.title,
      el("div", { class: "muted" }, item.lead),
      severalPlans ? el("div", { class: "muted" }, item.planName) : null,
    ),
    cell("Quarter", item.quarterLabel),
    cell(
      "Submitted by",
      item.submittedBy,
      el("div", { class: "muted" }, formatMoment(item.submittedAt)),
    ),
    cell(
      "Waiting",
      // The server says which are slow, by the same rule as DMT's reminder card.
      item.slowDecision ? el("strong", {}, waiting) : waiting,
    ),
    cell(
      "RAG",
      item.previousRag ? ragBadge(item.previousRag) : el("span", { class: "muted" }, "unrated"),
      " → ",
      ragBadge(item.proposedRag),
    ),
  );
}

/** DMT's queue: every update waiting for a decision. */
export async function showSignOff({ moveFocus }) {
  byId("view-signoff").hidden = false;
  document.title = "Sign-off queue: Plan Tracker";
  keepTableSemantics(byId("signoff-table"));
  const { items } = await getJson("/api/signoff-queue");
  byId("signoff-count").textContent =
    items.length === 0
      ? "Nothing is waiting for sign-off."
      : `${items.length} update${items.length === 1 ? "" : "s"} waiting for a decision.`;
  const severalPlans = new Set(items.map((item) => item.planId)).size > 1;
  fill(
    byId("signoff-table").tBodies[0],
    items.map((item) => row(item, severalPlans)),
  );
  byId("signoff-table").hidden = items.length === 0;
  if (moveFocus) byId("signoff-heading").focus();
}
