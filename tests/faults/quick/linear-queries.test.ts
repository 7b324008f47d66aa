import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  installLinearQueries,
  linearGatherers,
  stripUndefined,
} from "../../../src/store/embedded/linear-queries.ts";

/**
 * The embedded store's queries are made linear by rewriting what the SQL engine compiles; every
 * query shape the product uses must give exactly the answer the engine gave before.
 */
const require = createRequire(
  createRequire(import.meta.url).resolve("@vercel/cosmosdb-server/package.json"),
);
const engine = require("@zeit/cosmosdb-query") as {
  default: (sql: string) => { exec(docs: unknown[], o: object): unknown };
};
const transformer = require("@zeit/cosmosdb-query/lib/transformer") as {
  default: (ast: unknown) => unknown;
};
const helpers = require("@zeit/cosmosdb-query/lib/helpers") as {
  stripUndefined: (value: unknown) => unknown;
};
/** The engine's own, taken before anything replaces it. */
const enginesStripUndefined = helpers.stripUndefined;

const QUERIES = [
  'SELECT VALUE COUNT(1) FROM c WHERE c.state = "pending" OR (c.state = "sent" AND IS_OBJECT(c.pendingCard))',
  'SELECT TOP 27 * FROM c WHERE (c.state = "pending") AND c.notBefore <= @now AND (NOT IS_OBJECT(c.claim) OR c.claim.until <= @now) ORDER BY c.queuedAt',
  "SELECT * FROM c WHERE c._ts >= @since",
  "SELECT * FROM c WHERE c.planId = @planId",
  "SELECT c.id, t FROM c JOIN t IN c.tags WHERE t > 1",
  "SELECT * FROM c WHERE ARRAY_CONTAINS(c.roles, @role0) OR ARRAY_CONTAINS(c.roles, @role1)",
  'SELECT c.key, c.to, c.state FROM c WHERE STARTSWITH(c.key, "k1")',
  "SELECT VALUE c FROM c JOIN (SELECT VALUE t FROM t IN c.tags WHERE t = 2)",
  "SELECT c.id, c.missing.deep FROM c",
  'SELECT TOP 27 * FROM c WHERE (c.state = "pending") AND c.notBefore <= @now AND (NOT IS_OBJECT(c.claim) OR c.claim.until <= @now OR c.claim.owner = @owner) ORDER BY c.queuedAt',
  "SELECT * FROM c WHERE ARRAY_CONTAINS(@emails, c.to) OR ARRAY_CONTAINS(@emails, c.key)",
];
const PARAMETERS = [
  { name: "@now", value: 3 },
  { name: "@since", value: 25 },
  { name: "@planId", value: "default" },
  { name: "@role0", value: "dmt" },
  { name: "@role1", value: "admin" },
  { name: "@owner", value: "sender-2" },
  { name: "@emails", value: ["t1", "t3", "k7"] },
];

const docs = Array.from({ length: 500 }, (_, i) => ({
  id: `k${i}`,
  _rid: `r${String(i).padStart(6, "0")}`,
  _ts: i % 50,
  planId: i % 2 ? "default" : "other",
  state: i % 3 ? "pending" : "sent",
  notBefore: i % 7,
  queuedAt: String(9000 - i),
  claim: i % 4 ? null : { until: i % 6, owner: `sender-${i % 3}` },
  pendingCard: i % 5 ? null : { a: [1, undefined, 2] },
  roles: i % 4 ? ["lead"] : ["dmt"],
  tags: [1, 2, 3].slice(0, i % 4),
  key: `k${i}`,
  to: `t${i % 10}`,
  nested: { x: undefined, y: [undefined, { z: undefined }] },
}));

describe("linear queries in the embedded store", () => {
  it("answers every query shape the product uses exactly as the engine did", () => {
    const run = () =>
      QUERIES.map((sql) =>
        JSON.stringify(engine.default(sql).exec(docs, { parameters: PARAMETERS })),
      );
    const before = run();
    installLinearQueries();
    expect(run()).toEqual(before);
  });

  it("leaves no copying accumulator in a compiled query", () => {
    installLinearQueries();
    const parse = require("@zeit/cosmosdb-query/lib/parser") as { parse(sql: string): unknown };
    for (const sql of QUERIES) {
      const compiled = JSON.stringify(transformer.default(parse.parse(sql)));
      expect(compiled).not.toMatch(
        /"type":"SpreadElement","argument":\{"type":"Identifier","name":"\$"/,
      );
    }
    expect(() => linearGatherers(null)).not.toThrow();
  });

  it("strips undefined as the engine's own helper does, and changes nothing it is given", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const unstripped = structuredClone(value);
        expect(stripUndefined(value)).toStrictEqual(enginesStripUndefined(value));
        expect(value).toStrictEqual(unstripped);
      }),
    );
  });

  it("hands a stored document back without copying it, as nothing in it is undefined", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (document) => {
        expect(stripUndefined(document)).toBe(document);
      }),
    );
    const projected = { id: "1", missing: undefined, list: [1, undefined, { a: undefined }] };
    expect(stripUndefined(projected)).toStrictEqual({ id: "1", list: [1, {}] });
  });
});
