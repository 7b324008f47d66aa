import type { Reporter, TestModule } from "vitest/node";
import type { FaultRecord } from "./fault-record.ts";

/** Prints every fault case's figures after the run: messages checked, duplicates, losses. */
export default class FaultSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const rows: Array<{ name: string; state: string; record: FaultRecord | undefined }> = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        rows.push({ name: test.fullName, state: test.result().state, record: test.meta().fault });
      }
    }
    const counted = rows.filter((r) => r.record);
    const sum = (pick: (r: FaultRecord) => number) =>
      counted.reduce((total, r) => total + pick(r.record as FaultRecord), 0);
    const lines = [
      "",
      "Fault suite summary",
      ...rows.map(({ name, state, record }) => {
        const figures = record
          ? `${record.messages} messages, ${record.duplicates} duplicates${repeats(record.unrecordedRepeats)}, ${record.lost} lost${record.note ? ` (${record.note})` : ""}`
          : "no delivery count";
        return `  ${state === "passed" ? "✓" : state === "failed" ? "✗" : "-"} ${name}: ${figures}`;
      }),
      `  ${rows.length} cases (${rows.filter((r) => r.state === "passed").length} passed), ${sum((r) => r.messages)} messages, ${sum((r) => r.duplicates)} duplicates${repeats(sum((r) => r.unrecordedRepeats ?? 0))}, ${sum((r) => r.lost)} lost`,
      "",
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  }
}

/** " (+1 resent after kill -9: in Teams, not yet recorded)", or nothing. */
function repeats(n: number | undefined): string {
  return n ? ` (+${n} resent after kill -9: in Teams, not yet recorded)` : "";
}
