import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../../src/clock.ts";
import { type Action, ActionSchema } from "../../../src/domain/action.ts";
import { DEFAULT_PLAN_ID } from "../../../src/domain/plan.ts";
import { ContainerMirror } from "../../../src/query/container-mirror.ts";
import { changedRows } from "../../../src/store/changed-rows.ts";
import type { Store } from "../../../src/store/store.ts";
import { openTempStore } from "../../support/temp-store.ts";
import { planAction } from "./answer-reading.ts";

const SETUP = { id: "test", name: "Test setup" };

/**
 * With the embedded store in the process, a refresh asks the store only when a document in the
 * container changed: the question index's polling then costs the store's thread nothing while the
 * plan stands still.
 */
describe("the in-memory copy with the store's change versions", () => {
  let temp: Awaited<ReturnType<typeof openTempStore>>;
  let store: Store;
  let queries = 0;
  let mirror: ContainerMirror<Action>;

  beforeAll(async () => {
    temp = await openTempStore(systemClock, "plan-tracker-versions-");
    store = temp.store;
    const items = store.containers.actions.items;
    const query = items.query.bind(items);
    // Counts the requests the mirror makes; the store and the mirror are the real ones.
    items.query = ((...args: Parameters<typeof query>) => {
      queries += 1;
      return query(...args);
    }) as typeof items.query;
    mirror = new ContainerMirror({
      rows: changedRows(store.containers.actions, { field: "planId", value: "default" }),
      schema: ActionSchema,
      onInvalid: () => {},
      versions: store.changeVersions,
    });
  });
  afterAll(() => temp?.close());

  it("is given change versions by the embedded store", () => {
    expect(store.changeVersions).toBeDefined();
  });

  it("reads nothing while nothing changed, and sees a write at the next refresh", async () => {
    await store.actions.save(planAction("A-1", [1], "Green", "HoS"), SETUP, null);
    expect((await mirror.refresh()).map((c) => c.after.ref)).toEqual(["A-1"]);
    const afterFirst = queries;

    for (let i = 0; i < 5; i++) expect(await mirror.refresh()).toEqual([]);
    expect(queries).toBe(afterFirst);

    // A write to another container does not make this one read.
    await store.people.save(
      { id: "a@council.gov.uk", email: "a@council.gov.uk", name: "A", roles: [], leads: [] },
      SETUP,
      null,
    );
    expect(await mirror.refresh()).toEqual([]);
    expect(queries).toBe(afterFirst);

    const found = await store.actions.get("A-1", DEFAULT_PLAN_ID);
    if (!found) throw new Error("A-1 was not stored");
    await store.actions.save({ ...found.doc, rag: "Red" }, SETUP, found.doc);
    const changes = await mirror.refresh();
    expect(changes.map((c) => [c.before?.rag, c.after.rag])).toEqual([["Green", "Red"]]);
    expect(queries).toBe(afterFirst + 1);
  });
});
