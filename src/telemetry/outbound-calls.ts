/**
 * Outbound calls as Application Insights dependencies, from the diagnostics channels Node already
 * publishes, so no client is wrapped and nothing listens while telemetry is off:
 * - Teams (the Bot Connector, reached with fetch): every call, including the outbox's in the
 *   background, where Teams' throttling shows.
 * - Cosmos DB and anything else on node:http(s): only calls made inside a request being reported.
 *   The Cosmos SDK (4.9) has no tracing of its own, and its background polling (the outbox, the
 *   instances' heartbeats) would otherwise be most of the telemetry and most of its cost. This also
 *   leaves out the exporter's own sends, which run outside any request.
 * Query strings are left out and headers are never read.
 */
import diagnostics from "node:diagnostics_channel";
import type { ClientRequest, IncomingMessage } from "node:http";
import { context, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

interface FetchRequest {
  origin?: unknown;
  method?: unknown;
  path?: unknown;
}

type Listener = (message: unknown) => void;

/** Starts reporting; returns the function that stops it. */
export function traceOutboundCalls(): () => void {
  const tracer = trace.getTracer("plan-tracker");
  const open = new WeakMap<object, Span>();

  const start = (request: object, method: string, origin: string, pathAndQuery: string) => {
    const path = withoutIds(pathAndQuery.split("?")[0] || "/");
    const url = urlOf(origin);
    const span = tracer.startSpan(
      `${method} ${path}`,
      {
        kind: SpanKind.CLIENT,
        // Scheme, host and path rather than a full URL: Application Insights then names the
        // dependency by the span's name, and ids (chats, people's emails) stay out of both.
        attributes: {
          "http.request.method": method,
          "url.scheme": url?.protocol.replace(":", "") ?? "https",
          "server.address": url?.host ?? origin,
          "url.path": path,
        },
      },
      // Where the call was made, so it sits inside the request or job that made it.
      context.active(),
    );
    open.set(request, span);
  };
  const status = (request: object, code: unknown) => {
    const span = open.get(request);
    const value = Number(code);
    if (!span || !Number.isFinite(value)) return;
    span.setAttribute("http.response.status_code", value);
    if (value >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
  };
  const end = (request: object, error?: unknown) => {
    const span = open.get(request);
    if (!span) return;
    open.delete(request);
    if (error !== undefined) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute("error.type", error instanceof Error ? error.name : "Error");
    }
    span.end();
  };

  const listeners: Array<[string, Listener]> = [
    [
      "undici:request:create",
      (m) => {
        const { request } = m as { request: FetchRequest };
        start(
          request,
          String(request.method ?? "GET"),
          String(request.origin ?? ""),
          String(request.path ?? "/"),
        );
      },
    ],
    [
      "undici:request:headers",
      (m) => {
        const { request, response } = m as { request: object; response?: { statusCode?: unknown } };
        status(request, response?.statusCode);
      },
    ],
    ["undici:request:trailers", (m) => end((m as { request: object }).request)],
    [
      "undici:request:error",
      (m) => {
        const { request, error } = m as { request: object; error: unknown };
        end(request, error);
      },
    ],
    [
      "http.client.request.start",
      (m) => {
        if (!trace.getSpan(context.active())?.isRecording()) return;
        const { request } = m as { request: ClientRequest };
        const host = request.getHeader("host") ?? request.host;
        start(request, request.method, `${request.protocol}//${String(host)}`, request.path);
      },
    ],
    [
      "http.client.response.finish",
      (m) => {
        const { request, response } = m as { request: ClientRequest; response: IncomingMessage };
        status(request, response.statusCode);
        end(request);
      },
    ],
    [
      "http.client.request.error",
      (m) => {
        const { request, error } = m as { request: ClientRequest; error: unknown };
        end(request, error);
      },
    ],
  ];
  for (const [name, listener] of listeners) diagnostics.subscribe(name, listener);
  return () => {
    for (const [name, listener] of listeners) diagnostics.unsubscribe(name, listener);
  };
}

/**
 * The path with ids taken out ("/v3/conversations/{id}/activities"), so calls group by what they
 * do rather than by chat or person: a chat id or a person's email is not telemetry's business.
 */
function withoutIds(path: string): string {
  return path
    .split("/")
    .map((segment) =>
      segment === "" || /^(v\d+|[a-z]+(-[a-z]+)*)$/i.test(segment) ? segment : "{id}",
    )
    .join("/");
}

function urlOf(origin: string): URL | undefined {
  try {
    return new URL(origin);
  } catch {
    return undefined;
  }
}
