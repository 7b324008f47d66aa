import {
  cardsOf,
  cardText,
  type Delivered,
  type RecordedRequest,
} from "../../support/stand-in-connector.ts";

/** What reached Teams, counted against what should have: each expected message exactly once. */
export interface DeliveryTally {
  expected: number;
  /** Distinct expected messages that arrived. */
  delivered: number;
  /** Extra copies of messages that had already arrived. */
  duplicates: number;
  /** Expected messages that never arrived. */
  lost: number;
  /** Messages that arrived but were not expected (wrong person, wrong content). */
  unexpected: number;
}

/**
 * `identify` names a delivered message (e.g. "ACT-00042 to lead2@…"), or null for messages this
 * count ignores (replies to the person who typed, other rounds).
 */
export function tallyDeliveries(
  delivered: readonly Delivered[],
  expected: ReadonlySet<string>,
  identify: (d: Delivered) => string | null,
): DeliveryTally & { copies: Map<string, number> } {
  const copies = new Map<string, number>();
  for (const d of delivered) {
    if (d.kind !== "send") continue;
    const name = identify(d);
    if (name !== null) copies.set(name, (copies.get(name) ?? 0) + 1);
  }
  let duplicates = 0;
  let unexpected = 0;
  let arrived = 0;
  for (const [name, n] of copies) {
    if (!expected.has(name)) unexpected += n;
    else {
      arrived += 1;
      duplicates += n - 1;
    }
  }
  return {
    expected: expected.size,
    delivered: arrived,
    duplicates,
    lost: expected.size - arrived,
    unexpected,
    copies,
  };
}

/** The first Ref a delivered card mentions, e.g. "ACT-00042". */
export function firstRef(d: Delivered, pattern = /ACT-\d{5}/): string | null {
  const match = pattern.exec(JSON.stringify(d.activity.attachments ?? []));
  return match ? match[0] : null;
}

/** How many copies of each message reached Teams, of those whose card text starts `<prefix>-`. */
export function copiesOf(delivered: readonly Delivered[], prefix: string): Map<string, number> {
  const copies = new Map<string, number>();
  for (const d of delivered) {
    const text = cardText(cardsOf(d)[0]);
    if (text.startsWith(`${prefix}-`)) copies.set(text, (copies.get(text) ?? 0) + 1);
  }
  return copies;
}

/** The most message requests Teams saw in any one second, from every instance together. */
export function busiestSecond(requests: readonly RecordedRequest[]): number {
  const times = requests
    .filter((r) => r.kind === "send" || r.kind === "createConversation")
    .map((r) => r.at)
    .sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] as number) - (times[j] as number) >= 1_000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
