/** RAG by priority as a horizontal stacked bar chart (chart.js, loaded as /tab/vendor/chart.js). */
const SERIES = [
  { label: "Red", key: "Red", colour: "--rag-red", filter: "Red" },
  { label: "Amber", key: "Amber", colour: "--rag-amber", filter: "Amber" },
  { label: "Green", key: "Green", colour: "--rag-green", filter: "Green" },
  { label: "Not rated", key: "notRated", colour: "--rag-none", filter: "none" },
];

let chart = null;

function shortName(name, max = 26) {
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Draws (or redraws, after a theme change) the chart; clicking a bar's segment calls
 * `onPick(priority, rag)` so the table can be narrowed to it.
 */
export function drawRagChart(canvas, byPriority, onPick) {
  const css = getComputedStyle(document.documentElement);
  const colour = (name) => css.getPropertyValue(name).trim();
  const text = colour("--fg");
  const grid = colour("--grid");
  const data = {
    labels: byPriority.map((p) => `P${p.priority} ${shortName(p.name)}`),
    datasets: SERIES.map((s) => ({
      label: s.label,
      data: byPriority.map((p) => p[s.key]),
      backgroundColor: colour(s.colour),
      borderColor: colour("--chart-border"),
      borderWidth: 1,
    })),
  };
  globalThis.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  chart?.destroy();
  chart = new globalThis.Chart(canvas, {
    type: "bar",
    data,
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: {
          stacked: true,
          beginAtZero: true,
          ticks: { precision: 0, color: text },
          grid: { color: grid },
          title: { display: true, text: "Actions", color: text },
        },
        y: {
          stacked: true,
          grid: { display: false },
          // At phone width the priority names do not fit: "P3" alone, the name in the tooltip.
          ticks: {
            color: text,
            callback: (_value, index) =>
              canvas.clientWidth < 520 ? `P${byPriority[index].priority}` : data.labels[index],
          },
        },
      },
      plugins: {
        legend: { position: "bottom", labels: { color: text } },
        tooltip: {
          callbacks: {
            title: (items) => {
              const p = byPriority[items[0].dataIndex];
              return `Priority ${p.priority}: ${p.name}`;
            },
          },
        },
      },
      onClick: (_event, elements) => {
        const hit = elements[0];
        if (hit) onPick(byPriority[hit.index].priority, SERIES[hit.datasetIndex].filter);
      },
    },
  });
}

/** The same numbers in words, for screen readers. */
export function describeChart(byPriority) {
  return byPriority
    .map(
      (p) =>
        `Priority ${p.priority}, ${p.name}: ${p.Red} red, ${p.Amber} amber, ${p.Green} green, ${p.notRated} not rated.`,
    )
    .join(" ");
}
