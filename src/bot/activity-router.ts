import type { Activity } from "botbuilder";
import { buildNotUnderstoodCard } from "../cards/not-understood-card.ts";
import { isDomainError } from "../domain/errors.ts";
import type { Logger } from "../logger.ts";
import type { Card, CardActionTurn, Feature, MessageTurn } from "../messaging.ts";
import type { PeopleRepo } from "../store/people-repo.ts";
import {
  notInDirectoryCard,
  outOfDateButtonCard,
  problemCard,
  somethingWentWrongCard,
} from "./bot-cards.ts";
import type { IdentityResolver } from "./identity.ts";
import { commandText, mentionsBot, originOf, type TurnOrigin } from "./inbound-activity.ts";
import type { InstallEvents } from "./install-events.ts";

export interface ActivityRouterOptions {
  /** Read on every turn: features may join after the bot is created. */
  features: readonly Feature[];
  /** The bot's own commands (help), tried before any feature's. */
  builtIns: readonly Feature[];
  identity: IdentityResolver;
  installs: InstallEvents;
  people: PeopleRepo;
  replyTo: (origin: TurnOrigin) => (card: Card, summary: string) => Promise<void>;
  logger: Logger;
}

export interface CardActionValue {
  verb: string;
  data: Record<string, unknown>;
  trigger: "manual" | "automatic";
}

/**
 * The one door every inbound activity passes through: who sent it, then which feature answers.
 * A person's mistake becomes a card saying what to fix; anything unexpected is logged and answered
 * with "something went wrong, nothing was changed".
 */
export class ActivityRouter {
  constructor(private readonly o: ActivityRouterOptions) {}

  async message(activity: Partial<Activity>): Promise<void> {
    const origin = originOf(activity);
    // In a channel or group chat the bot speaks only when spoken to.
    if (origin.scope !== "personal" && !mentionsBot(activity)) return;
    const reply = this.o.replyTo(origin);
    try {
      const { person } = await this.o.identity.resolve(origin);
      if (!person) {
        await reply(await notInDirectoryCard(this.o.people), "Plan Tracker doesn't know you yet");
        return;
      }
      const text = commandText(activity);
      const turn: MessageTurn = { person, text, scope: origin.scope, reply };
      for (const feature of this.allFeatures()) {
        const command = feature.commands?.find((c) => c.matches(text));
        if (command) {
          await command.handle(turn);
          return;
        }
      }
      for (const feature of this.allFeatures()) {
        if (feature.fallback && (await feature.fallback(turn))) return;
      }
      await reply(buildNotUnderstoodCard({ text }), "Sorry, I didn't understand that");
    } catch (error) {
      await reply(this.cardForError(error, origin), "That didn't work").catch((replyError) =>
        this.o.logger.error("couldn't send an error reply", { error: String(replyError) }),
      );
    }
  }

  /** A pressed button; the returned card replaces the pressed one for the person who pressed it. */
  async cardAction(activity: Partial<Activity>, value: CardActionValue): Promise<Card> {
    const origin = originOf(activity);
    try {
      const { person } = await this.o.identity.resolve(origin).catch((error: unknown) => {
        throw new IdentityUnknown(error);
      });
      if (!person) return await notInDirectoryCard(this.o.people);
      const handler = this.allFeatures()
        .map((feature) => feature.cardActions?.[value.verb])
        .find((found) => found !== undefined);
      if (!handler) return outOfDateButtonCard();
      const turn: CardActionTurn = { person, scope: origin.scope, ...value };
      return await handler(turn);
    } catch (error) {
      if (error instanceof IdentityUnknown) {
        const offline = this.whileStoreDown(error.cause, value);
        if (offline) return offline.catch(() => this.cardForError(error.cause, origin));
        return this.cardForError(error.cause, origin);
      }
      return this.cardForError(error, origin);
    }
  }

  /** The store is down, so who pressed is unknown: a feature may still answer from the card alone. */
  private whileStoreDown(error: unknown, value: CardActionValue): Promise<Card> | null {
    if (!isDomainError(error) || error.code !== "store_unavailable") return null;
    const answer = this.allFeatures()
      .map((feature) => feature.whileStoreDown?.[value.verb])
      .find((found) => found !== undefined);
    return answer ? answer(value.data) : null;
  }

  async installationUpdate(activity: Partial<Activity>): Promise<void> {
    const origin = originOf(activity);
    const action = activity.action ?? "";
    if (action.startsWith("add")) {
      await this.o.installs.installed(origin, action === "add-upgrade", this.o.replyTo(origin));
    } else if (action === "remove") {
      await this.o.installs.uninstalled(origin);
    }
  }

  async membersAdded(activity: Partial<Activity>): Promise<void> {
    const origin = originOf(activity);
    if (origin.scope === "personal") return;
    await this.o.installs.membersAdded(origin, activity.membersAdded ?? []);
  }

  async membersRemoved(activity: Partial<Activity>): Promise<void> {
    const origin = originOf(activity);
    if (origin.scope === "personal") return;
    await this.o.installs.membersRemoved(origin, activity.membersRemoved ?? []);
  }

  private allFeatures(): Feature[] {
    return [...this.o.builtIns, ...this.o.features];
  }

  private cardForError(error: unknown, origin: TurnOrigin): Card {
    if (isDomainError(error)) return problemCard(error.message);
    this.o.logger.error("a turn failed", {
      conversation: origin.conversationId,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return somethingWentWrongCard();
  }
}

/** Finding out who sent an activity failed (as opposed to the feature that answers it). */
class IdentityUnknown extends Error {
  constructor(override readonly cause: unknown) {
    super("the sender could not be identified");
  }
}
