import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AppOptions, type RunningApp, startApp } from "../../src/app.ts";
import type { Clock } from "../../src/clock.ts";
import type { Person, Role } from "../../src/domain/person.ts";
import type { Logger } from "../../src/logger.ts";
import type { Messenger } from "../../src/messaging.ts";
import type { Store } from "../../src/store/store.ts";
import { type CardJson, StandInConnector, type TeamsUser } from "./stand-in-connector.ts";

/**
 * The real app (embedded store in a temp folder, real HTTP) with a stand-in Bot Connector, and
 * helpers that post what Teams would post to `/api/messages`.
 */

export interface StartTestAppOptions {
  /** Extra environment, e.g. `SEND_RATE_PER_SECOND` or botbuilder's token settings. */
  env?: Record<string, string | undefined>;
  /** Reuse a running stand-in (it is then not closed with the app). */
  connector?: StandInConnector;
  /** Reuse a data folder (a restart); otherwise a fresh temp folder, removed on close. */
  dataDir?: string;
  /** Leave the store empty instead of loading the sample plan (as `serve` does). */
  skipSamplePlan?: boolean;
  clock?: Clock;
  logger?: Logger;
  /** Sees every request the app's embedded store answers (benchmarks count round trips). */
  onStoreRequest?: AppOptions["onStoreRequest"];
  /** The Authorization header for each posted activity (token tests); none in development mode. */
  authorize?: (activity: Activity) => Promise<string | undefined>;
}

/** An activity as Teams posts it; the factory's always have an id and a conversation. */
export interface Activity {
  type: string;
  id?: string;
  text?: string;
  conversation?: { id: string; [field: string]: unknown };
  [field: string]: unknown;
}

export type BuiltActivity = Activity & {
  id: string;
  conversation: { id: string; [field: string]: unknown };
};

export interface TestTeam {
  id: string;
  name: string;
}

/**
 * Where a message is typed: the person's 1:1 chat (default), a team's channel or a group chat.
 * `mention`: the text starts with the bot's @mention (default: no in a 1:1 chat, yes elsewhere).
 */
export type Where =
  | { scope?: "personal"; mention?: boolean }
  | { scope: "channel"; team: TestTeam; mention?: boolean }
  | { scope: "groupChat"; chatId: string; mention?: boolean };

export interface PostResult {
  status: number;
  /** Parsed JSON when the answer is JSON, else the text. */
  body: unknown;
}

export interface InvokeResult extends PostResult {
  /** The invoke response's content type, `application/vnd.microsoft.card.adaptive` for a card. */
  type: string | undefined;
  /** The card that replaces the pressed one (`value` of the invoke response). */
  card: CardJson | undefined;
}

export interface TestPerson extends TeamsUser {
  person: Person;
}

export interface TestApp {
  app: RunningApp;
  store: Store;
  connector: StandInConnector;
  dataDir: string;
  /** The bot's id in Teams (`28:…`). */
  botId: string;
  /** The proactive sender, as features use it. */
  messenger: Messenger;
  /** A directory person who is also a Teams user. */
  addPerson(p: {
    email: string;
    name: string;
    roles?: Role[];
    leads?: string[];
  }): Promise<TestPerson>;
  /** Someone Teams knows but the directory does not. */
  addTeamsUser(p: { email: string; name: string }): TeamsUser;
  /** The person adds Plan Tracker in their personal scope. */
  install(user: TeamsUser): Promise<PostResult>;
  uninstall(user: TeamsUser): Promise<PostResult>;
  /** `by` adds Plan Tracker to a team whose roster the stand-in answers with `members`. */
  installInTeam(team: TestTeam, by: TeamsUser, members: TeamsUser[]): Promise<PostResult>;
  say(user: TeamsUser, text: string, where?: Where): Promise<PostResult>;
  /** Presses an `Action.Execute` button; returns the invoke response and its card. */
  press(
    user: TeamsUser,
    verb: string,
    data?: Record<string, unknown>,
    where?: Where,
  ): Promise<InvokeResult>;
  post(activity: Activity, authorization?: string): Promise<PostResult>;
  activity: ActivityFactory;
  /** Cards delivered to this user's 1:1 chat, oldest first. */
  cardsTo(user: TeamsUser): CardJson[];
  /** Resolves when the outbox has nothing left to send. */
  idle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTestApp(o: StartTestAppOptions = {}): Promise<TestApp> {
  const connector = o.connector ?? (await StandInConnector.start());
  const dataDir = o.dataDir ?? (await mkdtemp(join(tmpdir(), "plan-tracker-test-")));
  const env: Record<string, string | undefined> = {
    PORT: "0",
    DATA_DIR: dataDir,
    EMBEDDED_COSMOS_PORT: "0",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    SEND_RATE_PER_SECOND: "200",
    ...o.env,
  };
  const app = await startApp({
    env,
    clock: o.clock,
    logger: o.logger,
    skipSamplePlan: o.skipSamplePlan,
    onStoreRequest: o.onStoreRequest,
  });
  const botId = `28:${env.MicrosoftAppId ?? "plan-tracker-dev"}`;
  const activity = activityFactory(connector, botId);
  const url = `http://127.0.0.1:${app.port}/api/messages`;

  const post = async (body: Activity, authorization?: string): Promise<PostResult> => {
    const auth = authorization ?? (await o.authorize?.(body));
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Plain text (botbuilder answers errors in text).
    }
    return { status: response.status, body: parsed };
  };

  return {
    app,
    store: app.store,
    connector,
    dataDir,
    botId,
    messenger: app.messenger,
    async addPerson(p) {
      const id = p.email.trim().toLowerCase();
      const person: Person = {
        id,
        email: id,
        name: p.name,
        roles: p.roles ?? [],
        leads: p.leads ?? [],
      };
      await app.store.people.save(person, { id: "test", name: "Test setup" }, null);
      return { ...connector.addUser(p), person };
    },
    addTeamsUser: (p) => connector.addUser(p),
    install: (user) => post(activity.installationUpdate(user, "add")),
    uninstall: (user) => post(activity.installationUpdate(user, "remove")),
    installInTeam(team, by, members) {
      connector.setRoster(team.id, members);
      return post(activity.installationUpdate(by, "add", team));
    },
    // A reply that would wait on the chat's limits is answered after the request; a test reads
    // what the person saw once it has gone.
    async say(user, text, where) {
      const result = await post(activity.message(user, text, where));
      await app.repliesSent();
      return result;
    },
    async press(user, verb, data = {}, where) {
      const result = await post(activity.cardAction(user, verb, data, where));
      const body = result.body as { type?: string; value?: CardJson } | undefined;
      return { ...result, type: body?.type, card: body?.value };
    },
    post,
    activity,
    cardsTo: (user) => connector.cardsTo(user),
    async idle(timeoutMs = 60_000) {
      // The start-up catch-up may be opening a review and queueing its forms in the background.
      await app.scheduler.caughtUp;
      await waitUntil(
        async () => (await app.store.reviews.list()).every((review) => !review.queueing),
        timeoutMs,
        "review rounds to finish queueing",
      );
      await waitUntil(
        async () => (await app.store.outbox.countOpen()) === 0,
        timeoutMs,
        "the outbox to empty",
      );
      await app.messenger.idle();
      await app.repliesSent();
    },
    async close() {
      await app.close();
      if (!o.connector) await connector.close();
      if (!o.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ActivityFactory {
  message(user: TeamsUser, text: string, where?: Where): BuiltActivity;
  cardAction(
    user: TeamsUser,
    verb: string,
    data: Record<string, unknown>,
    where?: Where,
  ): BuiltActivity;
  installationUpdate(user: TeamsUser, action: "add" | "remove", team?: TestTeam): BuiltActivity;
  membersRemoved(team: TestTeam, by: TeamsUser, removed: Array<{ id: string }>): BuiltActivity;
}

/** Activities shaped like the ones Teams posts (msteams channel, tenant in channelData). */
export function activityFactory(connector: StandInConnector, botId: string): ActivityFactory {
  const bot = { id: botId, name: "Plan Tracker" };
  const base = (
    user: TeamsUser,
    conversation: { id: string; [field: string]: unknown },
    channelData: Record<string, unknown> = {},
  ) => ({
    id: `f:${randomUUID()}`,
    channelId: "msteams",
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    locale: "en-GB",
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: bot,
    conversation: { tenantId: connector.tenantId, ...conversation },
    channelData: { tenant: { id: connector.tenantId }, ...channelData },
  });
  const place = (user: TeamsUser, where: Where = {}, threadId?: string) => {
    if (where.scope === "channel") {
      const thread = threadId ?? `${Date.now()}`;
      return base(
        user,
        { id: `${where.team.id};messageid=${thread}`, conversationType: "channel", isGroup: true },
        { team: { id: where.team.id, name: where.team.name }, channel: { id: where.team.id } },
      );
    }
    if (where.scope === "groupChat") {
      return base(user, { id: where.chatId, conversationType: "groupChat", isGroup: true });
    }
    return base(user, { id: connector.personalConversationOf(user), conversationType: "personal" });
  };
  const mentioned = (where: Where = {}) =>
    where.scope === undefined || where.scope === "personal"
      ? where.mention === true
      : where.mention !== false;
  return {
    message(user, text, where) {
      const activity = place(user, where);
      if (!mentioned(where)) return { ...activity, type: "message", text, textFormat: "plain" };
      const tag = `<at>${bot.name}</at>`;
      return {
        ...activity,
        type: "message",
        text: `${tag} ${text}`,
        textFormat: "plain",
        entities: [{ type: "mention", text: tag, mentioned: bot }],
      };
    },
    cardAction(user, verb, data, where) {
      return {
        ...place(user, where),
        type: "invoke",
        name: "adaptiveCard/action",
        value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
      };
    },
    installationUpdate(user, action, team) {
      const where: Where = team ? { scope: "channel", team } : {};
      const activity = place(user, where);
      return team
        ? {
            ...activity,
            type: "installationUpdate",
            action,
            conversation: { ...activity.conversation, id: team.id },
          }
        : { ...activity, type: "installationUpdate", action };
    },
    membersRemoved(team, by, removed) {
      const activity = place(by, { scope: "channel", team });
      return {
        ...activity,
        type: "conversationUpdate",
        conversation: { ...activity.conversation, id: team.id },
        channelData: { ...activity.channelData, eventType: "teamMemberRemoved" },
        membersRemoved: removed,
      };
    },
  };
}

/** Polls an async condition (e.g. a store query) until it holds; fails with `what` after the timeout. */
export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
