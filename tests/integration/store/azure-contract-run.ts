import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDEXING_POLICY } from "../../../src/store/containers.ts";
import {
  checkId,
  checkOrderBy,
  MAX_BATCH_BYTES,
  MAX_BATCH_OPERATIONS,
  MAX_ITEM_BYTES,
} from "../../../src/store/embedded/azure-rules.ts";
import { type StoreCall, watchStoreCalls } from "../../../src/store/embedded/store-calls.ts";
import { runCliHere } from "../../support/run-cli.ts";
import {
  decisionData,
  QUARTER,
  type SignOffWorld,
  startSignOffWorld,
} from "../signoff/signoff-fixture.ts";

/**
 * Everything a full run sends to the store, held to Azure Cosmos DB's rules: the sample plan and a
 * larger plan imported (some actions with long notes), a review round opened, an update
 * submitted and approved, questions asked, the plan exported as CSV, JSON and Excel and the
 * quarter's Word report written. Each query's ORDER BY must be served by the indexing policy the
 * containers are declared with, each batch must be within 100 operations and 2 MB in one
 * partition, each item within 2 MB with an id Azure accepts, each point operation must name its
 * partition key.
 */
function largePlanCsv(size: number): string {
  const header =
    "Ref,Priority,Section,Delivery Area,Development Action,Expected Outcome,Lead,Completion Date,RAG,Action We Will Take,How Will We Know,Progress Update";
  const rows = Array.from({ length: size }, (_, i) => {
    const n = i + 1;
    // Every fiftieth action carries a long progress note (about 20 KB).
    const progress =
      n % 50 === 0 ? "Audit findings shared with every team. ".repeat(500) : "On track.";
    return [
      `LP-${String(n).padStart(4, "0")}`,
      String((n % 4) + 1),
      `Section ${(n % 6) + 1}`,
      `Area ${(n % 9) + 1}`,
      `Improve practice standard ${n} across the locality teams`,
      `Children see the difference in standard ${n}`,
      `Locality Team ${(n % 40) + 1}`,
      "March 2027",
      ["Red", "Amber", "Green"][n % 3],
      "Audit monthly",
      "Audit results",
      progress,
    ]
      .map((cell) => `"${cell}"`)
      .join(",");
  });
  return `${header}\n${rows.join("\n")}\n`;
}

/** The run and its checks, with a second plan of `size` actions; the fault suite runs 10,000. */
export function describeAzureContract(o: {
  size: number;
  timeoutMs: number;
  /** Also the Excel export, the Word report and the listings. */
  everything: boolean;
}): void {
  const { size, timeoutMs } = o;
  describe(`what a full run with a ${size}-action plan sends to the store, against Azure Cosmos DB's rules`, () => {
    const calls: StoreCall[] = [];
    let stopWatching: () => void = () => {};
    let w: SignOffWorld;
    let folder: string;

    beforeAll(async () => {
      stopWatching = watchStoreCalls((call) => calls.push(call));
      folder = await mkdtemp(join(tmpdir(), "plan-tracker-contract-"));
      w = await startSignOffWorld();
      const env = { DATA_DIR: w.t.dataDir };
      const cli = async (args: string[]) => {
        const result = await runCliHere(args, env);
        expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
        return result;
      };

      const csv = join(folder, "locality-plan.csv");
      await writeFile(csv, largePlanCsv(size));
      await cli(["import", csv, "--plan", "Locality plan"]);

      expect((await w.t.say(w.sam, "start review")).status).toBe(200);
      await w.t.idle();
      const update = await w.submit("CSC-07");
      expect((await w.t.press(w.dee, "approveUpdate", decisionData(update))).status).toBe(200);
      await w.t.idle();
      for (const question of [
        "what's red for priority 3",
        "what is overdue for HoS",
        "what's red in the locality plan",
        "review status",
      ]) {
        expect((await w.t.say(w.manager, question)).status).toBe(200);
      }
      await cli(["export", "--format", "csv"]);
      await cli(["export", "--format", "json", "--plan", "Locality plan"]);
      // The Excel export and the Word report read what the CSV export reads, at length: the fault
      // suite's run has them, the quick one leaves them out.
      if (!o.everything) return;
      await cli([
        "export",
        "--format",
        "xlsx",
        "--plan",
        "Locality plan",
        "--out",
        join(folder, "plan.xlsx"),
      ]);
      await cli([
        "report",
        "--quarter",
        QUARTER,
        "--plan",
        "Rutland Children and Young People Development Plan 2022-23",
        "--out",
        join(folder, "report.docx"),
      ]);
      await cli(["plans", "--json"]);
      await cli(["review", "status", "--json"]);
    }, timeoutMs);

    afterAll(async () => {
      stopWatching();
      await w?.close();
      await rm(folder, { recursive: true, force: true });
    });

    it("was refused nothing by the store", () => {
      expect(calls.filter((call) => call.refusal)).toEqual([]);
    });

    it("orders only by what the declared indexing policy serves", () => {
      const queries = calls.filter((call) => call.kind === "query");
      const ordered = queries.filter((call) => /\bORDER\s+BY\b/i.test(call.sql ?? ""));
      expect(ordered.length).toBeGreaterThan(0);
      const unserved = [...new Set(queries.map((call) => call.sql ?? ""))]
        .map((sql) => ({ sql, refusal: checkOrderBy(sql, INDEXING_POLICY) }))
        .filter(({ refusal }) => refusal);
      expect(unserved).toEqual([]);
    });

    it("keeps every batch to 100 operations and 2 MB in one partition, and every bulk request to 100", () => {
      const batches = calls.filter((call) => call.kind === "batch");
      const bulks = calls.filter((call) => call.kind === "bulk");
      // The import wrote its whole plan (one partition) in transactional batches, none refused and
      // none left to be written again one by one, the largest a full 100.
      const actionBatches = batches.filter((call) => call.container === "actions");
      const batched = actionBatches.reduce((sum, call) => sum + (call.operations ?? 0), 0);
      expect(batched).toBeGreaterThanOrEqual(size);
      expect(Math.max(...actionBatches.map((call) => call.operations ?? 0))).toBe(
        MAX_BATCH_OPERATIONS,
      );
      for (const call of [...batches, ...bulks]) {
        expect(call.operations).toBeLessThanOrEqual(MAX_BATCH_OPERATIONS);
        expect(call.bytes).toBeLessThanOrEqual(MAX_BATCH_BYTES);
      }
      for (const batch of batches) expect(batch.partitionKey).not.toBeNull();
    });

    it("writes items under 2 MB with ids Azure accepts, and names the partition of every point operation", () => {
      const writes = calls.filter((call) => call.kind === "write");
      expect(writes.length).toBeGreaterThan(0);
      for (const write of writes) expect(write.bytes).toBeLessThanOrEqual(MAX_ITEM_BYTES);
      const badIds = calls
        .flatMap((call) => call.ids)
        .filter((id) => id !== undefined && checkId(id) !== null);
      expect(badIds).toEqual([]);
      const points = calls.filter((call) => call.kind === "point");
      expect(points.length).toBeGreaterThan(0);
      expect(points.filter((call) => call.partitionKey === null)).toEqual([]);
    });
  });
}
