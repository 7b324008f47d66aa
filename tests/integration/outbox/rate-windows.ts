import type { RecordedRequest } from "../../support/stand-in-connector.ts";

/** The most timestamps that fall in any half-open window [t, t + windowMs). */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    while (end < sorted.length && (sorted[end] as number) < (sorted[start] as number) + windowMs)
      end++;
    most = Math.max(most, end - start);
  }
  return most;
}

/** Per conversation, the busiest window of requests Teams would have seen (every attempt counts). */
export function busiestConversationWindow(
  requests: readonly RecordedRequest[],
  windowMs: number,
): number {
  const byConversation = new Map<string, number[]>();
  for (const r of requests) {
    if (!r.conversationId || !["send", "reply", "update"].includes(r.kind)) continue;
    byConversation.set(r.conversationId, [...(byConversation.get(r.conversationId) ?? []), r.at]);
  }
  return Math.max(
    0,
    ...[...byConversation.values()].map((times) => busiestWindow(times, windowMs)),
  );
}
