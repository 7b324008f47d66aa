import { describe, expect, it } from "vitest";
import {
  markedCardPut,
  markedSent,
  newOutboxItem,
  withReplacementCard,
} from "../../../src/store/outbox-items.ts";
import type { OutboxItem } from "../../../src/store/outbox-repo.ts";

const FORM = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [{ type: "TextBlock", text: "CSC-07" }],
};
const SUBMITTED = { ...FORM, body: [{ type: "TextBlock", text: "Submitted" }] };
const delivery = (cardVersion: number) => ({
  serviceUrl: "https://smba.example/",
  conversationId: "a:chat",
  activityId: "1",
  sentAt: "2026-11-23T09:00:00.000Z",
  cardVersion,
});
const queued = (): OutboxItem =>
  newOutboxItem(
    {
      key: "review:2026-Q3:open:CSC-07:hos@council.gov.uk",
      to: "hos@council.gov.uk",
      card: FORM,
      summary: "Update CSC-07",
    },
    new Date("2026-11-23T09:00:00Z"),
  );

describe("what the outbox keeps of a message once Teams has it", () => {
  it("drops a delivered card and keeps its summary line", () => {
    const sent = markedSent(queued(), delivery(0));
    expect(sent).toMatchObject({ state: "sent", card: {}, pendingCard: null });
    expect(sent.summary).toBe("Update CSC-07");
  });

  it("keeps a card asked for while the first one was on its way, until it is put", () => {
    const changed = withReplacementCard(queued(), SUBMITTED) as OutboxItem;
    const sent = markedSent(changed, delivery(0));
    expect(sent).toMatchObject({ card: SUBMITTED, pendingCard: SUBMITTED });
    const put = markedCardPut(sent, 1);
    expect(put).toMatchObject({ card: {}, pendingCard: null, delivery: { cardVersion: 1 } });
  });

  it("keeps a newer card still waiting when an older one was put", () => {
    const sent = markedSent(queued(), delivery(0));
    const once = withReplacementCard(sent, SUBMITTED) as OutboxItem;
    const twice = withReplacementCard(once, FORM) as OutboxItem;
    const put = markedCardPut(twice, once.cardVersion);
    expect(put.pendingCard).toEqual(FORM);
    expect(put.delivery?.cardVersion).toBe(once.cardVersion);
  });
});
