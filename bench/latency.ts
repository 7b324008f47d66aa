/** Timing helpers shared by the latency benchmarks. */
import type { BuiltActivity, PostResult } from "../tests/support/start-test-app.ts";

/** The p-th percentile (nearest rank) of `values`, rounded to 0.1 ms. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 10) / 10;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Posts an activity as Teams would and returns the answer with how long it took. */
export async function timedPost(
  url: string,
  activity: BuiltActivity,
): Promise<PostResult & { ms: number }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // botbuilder answers some errors in plain text.
  }
  return { status: response.status, body, ms };
}
