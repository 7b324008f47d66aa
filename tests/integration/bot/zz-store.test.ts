import { it } from "vitest";
import { startTestApp } from "../../support/start-test-app.ts";
it("store latency", async () => {
  const t = await startTestApp({ skipSamplePlan: true });
  const c = t.store.containers.outbox;
  for (let i = 0; i < 300; i++) await c.items.create({ id: `x${i}`, state: "pending", card: { body: "x".repeat(300) } });
  const seq: number[] = [];
  for (let i = 0; i < 30; i++) { const s = performance.now(); const { resource } = await c.item(`x${i}`, `x${i}`).read(); await c.item(`x${i}`, `x${i}`).replace({ ...resource, n: 1 }); seq.push(performance.now() - s); }
  const par: number[] = [];
  await Promise.all(Array.from({ length: 30 }, async (_, i) => { const s = performance.now(); const { resource } = await c.item(`x${i}`, `x${i}`).read(); await c.item(`x${i}`, `x${i}`).replace({ ...resource, n: 2 }); par.push(performance.now() - s); }));
  const q: number[] = [];
  for (let i = 0; i < 5; i++) { const s = performance.now(); await t.store.outbox.listOpen(); q.push(performance.now() - s); }
  const med = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)]?.toFixed(1);
  console.log("read+replace sequential", med(seq), "parallel(30)", med(par), "listOpen(300)", med(q));
  await t.close();
}, 120000);
