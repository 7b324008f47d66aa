import { download, getJson } from "./api.js";
import { byId, el, fill, formatDay, keepTableSemantics, ragBadge } from "./dom.js";
import { appHref } from "./nav.js";
import { describeChart, drawRagChart, priorityBars, sectionBars } from "./rag-chart.js";
import { showTrend } from "./trend-chart.js";

/** The filters kept in the address, so a filtered view can be bookmarked, shared and reloaded. */
const FILTER_KEYS = ["priority", "section", "lead", "rag", "overdue", "awaiting", "mine"];
const CHECKBOXES = ["overdue", "awaiting", "mine"];
/** Filters whose values belong to one plan: another plan's priority 3 or lead list is its own. */
const PLAN_OWN_FILTERS = ["priority", "section", "lead"];

let wired = false;
let latestRequest = 0;
let lastPlan = null;
/** The plans the viewer may open, asked once per page load; the picker shows when there are two or more. */
let plansRequest = null;

/** The chosen plan (?plan=) and the filters, as the address holds them, for /api/plan. */
function filtersFromAddress() {
  const here = new URLSearchParams(location.search);
  return ["plan", ...FILTER_KEYS].filter((key) => here.get(key)).map((key) => [key, here.get(key)]);
}

/** `?plan=<id>` for links and downloads, only when there is a choice of plan. */
function planParams(plan, plans) {
  return plans.length > 1 ? [["plan", plan.plan.id]] : [];
}

/** Another plan: its own filters no longer mean anything, so they are cleared with the choice. */
function choosePlan(id) {
  const url = new URL(location.href);
  url.searchParams.set("plan", id);
  for (const key of PLAN_OWN_FILTERS) url.searchParams.delete(key);
  history.replaceState({}, "", url.pathname + url.search);
  load();
}

function showPicker(plans, chosen) {
  byId("plan-picker").hidden = plans.length < 2;
  const select = byId("f-plan");
  fill(
    select,
    plans.map((p) => el("option", { value: p.id }, p.name)),
  );
  select.value = chosen;
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
  form.elements.namedItem("section").value = filters.section ?? "";
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
  byId("f-plan").addEventListener("change", (event) => choosePlan(event.target.value));
  byId("download").addEventListener("click", onDownload);
  byId("download-report").addEventListener("click", onDownloadReport);
  // A chat card's link names the quarter (?report=2026-Q3): the button says which it will fetch.
  const quarter = reportQuarter();
  if (quarter) byId("download-report").textContent = `Download the ${quarter} report (Word)`;
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
    // The report is of the plan on screen.
    const plan = new URLSearchParams(location.search).get("plan") ?? lastPlan?.plan.id;
    const name = await download(
      "/api/export.xlsx",
      "plan-tracker.xlsx",
      plan ? [["plan", plan]] : [],
    );
    status.textContent = `Downloaded ${name}.`;
  } catch (error) {
    status.textContent = before;
    byId("problem").textContent = error.message;
    byId("problem").hidden = false;
  }
}

/** The quarter a link asked for, else none: the server then gives the review just held. */
function reportQuarter() {
  const quarter = new URLSearchParams(location.search).get("report") ?? "";
  return /^\d{4}-Q[1-4]$/.test(quarter) ? quarter : null;
}

async function onDownloadReport() {
  const status = byId("results-count");
  const before = status.textContent;
  status.textContent = "Preparing the quarter's report…";
  try {
    const plan = new URLSearchParams(location.search).get("plan") ?? lastPlan?.plan.id;
    const quarter = reportQuarter();
    const params = [...(plan ? [["plan", plan]] : []), ...(quarter ? [["quarter", quarter]] : [])];
    const name = await download("/api/report.docx", "plan-tracker-report.docx", params);
    status.textContent = `Downloaded ${name}.`;
  } catch (error) {
    status.textContent = before;
    byId("problem").textContent = error.message;
    byId("problem").hidden = false;
  }
}

/** Clicking a bar's segment narrows the table to that priority (or section) and RAG. */
function pick(bar, rag) {
  const form = byId("filters");
  if (bar.section !== undefined) form.elements.namedItem("section").value = bar.section;
  else form.elements.namedItem("priority").value = String(bar.priority);
  form.elements.namedItem("rag").value = rag;
  writeFiltersToAddress(form);
  load();
}

function drawChart(plan) {
  // A plan without priorities is charted by its sections.
  const bySection = plan.chartBy === "section";
  const bars = bySection ? sectionBars(plan.bySection) : priorityBars(plan.byPriority);
  byId("chart-heading").textContent = bySection ? "RAG by section" : "RAG by priority";
  byId("chart-table-group").textContent = bySection ? "Section" : "Priority";
  byId("chart-table-caption").textContent =
    `Actions shown, by ${bySection ? "section" : "priority"} and RAG`;
  drawRagChart(byId("rag-chart"), bars, pick);
  showTrend(plan.byQuarter ?? []);
  byId("chart-summary").textContent = describeChart(bars);
  fill(
    byId("chart-table").tBodies[0],
    bars.map((p) =>
      el(
        "tr",
        {},
        el("th", { scope: "row" }, bySection ? p.section : `${p.priority}. ${p.name}`),
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
function actionRow(a, linkParams) {
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
        {
          href: appHref(
            `/tab/actions/${encodeURIComponent(a.ref)}${linkParams.length ? `?${new URLSearchParams(linkParams)}` : ""}`,
          ),
          "data-route": true,
        },
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
  plansRequest ??= getJson("/api/plans").then(
    (answer) => answer.plans,
    (error) => {
      plansRequest = null; // asked again on the next load, not failed for good
      throw error;
    },
  );
  const [plan, plans] = await Promise.all([
    getJson("/api/plan", filtersFromAddress()),
    plansRequest,
  ]);
  // A slower answer to an older filter must not overwrite a newer one.
  if (request !== latestRequest) return;
  lastPlan = plan;
  showPicker(plans, plan.plan.id);
  const linkParams = planParams(plan, plans);
  const bySection = plan.chartBy === "section";
  byId("f-priority-field").hidden = bySection;
  byId("f-section-field").hidden = !bySection;
  fillOptions(
    byId("f-section"),
    "All sections",
    plan.bySection.map((s) => [s.section, s.section]),
  );
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
  const rows = plan.actions.map((a) => actionRow(a, linkParams));
  if (rows.length === 0)
    rows.push(
      el(
        "tr",
        { role: "row" },
        el(
          "td",
          { role: "cell", colspan: 7 },
          plan.notice ?? "No actions match these filters. Clear a filter to see more.",
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
