/**
 * The RAG mix at the end of each quarter, from DMT's decisions, as a vertical stacked bar chart
 * (chart.js): one bar per quarter, oldest on the left. The same numbers are always shown as a
 * table beside it, since a chart alone cannot be read by everyone.
 */
import { byId, el, fill } from "./dom.js";

const SERIES = [
  { label: "Red", key: "Red", colour: "--rag-red" },
  { label: "Amber", key: "Amber", colour: "--rag-amber" },
  { label: "Green", key: "Green", colour: "--rag-green" },
  { label: "Not rated", key: "notRated", colour: "--rag-none" },
];

let chart = null;

/** "2026-Q3" → "Q3 2026-27", short enough for a phone; the full months are in the table. */
function tick(quarter, current) {
  const [year, n] = quarter.split("-");
  const short = `${n} ${year}-${String((Number(year) + 1) % 100).padStart(2, "0")}`;
  return current ? `${short} (so far)` : short;
}

function rowHeading(q) {
  return q.current ? `${q.label}, so far` : q.label;
}

function draw(canvas, quarters) {
  const css = getComputedStyle(document.documentElement);
  const colour = (name) => css.getPropertyValue(name).trim();
  const text = colour("--fg");
  globalThis.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  chart?.destroy();
  chart = new globalThis.Chart(canvas, {
    type: "bar",
    data: {
      labels: quarters.map((q) => tick(q.quarter, q.current)),
      datasets: SERIES.map((s) => ({
        label: s.label,
        data: quarters.map((q) => q[s.key]),
        backgroundColor: colour(s.colour),
        borderColor: colour("--chart-border"),
        borderWidth: 1,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { stacked: true, grid: { display: false }, ticks: { color: text } },
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: { precision: 0, color: text },
          grid: { color: colour("--grid") },
          title: { display: true, text: "Actions", color: text },
        },
      },
      plugins: {
        legend: { position: "bottom", labels: { color: text } },
        tooltip: { callbacks: { title: (items) => rowHeading(quarters[items[0].dataIndex]) } },
      },
    },
  });
}

/** Draws the trend and fills its table; hides the panel while no update has been written. */
export function showTrend(quarters) {
  const panel = byId("trend-panel");
  panel.hidden = quarters.length === 0;
  if (quarters.length === 0) return;
  draw(byId("trend-chart"), quarters);
  byId("trend-summary").textContent = quarters
    .map(
      (q) =>
        `${rowHeading(q)}: ${q.Red} red, ${q.Amber} amber, ${q.Green} green, ${q.notRated} not rated.`,
    )
    .join(" ");
  fill(
    byId("trend-table").tBodies[0],
    quarters.map((q) =>
      el(
        "tr",
        {},
        el("th", { scope: "row" }, rowHeading(q)),
        ...SERIES.map((s) => el("td", {}, q[s.key])),
      ),
    ),
  );
}
