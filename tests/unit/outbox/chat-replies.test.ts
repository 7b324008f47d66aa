import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/logger.ts";
import { ChatReplies } from "../../../src/outbox/chat-replies.ts";

/** A reply the test lets go when it chooses. */
function gate() {
  let open: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { done, open, fail };
}

function setUp(goesNow: boolean) {
  const logged: string[] = [];
  const logger = createLogger("warn", (line) => logged.push(line));
  const replies = new ChatReplies({ limiter: { canGoNow: () => goesNow }, logger });
  return { replies, logged };
}

describe("replies in one chat", () => {
  it("does not hold the turn when the chat's limits would make the reply wait", async () => {
    const { replies } = setUp(false);
    const reply = gate();
    let sent = false;
    await replies.send("chat", async () => {
      await reply.done;
      sent = true;
    });
    expect(sent).toBe(false);
    reply.open();
    await replies.drain();
    expect(sent).toBe(true);
  });

  it("sends in the order asked, each after the one before has finished", async () => {
    const { replies } = setUp(false);
    const order: string[] = [];
    const first = gate();
    await replies.send("chat", async () => {
      await first.done;
      order.push("first");
    });
    await replies.send("chat", async () => {
      order.push("second");
    });
    await replies.send("other chat", async () => {
      order.push("other chat");
    });
    await Promise.resolve();
    first.open();
    await replies.drain();
    expect(order.indexOf("first")).toBeLessThan(order.indexOf("second"));
    expect(order).toHaveLength(3);
  });

  it("lets the turn report a reply that fails at once, and logs one that fails later", async () => {
    const now = setUp(true);
    await expect(
      now.replies.send("chat", async () => {
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    await now.replies.drain();
    expect(now.logged).toEqual([]);

    const later = setUp(false);
    await later.replies.send("chat", async () => {
      throw new Error("refused later");
    });
    await later.replies.drain();
    expect(later.logged.join("\n")).toContain("a reply could not be sent");
  });
});
