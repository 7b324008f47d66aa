/** At most `limit` requests in any `windowMs` milliseconds. */
export interface WindowRule {
  limit: number;
  windowMs: number;
}

export interface RateLimits {
  /** Applied to each conversation (a 1:1 chat, a channel thread) separately. */
  perConversation: WindowRule[];
  /** Applied to every request the bot makes to the Bot Connector. */
  global: WindowRule[];
}

/**
 * Windows are stretched by 2% so that clocks on Teams' side that run a little differently from
 * ours, or a request counted at a slightly different moment, still land inside the limit.
 */
const SAFETY_STRETCH = 1.02;

const rule = (limit: number, seconds: number): WindowRule => ({
  limit,
  windowMs: Math.ceil(seconds * 1000 * SAFETY_STRETCH),
});

/**
 * Teams' published per-bot-per-conversation limits (7 in 1 s, 8 in 2 s, 60 in 30 s, 1800 in an
 * hour) and the app's global cap (`SEND_RATE_PER_SECOND`, Teams allows 50 per app per tenant).
 */
export function teamsRateLimits(globalPerSecond: number): RateLimits {
  return {
    perConversation: [rule(7, 1), rule(8, 2), rule(60, 30), rule(1800, 3600)],
    global: [perSecondRule(globalPerSecond)],
  };
}

/** A rate as a window rule: whole messages in a second, or one message in a longer window. */
export function perSecondRule(perSecond: number): WindowRule {
  return perSecond >= 1 ? rule(Math.floor(perSecond), 1) : rule(1, 1 / Math.max(perSecond, 0.001));
}
