/**
 * The embedded server's SQL engine (@zeit/cosmosdb-query) compiles each query into JavaScript that
 * gathers the container's documents with `reduce(($, c) => [...$, { c }], [])`, and cleans each
 * result with a `stripUndefined` built the same way. Every step copies everything gathered so far,
 * so a query is quadratic in the container's size: reading a 10,000-item outbox or plan took 200 ms
 * of the server's only thread and tens of megabytes of garbage, several times a second during a
 * review round. This makes both linear, with the same results: the compiled gatherers push onto
 * their accumulator (a fresh array per query), and `stripUndefined` builds each array once.
 */
import { createRequire } from "node:module";
import { installLazyGeometry } from "./lazy-geometry.ts";

type Node = { type: string; [field: string]: unknown };

const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && typeof (value as Node).type === "string";

const isAccumulator = (node: unknown): boolean =>
  isNode(node) && node.type === "Identifier" && node.name === "$";

/** `[...$, a, ...b]` → `($.push(a, ...b), $)`; anything else is left as it is. */
function pushInstead(body: unknown): Node | null {
  if (!isNode(body) || body.type !== "ArrayExpression") return null;
  const [first, ...rest] = body.elements as Node[];
  if (first?.type !== "SpreadElement" || !isAccumulator(first.argument)) return null;
  const accumulator = { type: "Identifier", name: "$" };
  const push = {
    type: "CallExpression",
    callee: {
      type: "MemberExpression",
      object: accumulator,
      property: { type: "Identifier", name: "push" },
      computed: false,
    },
    arguments: rest,
  };
  return { type: "SequenceExpression", expressions: [push, { ...accumulator }] };
}

/** Rewrites every `($, x) => [...$, …]` (plain or behind a `? :`) in a compiled query's AST. */
export function linearGatherers(ast: unknown): void {
  if (Array.isArray(ast)) {
    for (const item of ast) linearGatherers(item);
    return;
  }
  if (!isNode(ast)) return;
  const params = ast.params as unknown[] | undefined;
  if (ast.type === "ArrowFunctionExpression" && params?.length === 2 && isAccumulator(params[0])) {
    const body = ast.body as Node;
    const plain = pushInstead(body);
    if (plain) ast.body = plain;
    else if (body.type === "ConditionalExpression") {
      const consequent = pushInstead(body.consequent);
      if (consequent) body.consequent = consequent;
    }
  }
  for (const value of Object.values(ast)) if (typeof value === "object") linearGatherers(value);
}

/**
 * As the engine's own: `undefined` left out of arrays and objects. The engine copies every result
 * to do it, yet results read whole from stored documents (a `SELECT *`) never hold `undefined`,
 * and a start-up's read of a 10,000-action plan made ~40 MB of copies only to serialise them. So
 * a value without `undefined` anywhere in it is handed back as it is (a point read hands out the
 * stored document too; the library never changes a stored document in place: a write replaces it),
 * and only one with `undefined` in it is copied without.
 */
export function stripUndefined(value: unknown): unknown {
  return holdsUndefined(value) ? copyWithoutUndefined(value) : value;
}

function holdsUndefined(value: unknown): boolean {
  if (Array.isArray(value)) {
    for (const item of value) if (item === undefined || holdsUndefined(item)) return true;
    return false;
  }
  if (value && typeof value === "object") {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined || holdsUndefined(item)) return true;
    }
  }
  return false;
}

function copyWithoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) if (item !== undefined) out.push(copyWithoutUndefined(item));
    return out;
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = copyWithoutUndefined(item);
    }
    return out;
  }
  return value;
}

let installed = false;

/** Patches the engine the embedded server loads (the copy its own `require` finds), once. */
export function installLinearQueries(): void {
  if (installed) return;
  installed = true;
  installLazyGeometry();
  const server = createRequire(import.meta.url).resolve("@vercel/cosmosdb-server/package.json");
  const require = createRequire(server);
  const transformer = require("@zeit/cosmosdb-query/lib/transformer") as {
    default: (ast: unknown) => unknown;
  };
  const helpers = require("@zeit/cosmosdb-query/lib/helpers") as {
    stripUndefined: (value: unknown) => unknown;
  };
  const transform = transformer.default;
  transformer.default = (ast) => {
    const compiled = transform(ast);
    linearGatherers(compiled);
    return compiled;
  };
  helpers.stripUndefined = stripUndefined;
}
