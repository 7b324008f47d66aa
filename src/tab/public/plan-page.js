import { download, getJson } from "./api.js";
import { byId, el, fill, formatDay, keepTableSemantics, ragBadge } from "./dom.js";
import { appHref } from "./nav.js";
import { describeChart, drawRagChart } from "./rag-chart.js";

/** The filters kept in the address, so a filtered view can be bookmarked, shared and reloaded. */
const FILTER_KEYS = ["priority", "lead", "rag", "overdue", "awaiting", "mine"];
const CHECKBOXES = ["overdue", "awaiting", "mine"];

let wired = false;
let latestRequest = 0;
let lastPlan = null;

function filtersFromAddress() {
  const here = new URLSearchParams(location.search);
  return FILTER_KEYS.filter((key) => here.get(key)).map((key) => [key, here.get(key)]);
}

/** Writes the form's filters into the address, keeping anything else there (?as=, ?theme=). */
function writeFiltersToAddress(form) {
  const url = new URL(location.href);
  for (const key of FILTER_KEYS) url.searchParams.delete(key);
  for (const key of FILTER_KEYS) {
    const input = form.elements.namedItem(key);
    const value = CHECKBOXES.includes(key) ? (input.checked ? "1" : "") : input.value;
    if (value) url.searchParams.set(key, value);
  }
  history.replaceState({}, "", url.pathname + url.search);
}

function setForm(form, filters) {
  form.elements.namedItem("priority").value = filters.priority ?? "";
  form.elements.namedItem("lead").value = filters.lead ?? "";
  form.elements.namedItem("rag").value = filters.rag ?? "";
  form.elements.namedItem("overdue").checked = filters.overdue;
  form.elements.namedItem("awaiting").checked = filters.awaitingSignOff;
  form.elements.namedItem("mine").checked = filters.mine;
}

function fillOptions(select, first, options) {
  const chosen = select.value;
  fill(
    select,
    el("option", { value: "" }, first),
    options.map(([value, label]) => el("option", { value }, label)),
  );
  select.value = chosen;
}

function wire() {
  const form = byId("filters");
  form.addEventListener("change", () => {
    writeFiltersToAddress(form);
    load();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    for (const key of FILTER_KEYS) {
      const input = form.elements.namedItem(key);
      if (CHECKBOXES.includes(key)) input.checked = false;
      else input.value = "";
    }
    writeFiltersToAddress(form);
    load();
  });
  byId("download").addEventListener("click", onDownload);
  keepTableSemantics(byId("actions-table"));
  window.addEventListener("plan-tracker-theme", () => {
    if (lastPlan && !byId("view-plan").hidden) drawChart(lastPlan);
  });
}

async function onDownload() {
  const status = byId("results-count");
  const before = status.textContent;
  status.textContent = "Preparing the board report…";
  try {
    const name = await download("/api/export.xlsx", "plan-tracker.xlsx");
    status.textContent = `Downloaded ${name}.`;
  } catch (error) {
    status.textContent = before;
    byId("problem").textContent = error.message;
    byId("problem").hidden = false;
  }
}

/** Clicking a bar's segment narrows the table to that priority and RAG. */
function pick(priority, rag) {
  const form = byId("filters");
  form.elements.namedItem("priority").value = String(priority);
  form.elements.namedItem("rag").value = rag;
  writeFiltersToAddress(form);
  load();
}

function drawChart(plan) {
  drawRagChart(byId("rag-chart"), plan.byPriority, pick);
  byId("chart-summary").textContent = describeChart(plan.byPriority);
  fill(
    byId("chart-table").tBodies[0],
    plan.byPriority.map((p) =>
      el(
        "tr",
        {},
        el("th", { scope: "row" }, `${p.priority}. ${p.name}`),
        el("td", {}, p.Red),
        el("td", {}, p.Amber),
        el("td", {}, p.Green),
        el("td", {}, p.notRated),
      ),
    ),
  );
}

function statusChips(a) {
  const chips = [];
  if (a.overdue) chips.push(el("li", { class: "chip chip-overdue" }, "Overdue"));
  if (a.awaitingSignOff) chips.push(el("li", { class: "chip" }, "Awaiting sign-off"));
  if (a.complete) chips.push(el("li", { class: "chip" }, "Complete"));
  if (a.signedOff) chips.push(el("li", { class: "chip" }, "Signed off"));
  return chips.length ? el("ul", { class: "chips" }, chips) : el("span", { class: "muted" }, "—");
}

/** A table row; explicit roles keep table semantics when phone-width CSS turns rows into cards. */
function actionRow(a) {
  // One wrapper per cell: at phone width the cell is a two-column grid of label and content.
  const cell = (label, className, ...content) =>
    el("td", { role: "cell", "data-label": label, class: className }, el("div", {}, ...content));
  return el(
    "tr",
    { role: "row" },
    cell(
      "Ref",
      "ref",
      el(
        "a",
        { href: appHref(`/tab/actions/${encodeURIComponent(a.ref)}`), "data-route": true },
        a.ref,
      ),
    ),
    cell("Action", "", a.title),
    cell("Lead", "", a.lead),
    cell("Priority", "", a.priorities.join("; ") || "—"),
    cell("Due", "due", a.due ? formatDay(a.due) : a.completionDate || "No date"),
    cell("RAG", "", ragBadge(a.rag)),
    cell("Status", "", statusChips(a)),
  );
}

function describeCount(plan) {
  // A lead is shown only the actions they lead; say so, so a short list doesn't look like a fault.
  const noun = `${plan.total === 1 ? "action" : "actions"}${plan.reach === "ownActions" ? " you lead" : ""}`;
  return plan.shown === plan.total
    ? `Showing all ${plan.total} ${noun}`
    : `Showing ${plan.shown} of ${plan.total} ${noun}`;
}

async function load() {
  const request = ++latestRequest;
  const plan = await getJson("/api/plan", filtersFromAddress());
  // A slower answer to an older filter must not overwrite a newer one.
  if (request !== latestRequest) return;
  lastPlan = plan;
  fillOptions(
    byId("f-priority"),
    "All priorities",
    plan.plan.priorities.map((p) => [String(p.number), `${p.number}. ${p.name}`]),
  );
  fillOptions(
    byId("f-lead"),
    "All leads",
    plan.leads.map((l) => [l, l]),
  );
  setForm(byId("filters"), plan.filters);
  drawChart(plan);
  byId("results-count").textContent = describeCount(plan);
  const body = byId("actions-table").tBodies[0];
  const rows = plan.actions.map(actionRow);
  if (rows.length === 0)
    rows.push(
      el(
        "tr",
        { role: "row" },
        el(
          "td",
          { role: "cell", colspan: 7 },
          "No actions match these filters. Clear a filter to see more.",
        ),
      ),
    );
  fill(body, rows);
}

export async function showPlan({ moveFocus }) {
  byId("view-plan").hidden = false;
  document.title = "The plan: Plan Tracker";
  if (!wired) {
    wire();
    wired = true;
  }
  await load();
  if (moveFocus) byId("plan-heading").focus?.();
}
