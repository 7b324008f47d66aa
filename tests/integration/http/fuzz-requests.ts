import fc from "fast-check";
import type { PlainRequest } from "./raw-request.ts";

/** Every route the server has, as a client would name it. */
const ROUTES = [
  "/healthz",
  "/api/messages",
  "/api/me",
  "/api/plan",
  "/api/actions/CSC-01",
  "/api/signoff-queue",
  "/api/export.xlsx",
  "/api/nothing",
  "/tab",
  "/tab/actions/CSC-07",
  "/tab/signoff",
  "/tab/config",
  "/tab/icon.svg",
  "/tab/assets/app.js",
  "/tab/vendor/teams-js.js",
  "/tab/vendor/__proto__",
  "/cards",
  "/playground",
  "/playground/cards.json",
  "/",
];

/** Routes that take a name from the path: where decoding and look-ups go wrong. */
const WITH_PARAM = ["/api/actions/", "/tab/actions/", "/tab/assets/", "/tab/vendor/", "/api/", "/"];

/** Percent-encodings and names that broke servers before: lone `%`, cut UTF-8, NUL, traversal. */
const NASTY = [
  "%",
  "%%",
  "%E0%A4%A",
  "%C0%AF",
  "%00",
  "%FF",
  "..%2f",
  "..%2F..%2Fconfig.ts",
  "..",
  "%2e%2e",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "prototype",
  "CSC-01%",
  "%u0041",
  ";",
  "*",
  "(",
];

/**
 * Printable ASCII but space, sent unescaped. (Bytes past ASCII are refused by node's own parser
 * before the server sees them; the malformed request lines below include one.)
 */
const pathChar = fc.integer({ min: 0x21, max: 0x7e });
const pathText = (maxLength: number) =>
  fc.array(pathChar, { maxLength }).map((codes) => String.fromCharCode(...codes));

const segment = fc.oneof(
  fc.constantFrom(...NASTY),
  pathText(12),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);

const path = fc.oneof(
  { arbitrary: fc.constantFrom(...ROUTES), weight: 4 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...WITH_PARAM), fc.array(segment, { minLength: 1, maxLength: 3 }))
      .map(([prefix, parts]) => `${prefix}${parts.join("")}`),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...ROUTES), segment)
      .map(([route, extra]) => `${route}/${extra}`),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom(
      "//api/plan",
      "/api//me",
      "/tab/",
      "/TAB",
      "/api/actions/",
      "/api/actions//x",
    ),
    weight: 1,
  },
);

const query = fc.option(
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom("as", "priority", "rag", "lead", "q", "__proto__", "a[b]", "%", ""),
          pathText(6),
        ),
        fc.oneof(fc.constantFrom("%", "%E0%A4%A", "sam.patel@council.gov.uk", "Red"), pathText(8)),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}`),
  { nil: "" },
);

const method = fc.oneof(
  { arbitrary: fc.constant("GET"), weight: 6 },
  { arbitrary: fc.constant("POST"), weight: 4 },
  {
    arbitrary: fc.constantFrom("HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND"),
    weight: 3,
  },
);

/** Header values within node's 16 KB header limit; what a confused or hostile client sends. */
const headerValue = fc.oneof(
  fc.constantFrom("", "x", "Bearer", "Bearer a.b.c", "Bearer %", "Basic Zm9vOmJhcg=="),
  fc
    .array(fc.integer({ min: 0x20, max: 0x7e }), { maxLength: 40 })
    .map((c) => String.fromCharCode(...c)),
  // Two of these stay inside node's 16 KB header limit; past it node refuses with 431 itself.
  fc.integer({ min: 1_000, max: 7_000 }).map((n) => "A".repeat(n)),
);

const headers = fc.record(
  {
    "content-type": fc.constantFrom(
      "application/json",
      "application/json; charset=utf-8",
      "application/json; charset=latin1",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "image/png",
      "nonsense",
    ),
    "content-encoding": fc.constantFrom("gzip", "br", "deflate", "identity", "x-made-up"),
    authorization: headerValue,
    accept: fc.constantFrom("*/*", "application/json", "text/html", ""),
    "x-fuzz": headerValue,
  },
  { requiredKeys: [] },
);

/** JSON nested this deep: parsers and validators that recurse should refuse it, not crash. */
const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

const body = fc.option(
  fc.oneof(
    fc.constantFrom("{not json", "", "null", "[]", '"text"', "1e999", '{"__proto__":{"x":1}}'),
    fc.integer({ min: 100, max: 20_000 }).map(deep),
    fc
      .integer({ min: 10_000, max: 700_000 })
      .map((n) => JSON.stringify({ type: "message", text: "x".repeat(n) })),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc
      .record({
        type: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        serviceUrl: fc.oneof(fc.string(), fc.integer()),
        conversation: fc.oneof(fc.object(), fc.string()),
        from: fc.oneof(fc.object(), fc.constant(null)),
      })
      .map((v) => JSON.stringify(v)),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  ),
  { nil: undefined },
);

/** One request that a client might send, however badly made. */
export const fuzzRequest: fc.Arbitrary<PlainRequest> = fc
  .oneof(
    { arbitrary: fc.record({ method, path, query, headers, body }), weight: 3 },
    // The one route that reads a body gets a share of its own.
    {
      arbitrary: fc.record({
        method: fc.constant("POST"),
        path: fc.constant("/api/messages"),
        query,
        headers,
        body: body.filter((b) => b !== undefined),
      }),
      weight: 1,
    },
  )
  .map((r) => {
    const request: PlainRequest = {
      method: r.method,
      path: `${r.path}${r.query}`,
      headers: r.headers as Record<string, string>,
      // node's client cannot send a body with HEAD.
      body: r.method === "HEAD" ? undefined : r.body,
    };
    // A failure names the request in one line, not with its 700 KB body.
    return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
  });

/** `POST /api/messages (content-type: text/plain, x-fuzz: 12000 chars; body 700,021 bytes)`. */
export function describeRequest(r: PlainRequest): string {
  const headers = Object.entries(r.headers)
    .map(
      ([name, value]) =>
        `${name}: ${value.length > 40 ? `${value.length} chars` : JSON.stringify(value)}`,
    )
    .join(", ");
  const body =
    r.body === undefined
      ? "no body"
      : r.body.length > 80
        ? `body ${r.body.length.toLocaleString("en-GB")} bytes`
        : `body ${JSON.stringify(String(r.body))}`;
  return `${r.method} ${r.path} (${headers}; ${body})`;
}

/** Request lines no well-made client sends; node's parser or the server must answer each. */
export const MALFORMED_REQUESTS = [
  "GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET http://x:99999/healthz HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET http://[::1/api/plan HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET /api/actions/% HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET * HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET //evil.example/tab HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET a HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET /tab/vendor/%E0%A4%A HTTP/1.1\r\nHost: [\r\n\r\n",
  "GET / HTTP/9.9\r\nHost: x\r\n\r\n",
  "BREW /coffee HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET /tab/\xe4\xff HTTP/1.1\r\nHost: x\r\n\r\n",
  "POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
  "POST /api/messages HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
  `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${"A".repeat(20_000)}\r\n\r\n`,
  "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
];
