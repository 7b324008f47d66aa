import { QUESTIONS, benchAction } from "./bench/question-latency.ts";
import { SAMPLE_PLAN } from "./src/domain/plan.ts";
import { forEachLimited } from "./src/review/run-limited.ts";
import { StandInConnector } from "./tests/support/stand-in-connector.ts";
import { startTestApp } from "./tests/support/start-test-app.ts";
import { monitorEventLoopDelay } from "node:perf_hooks";

const connector = await StandInConnector.start();
const t = await startTestApp({ connector, skipSamplePlan: true });
await t.store.plans.save(SAMPLE_PLAN, { id: "b", name: "b" }, null);
const batches = Array.from({ length: 100 }, (_, b) => b);
await forEachLimited(batches, 4, async (b) => {
  const ops = Array.from({ length: 100 }, (_, i) => { const a = benchAction(b * 100 + i); return { operationType: "Create" as const, resourceBody: { ...a, id: a.ref } }; });
  await t.store.containers.actions.items.batch(ops, "default");
});
const managers = []; for (let i = 0; i < 40; i++) managers.push(await t.addPerson({ email: `m${i}@c.gov.uk`, name: `M${i}`, roles: ["manager"] }));
let turn = 0;
const url = `http://127.0.0.1:${t.app.port}/api/messages`;
const post = async (text: string) => { const s = performance.now(); const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(t.activity.message(managers[turn++ % managers.length]!, text)) }); await r.arrayBuffer(); return performance.now() - s; };
for (const _ of managers) await post("help");
const h = monitorEventLoopDelay({ resolution: 5 }); h.enable();
console.log("first", await post(QUESTIONS[0]!));
const times: Record<string, number[]> = {};
const start = performance.now();
for (let i = 0; i < 200; i++) { const q = QUESTIONS[i % 10]!; (times[q] ??= []).push(await post(q)); }
console.log("elapsed", performance.now() - start);
for (const [q, ts] of Object.entries(times)) { ts.sort((a, b) => a - b); console.log(q.padEnd(32), ts.map((x) => Math.round(x)).join(" ")); }
const helps: number[] = []; for (let i = 0; i < 20; i++) helps.push(await post("help")); console.log("help", helps.map(Math.round).join(" "));
console.log("loop delay max", h.max / 1e6, "p99", h.percentile(99) / 1e6);
await t.close(); await connector.close();
