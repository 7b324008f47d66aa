import { it } from "vitest";
import type { TeamsUser } from "../../support/stand-in-connector.ts";
import { startTestApp } from "../../support/start-test-app.ts";
it("measures", async () => {
  const t = await startTestApp({ skipSamplePlan: true, env: { SEND_RATE_PER_SECOND: "100" } });
  const people = Array.from({ length: 30 }, (_, i) => t.addTeamsUser({ email: `p${i}@x.gov.uk`, name: `P${i}` }));
  await t.installInTeam({ id: "19:t", name: "T" }, people[0] as TeamsUser, people);
  const sends = [];
  for (let n = 0; n < 300; n++) sends.push(t.messenger.send({ key: `k${n}`, to: (people[n % 30] as TeamsUser).email, card: { n }, summary: "s" }));
  await Promise.all(sends);
  await t.idle();
  const w = ((globalThis as any).__windows as number[]).sort((a, b) => a - b);
  console.log("windows ms: median", w[Math.floor(w.length / 2)]?.toFixed(1), "p90", w[Math.floor(w.length * 0.9)]?.toFixed(1), "max", w.at(-1)?.toFixed(1), "n", w.length);
  await t.close();
}, 120000);
