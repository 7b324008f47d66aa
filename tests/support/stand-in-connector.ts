import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * An Adaptive Card as JSON. Loosely typed on purpose: tests read cards freely and check their
 * shape with `validate-card.ts` rather than through types.
 */
// biome-ignore lint/suspicious/noExplicitAny: card JSON as tests read it
export type CardJson = any;

/**
 * A stand-in for the Bot Connector (Teams' side of the Bot Framework REST API v3) on localhost.
 * It records everything the bot asks for, answers like Teams does (payload shapes from Microsoft's
 * Bot Connector reference and Teams' bot docs), and can be told to throttle (429 + Retry-After),
 * fail (503) or refuse (403) requests, by count, by conversation or at random from a seed.
 */

export interface TeamsUser {
  /** The Bot Framework id, `29:…`. */
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
  userPrincipalName: string;
  tenantId: string;
}

export type RequestKind =
  | "send"
  | "reply"
  | "update"
  | "createConversation"
  | "getMember"
  | "pagedMembers"
  | "other";

/** One request as it arrived (every attempt, including the ones answered with an error). */
export interface RecordedRequest {
  /** `performance.now()` of this process when the request arrived. */
  at: number;
  method: string;
  path: string;
  kind: RequestKind;
  conversationId: string | null;
  status: number;
  body: unknown;
}

/** A message that reached the conversation (sends and replies answered 201), or a card update. */
export interface Delivered {
  at: number;
  kind: "send" | "reply" | "update";
  conversationId: string;
  activityId: string;
  replyToId: string | null;
  activity: Record<string, unknown> & {
    attachments?: Array<{ contentType: string; content: CardJson }>;
  };
}

export interface FaultRule {
  status: number;
  /** Seconds, sent as Retry-After (429). */
  retryAfterSeconds?: number;
  /** How many matching requests get this answer; unlimited when absent. */
  times?: number;
  /** Which requests: by kind (default: sends, replies, updates, conversation creation). */
  kinds?: RequestKind[];
  conversationId?: string;
}

/**
 * Teams' limit across the whole app: at most `perSecond` messages accepted in any second (sends,
 * replies, card updates and chat creation together); beyond that, 429 with a Retry-After.
 */
export interface AppLimit {
  perSecond: number;
  /** Sent as Retry-After; default 1. */
  retryAfterSeconds?: number;
}

/** At most `limit` messages in any `windowMs` milliseconds in one conversation (Teams: 7 in 1 s...). */
export interface ChatLimit {
  limit: number;
  windowMs: number;
}

/** Teams' published limits per bot per conversation. */
export const TEAMS_CHAT_LIMITS: ChatLimit[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

export interface RandomFaults {
  seed: number;
  /** Each request of the given kinds fails with `status` with probability `rate`. */
  faults: Array<{ status: number; rate: number; retryAfterSeconds?: number }>;
  kinds?: RequestKind[];
}

const MESSAGE_KINDS: RequestKind[] = ["send", "reply", "update", "createConversation"];

export class StandInConnector {
  readonly requests: RecordedRequest[] = [];
  readonly delivered: Delivered[] = [];
  readonly users = new Map<string, TeamsUser>();
  /** Team or group chat id → its roster, as `pagedmembers` pages it. */
  readonly rosters = new Map<string, TeamsUser[]>();
  /** Teams may return fewer members per page than asked for; tests set this to force paging. */
  maxPageSize = 500;
  readonly tenantId = "3f3d1cea-7a18-41af-872b-cfbbd5140984";

  private rules: Array<FaultRule & { used: number }> = [];
  private random: { next: () => number; spec: RandomFaults } | null = null;
  private readonly blocked = new Map<string, number>();
  private appLimit: AppLimit | null = null;
  /** When each message accepted under the app limit arrived, oldest first. */
  private accepted: number[] = [];
  private chatLimits: ChatLimit[] | null = null;
  /** Per conversation, when each message accepted under the chat limits arrived, oldest first. */
  private readonly acceptedInChat = new Map<string, number[]>();
  private holding = false;
  private readonly held = new Set<ServerResponse>();
  private readonly sockets = new Set<Socket>();
  private readonly watchers = new Set<() => void>();
  private activityCounter = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<StandInConnector> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    // Teams' serviceUrl ends with a slash, e.g. https://smba.trafficmanager.net/uk/.
    const connector = new StandInConnector(server, `http://127.0.0.1:${port}/teams/`);
    server.on("connection", (socket) => {
      connector.sockets.add(socket);
      socket.on("close", () => connector.sockets.delete(socket));
    });
    server.on("request", (req, res) => void connector.handle(req, res));
    return connector;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A Teams user with stable ids derived from their email. */
  addUser(p: { email: string; name: string; userPrincipalName?: string }): TeamsUser {
    const slug = Buffer.from(p.email.toLowerCase()).toString("base64url");
    const user: TeamsUser = {
      id: `29:1${slug}`,
      name: p.name,
      aadObjectId: aadIdFor(p.email),
      email: p.email,
      userPrincipalName: p.userPrincipalName ?? p.email,
      tenantId: this.tenantId,
    };
    this.users.set(user.id, user);
    return user;
  }

  setRoster(conversationId: string, members: TeamsUser[]): void {
    for (const member of members) this.users.set(member.id, member);
    this.rosters.set(conversationId, members);
  }

  /** The 1:1 chat id Teams gives the bot and this user (the same on every create). */
  personalConversationOf(user: Pick<TeamsUser, "id">): string {
    return `a:1${Buffer.from(user.id).toString("base64url")}`;
  }

  /** Messages (sends and replies) that reached a conversation, in arrival order. */
  messagesIn(conversationId: string): Delivered[] {
    return this.delivered.filter((d) => d.kind !== "update" && d.conversationId === conversationId);
  }

  /** The cards delivered to a user's 1:1 chat. */
  cardsTo(user: Pick<TeamsUser, "id">): CardJson[] {
    return this.messagesIn(this.personalConversationOf(user)).flatMap(cardsOf);
  }

  inject(rule: FaultRule): void {
    this.rules.push({ ...rule, used: 0 });
  }

  randomFaults(spec: RandomFaults): void {
    this.random = { next: seededRandom(spec.seed), spec };
  }

  /** Every message to this conversation is refused from now on (blocked or uninstalled). */
  block(conversationId: string, status = 403): void {
    this.blocked.set(conversationId, status);
  }

  /** From now on each conversation is held to every one of `limits` (null lifts them). */
  limitChats(limits: ChatLimit[] | null): void {
    this.chatLimits = limits;
    this.acceptedInChat.clear();
  }

  /** From now on the app as a whole is held to `limit` (null lifts it). */
  limitApp(limit: AppLimit | null): void {
    this.appLimit = limit;
    this.accepted = [];
  }

  clearFaults(): void {
    this.rules = [];
    this.random = null;
    this.blocked.clear();
    this.appLimit = null;
  }

  /** From now on requests get no answer and reach nobody, as if the network swallowed them. */
  hold(): void {
    this.holding = true;
  }

  /** Answers again; requests held until now are dropped (their connections are cut). */
  resume(): void {
    this.holding = false;
    for (const res of this.held) res.socket?.destroy();
    this.held.clear();
  }

  get heldCount(): number {
    return this.held.size;
  }

  /** Resolves once `condition` holds, checked as each request arrives; rejects after `timeoutMs`. */
  waitFor(condition: () => boolean, timeoutMs = 20_000, what = "the connector"): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        this.watchers.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.watchers.delete(check);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`));
      }, timeoutMs);
      this.watchers.add(check);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const body = await readJson(req);
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = routeOf(req.method ?? "GET", url.pathname);
    const record: RecordedRequest = {
      at,
      method: req.method ?? "GET",
      path: url.pathname + url.search,
      kind: route.kind,
      conversationId: route.conversationId,
      status: 0,
      body,
    };
    this.requests.push(record);
    if (this.holding) {
      this.held.add(res);
      record.status = -1;
      this.notify();
      return;
    }
    const fault = this.faultFor(route) ?? this.overChatLimit(route) ?? this.overAppLimit(route);
    if (fault) {
      record.status = fault.status;
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (fault.retryAfterSeconds !== undefined)
        headers["retry-after"] = String(fault.retryAfterSeconds);
      res.writeHead(fault.status, headers);
      res.end(
        JSON.stringify({
          error: { code: codeFor(fault.status), message: "Injected by the test." },
        }),
      );
      this.notify();
      return;
    }
    const [status, answer] = this.answer(route, url, body, at);
    record.status = status;
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(answer));
    this.notify();
  }

  private answer(route: Route, url: URL, body: unknown, at: number): [number, unknown] {
    switch (route.kind) {
      case "createConversation": {
        const request = body as
          | { members?: Array<{ id?: unknown }>; isGroup?: boolean }
          | undefined;
        const member = request?.members?.[0]?.id;
        if (typeof member !== "string" || request?.isGroup)
          return [400, error("BadSyntax", "One member, isGroup false.")];
        return [201, { id: this.personalConversationOf({ id: member }) }];
      }
      case "getMember": {
        const user = this.users.get(route.userId ?? "");
        return user
          ? [200, user]
          : [404, error("MemberNotFoundInConversation", "Member not found.")];
      }
      case "pagedMembers": {
        const roster = this.rosters.get(route.conversationId ?? "");
        if (!roster) return [404, error("ConversationNotFound", "Conversation not found.")];
        const asked = Number(url.searchParams.get("pageSize") ?? 200);
        const size = Math.max(1, Math.min(asked, this.maxPageSize));
        const start = Number(url.searchParams.get("continuationToken") ?? 0);
        const members = roster.slice(start, start + size);
        const next = start + size < roster.length ? String(start + size) : undefined;
        return [200, next ? { members, continuationToken: next } : { members }];
      }
      case "send":
      case "reply":
      case "update": {
        const activityId =
          route.kind === "update" ? (route.activityId as string) : `1:${++this.activityCounter}`;
        this.delivered.push({
          at,
          kind: route.kind,
          conversationId: route.conversationId as string,
          activityId,
          replyToId: route.kind === "reply" ? (route.activityId as string) : null,
          activity: (body ?? {}) as Delivered["activity"],
        });
        return [route.kind === "update" ? 200 : 201, { id: activityId }];
      }
      default:
        return [404, error("NotFound", "Not a Bot Connector route.")];
    }
  }

  private faultFor(route: Route): { status: number; retryAfterSeconds?: number } | null {
    if (
      route.conversationId &&
      this.blocked.has(route.conversationId) &&
      MESSAGE_KINDS.includes(route.kind)
    ) {
      return { status: this.blocked.get(route.conversationId) as number };
    }
    for (const rule of this.rules) {
      if (rule.times !== undefined && rule.used >= rule.times) continue;
      if (!(rule.kinds ?? MESSAGE_KINDS).includes(route.kind)) continue;
      if (rule.conversationId && rule.conversationId !== route.conversationId) continue;
      rule.used++;
      return rule;
    }
    if (this.random && (this.random.spec.kinds ?? MESSAGE_KINDS).includes(route.kind)) {
      const roll = this.random.next();
      let edge = 0;
      for (const fault of this.random.spec.faults) {
        edge += fault.rate;
        if (roll < edge) return fault;
      }
    }
    return null;
  }

  /** A 429 when the app has had its fill of messages in the last second; else counts this one. */
  private overAppLimit(route: Route): { status: number; retryAfterSeconds: number } | null {
    const limit = this.appLimit;
    if (!limit || !MESSAGE_KINDS.includes(route.kind)) return null;
    // Counted when answered (bodies are read first, so arrival order and answer order can differ).
    const at = performance.now();
    while (this.accepted.length > 0 && (this.accepted[0] as number) <= at - 1_000)
      this.accepted.shift();
    if (this.accepted.length >= limit.perSecond) {
      return { status: 429, retryAfterSeconds: limit.retryAfterSeconds ?? 1 };
    }
    this.accepted.push(at);
    return null;
  }

  /** A 429 when the conversation has had its fill in any of its windows; else counts this one. */
  private overChatLimit(route: Route): { status: number; retryAfterSeconds: number } | null {
    const limits = this.chatLimits;
    if (!limits || !route.conversationId || !MESSAGE_KINDS.includes(route.kind)) return null;
    const at = performance.now();
    const times = this.acceptedInChat.get(route.conversationId) ?? [];
    for (const { limit, windowMs } of limits) {
      if (times.filter((t) => t > at - windowMs).length >= limit) {
        return { status: 429, retryAfterSeconds: 1 };
      }
    }
    times.push(at);
    this.acceptedInChat.set(route.conversationId, times);
    return null;
  }

  private notify(): void {
    for (const watcher of [...this.watchers]) watcher();
  }
}

interface Route {
  kind: RequestKind;
  conversationId: string | null;
  userId?: string;
  activityId?: string;
}

function routeOf(method: string, pathname: string): Route {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const at = parts.indexOf("v3");
  const rest = at >= 0 ? parts.slice(at + 1) : [];
  if (rest[0] !== "conversations") return { kind: "other", conversationId: null };
  const [, conversationId, what, id] = rest;
  if (!conversationId)
    return { kind: method === "POST" ? "createConversation" : "other", conversationId: null };
  if (what === "members" && id && method === "GET")
    return { kind: "getMember", conversationId, userId: id };
  if (what === "pagedmembers" && method === "GET") return { kind: "pagedMembers", conversationId };
  if (what === "activities" && method === "POST") {
    return id
      ? { kind: "reply", conversationId, activityId: id }
      : { kind: "send", conversationId };
  }
  if (what === "activities" && id && method === "PUT")
    return { kind: "update", conversationId, activityId: id };
  return { kind: "other", conversationId };
}

/** The Adaptive Cards in a delivered activity. */
export function cardsOf(delivered: Pick<Delivered, "activity">): CardJson[] {
  return (delivered.activity.attachments ?? [])
    .filter((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
    .map((a) => a.content);
}

/** Every TextBlock text and FactSet value in a card, joined: what a person reads. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (typeof o.text === "string") texts.push(o.text);
      if (typeof o.title === "string") texts.push(o.title);
      if (typeof o.value === "string") texts.push(o.value);
      for (const value of Object.values(o)) if (typeof value === "object") walk(value);
    }
  };
  walk(card);
  return texts.join("\n").replace(/\\([\\`*_[\]()#<>.+-])/g, "$1");
}

function error(code: string, message: string) {
  return { error: { code, message } };
}

function codeFor(status: number): string {
  if (status === 429) return "TooManyRequests";
  if (status === 403) return "ConversationBlockedByUser";
  if (status === 404) return "ConversationNotFound";
  return "ServiceUnavailable";
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function aadIdFor(email: string): string {
  const hex = Buffer.from(email.toLowerCase()).toString("hex").padEnd(32, "0").slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** mulberry32: the same seed gives the same faults, so a failing run can be repeated. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
