/**
 * RAG by priority (or by section, for a plan without priorities) as a horizontal stacked bar chart
 * (chart.js, loaded as /tab/vendor/chart.js). Each bar: `tick` (short, for a phone), `label`,
 * `title` (the tooltip's and the screen reader's words) and its counts.
 */
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

/** The plan's priorities as bars. */
export function priorityBars(byPriority) {
  return byPriority.map((p) => ({
    ...p,
    tick: `P${p.priority}`,
    label: `P${p.priority} ${shortName(p.name)}`,
    title: `Priority ${p.priority}: ${p.name}`,
    spoken: `Priority ${p.priority}, ${p.name}`,
  }));
}

/** A plan without priorities: its sections as bars. */
export function sectionBars(bySection) {
  return bySection.map((s) => ({
    ...s,
    tick: shortName(s.section, 12),
    label: shortName(s.section),
    title: s.section,
    spoken: `Section ${s.section}`,
  }));
}

/**
 * Draws (or redraws, after a theme change) the chart; clicking a bar's segment calls
 * `onPick(bar, rag)` so the table can be narrowed to it.
 */
export function drawRagChart(canvas, bars, onPick) {
  const css = getComputedStyle(document.documentElement);
  const colour = (name) => css.getPropertyValue(name).trim();
  const text = colour("--fg");
  const grid = colour("--grid");
  const data = {
    labels: bars.map((bar) => bar.label),
    datasets: SERIES.map((s) => ({
      label: s.label,
      data: bars.map((bar) => bar[s.key]),
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
              canvas.clientWidth < 520 ? bars[index].tick : data.labels[index],
          },
        },
      },
      plugins: {
        legend: { position: "bottom", labels: { color: text } },
        tooltip: {
          callbacks: {
            title: (items) => bars[items[0].dataIndex].title,
          },
        },
      },
      onClick: (_event, elements) => {
        const hit = elements[0];
        if (hit) onPick(bars[hit.index], SERIES[hit.datasetIndex].filter);
      },
    },
  });
}

/** The same numbers in words, for screen readers. */
export function describeChart(bars) {
  return bars
    .map(
      (p) =>
        `${p.spoken}: ${p.Red} red, ${p.Amber} amber, ${p.Green} green, ${p.notRated} not rated.`,
    )
    .join(" ");
}
