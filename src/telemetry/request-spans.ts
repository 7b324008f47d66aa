/**
 * One Application Insights request per HTTP request: method, route, status and duration, and the
 * path without its query string (a query may carry a token). No header is recorded, so neither an
 * Authorization header nor a cookie can reach telemetry.
 */
import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { Request, RequestHandler } from "express";

export function requestSpans(): RequestHandler {
  const tracer = trace.getTracer("plan-tracker");
  return (req, res, next) => {
    const path = req.originalUrl.split("?")[0] ?? "/";
    const span = tracer.startSpan(`${req.method} ${path}`, {
      kind: SpanKind.SERVER,
      attributes: {
        "http.request.method": req.method,
        "url.full": `${req.protocol}://${req.get("host") ?? "localhost"}${path}`,
        "url.path": path,
      },
    });
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      const route = routeOf(req);
      if (route) {
        span.setAttribute("http.route", route);
        span.updateName(`${req.method} ${route}`);
      }
      span.setAttribute("http.response.status_code", res.statusCode);
      // A client's mistake (4xx) is the client's; only the server's own failures count as failed.
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      if (!res.writableFinished) span.setAttribute("http.response.incomplete", true);
      span.end();
    };
    res.once("finish", end);
    res.once("close", end);
    // The store and Teams calls made for this request are reported inside it.
    context.with(trace.setSpan(context.active(), span), next);
  };
}

/** The route as declared ("/api/actions/:id"), so requests group by route, not by id. */
function routeOf(req: Request): string | undefined {
  const path: unknown = req.route?.path;
  return typeof path === "string" ? `${req.baseUrl}${path}` : undefined;
}
