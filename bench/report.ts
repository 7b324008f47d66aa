/** The benchmark table, as text for the terminal and as Markdown for RESULTS.md. */

export interface Row {
  measure: string;
  result: string;
  target: string;
  met: boolean;
}

export interface About {
  date: string;
  quick: boolean;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
}

const verdict = (met: boolean) => (met ? "met" : "MISSED");

function heading(about: About): string {
  const m = about.machine;
  return `${about.date.slice(0, 10)} on ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node} (${m.platform})${about.quick ? " — QUICK sizes, not the targets'" : ""}`;
}

export function renderText(rows: readonly Row[], about: About): string {
  const widths = [
    Math.max(7, ...rows.map((r) => r.measure.length)),
    Math.max(6, ...rows.map((r) => r.target.length)),
  ];
  const lines = rows.map(
    (r) =>
      `${r.measure.padEnd(widths[0] as number)}  ${r.target.padEnd(widths[1] as number)}  ${verdict(r.met).padEnd(6)}  ${r.result}`,
  );
  const header = `${"measure".padEnd(widths[0] as number)}  ${"target".padEnd(widths[1] as number)}  ${"".padEnd(6)}  result`;
  return [heading(about), "", header, ...lines].join("\n");
}

export function renderMarkdown(rows: readonly Row[], about: About): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  return [
    `Measured ${heading(about)}.`,
    "",
    "| measure | result | target | |",
    "|---|---|---|---|",
    ...rows.map(
      (r) => `| ${cell(r.measure)} | ${cell(r.result)} | ${cell(r.target)} | ${verdict(r.met)} |`,
    ),
  ].join("\n");
}
