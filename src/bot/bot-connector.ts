import { ConnectorError, parseRetryAfter } from "../outbox/connector-error.ts";
import type { TokenSource } from "./token-source.ts";

/** A member as the Bot Connector describes them (Teams adds email, UPN and tenant). */
export interface ConnectorMember {
  id: string;
  name?: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
  tenantId?: string;
}

export interface PagedMembers {
  members: ConnectorMember[];
  continuationToken?: string;
}

/** An outgoing activity: for this product always a message with one Adaptive Card. */
export type OutgoingActivity = Record<string, unknown> & { type: string };

export interface BotConnectorOptions {
  tokens: TokenSource;
  /** Per request; a send that times out is retried like a 503. */
  timeoutMs?: number;
}

/**
 * The Bot Connector REST API (v3), one request per call and no retries: rate limits and retries
 * belong to the callers, which must see every attempt to stay inside Teams' limits.
 */
export class BotConnector {
  constructor(private readonly o: BotConnectorOptions) {}

  getMember(serviceUrl: string, conversationId: string, userId: string): Promise<ConnectorMember> {
    return this.call(
      serviceUrl,
      "GET",
      `v3/conversations/${enc(conversationId)}/members/${enc(userId)}`,
    );
  }

  getPagedMembers(
    serviceUrl: string,
    conversationId: string,
    pageSize: number,
    continuationToken?: string,
  ): Promise<PagedMembers> {
    const query = new URLSearchParams({ pageSize: String(pageSize) });
    if (continuationToken) query.set("continuationToken", continuationToken);
    return this.call(
      serviceUrl,
      "GET",
      `v3/conversations/${enc(conversationId)}/pagedmembers?${query.toString()}`,
    );
  }

  /** Opens (or finds: Teams answers with the same id) the 1:1 chat between the bot and a user. */
  createConversation(
    serviceUrl: string,
    p: { userId: string; tenantId: string | null; botId: string | null },
  ): Promise<{ id: string }> {
    return this.call(serviceUrl, "POST", "v3/conversations", {
      isGroup: false,
      ...(p.botId ? { bot: { id: p.botId } } : {}),
      members: [{ id: p.userId }],
      ...(p.tenantId ? { tenantId: p.tenantId, channelData: { tenant: { id: p.tenantId } } } : {}),
    });
  }

  sendToConversation(
    serviceUrl: string,
    conversationId: string,
    activity: OutgoingActivity,
  ): Promise<{ id: string }> {
    return this.call(
      serviceUrl,
      "POST",
      `v3/conversations/${enc(conversationId)}/activities`,
      activity,
    );
  }

  replyToActivity(
    serviceUrl: string,
    conversationId: string,
    replyToId: string,
    activity: OutgoingActivity,
  ): Promise<{ id: string }> {
    return this.call(
      serviceUrl,
      "POST",
      `v3/conversations/${enc(conversationId)}/activities/${enc(replyToId)}`,
      { ...activity, replyToId },
    );
  }

  updateActivity(
    serviceUrl: string,
    conversationId: string,
    activityId: string,
    activity: OutgoingActivity,
  ): Promise<{ id: string }> {
    return this.call(
      serviceUrl,
      "PUT",
      `v3/conversations/${enc(conversationId)}/activities/${enc(activityId)}`,
      { ...activity, id: activityId },
    );
  }

  private async call<T>(
    serviceUrl: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const base = serviceUrl.endsWith("/") ? serviceUrl : `${serviceUrl}/`;
    const url = new URL(path, base);
    let authorization: string | undefined;
    try {
      authorization = await this.o.tokens.authorization();
    } catch (error) {
      throw new ConnectorError(0, `Couldn't get the bot's token to call Teams: ${String(error)}`);
    }
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json; charset=utf-8" }),
          ...(authorization ? { authorization } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 20_000),
      });
    } catch (error) {
      throw new ConnectorError(0, `No answer from Teams at ${url.host}: ${String(error)}`);
    }
    const text = await response.text();
    if (!response.ok) {
      const { code, message } = errorBody(text);
      throw new ConnectorError(
        response.status,
        `${method} ${url.pathname} answered ${response.status}${message ? `: ${message}` : ""}`,
        response.status === 429 ? parseRetryAfter(response.headers.get("retry-after")) : null,
        code,
      );
    }
    return (text ? JSON.parse(text) : {}) as T;
  }
}

const enc = encodeURIComponent;

/** Bot Framework errors look like `{"error":{"code":"…","message":"…"}}`. */
function errorBody(text: string): { code: string | null; message: string | null } {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    return {
      code: typeof parsed.error?.code === "string" ? parsed.error.code : null,
      message: typeof parsed.error?.message === "string" ? parsed.error.message : null,
    };
  } catch {
    return { code: null, message: text.slice(0, 200) || null };
  }
}
