import type { Activity } from "botbuilder";
import { buildNotUnderstoodCard } from "../cards/not-understood-card.ts";
import { isDomainError } from "../domain/errors.ts";
import type { Logger } from "../logger.ts";
import type { Card, Feature, MessageTurn } from "../messaging.ts";
import type { PeopleRepo } from "../store/people-repo.ts";
import {
  domainErrorCard,
  notInDirectoryCard,
  outOfDateButtonCard,
  somethingWentWrongCard,
} from "./bot-cards.ts";
import { type CardRoutes, cardRoutes, routePress } from "./card-routes.ts";
import type { IdentityResolver } from "./identity.ts";
import { commandText, mentionsBot, originOf, type TurnOrigin } from "./inbound-activity.ts";
import type { InstallEvents } from "./install-events.ts";

export interface ActivityRouterOptions {
  features: readonly Feature[];
  /** The bot's own commands (help), tried before any feature's. */
  builtIns: readonly Feature[];
  identity: IdentityResolver;
  installs: InstallEvents;
  people: PeopleRepo;
  replyTo: (origin: TurnOrigin) => (card: Card, summary: string) => Promise<void>;
  logger: Logger;
}

/** A pressed button as Teams sends it: nothing in it is trusted until its verb's schema reads it. */
export interface CardActionValue {
  verb: unknown;
  data: unknown;
  trigger: "manual" | "automatic";
}

/**
 * The one door every inbound activity passes through: who sent it, then which feature answers.
 * A person's mistake becomes a card saying what to fix; anything unexpected is logged and answered
 * with "something went wrong, nothing was changed".
 */
export class ActivityRouter {
  /** Each card verb's schema and handler, settled once: two features answering one verb stop start-up. */
  private readonly routes: CardRoutes;

  constructor(private readonly o: ActivityRouterOptions) {
    this.routes = cardRoutes(this.allFeatures());
  }

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
      const summary = isDomainError(error) ? error.message : "That didn't work";
      await reply(this.cardForError(error, origin), summary).catch((replyError) =>
        this.o.logger.error("couldn't send an error reply", { error: String(replyError) }),
      );
    }
  }

  /**
   * A pressed button; the returned card replaces the pressed one for the person who pressed it.
   * Its data is read here, once, by its verb's schema: a verb nobody answers, or data the schema
   * refuses, gets the one "out of date" card and changes nothing.
   */
  async cardAction(activity: Partial<Activity>, value: CardActionValue): Promise<Card> {
    const origin = originOf(activity);
    try {
      const press = routePress(this.routes, value.verb, value.data);
      if (!press.ok) {
        this.o.logger.info("a button from an out-of-date card was pressed", {
          verb: typeof value.verb === "string" ? value.verb.slice(0, 40) : typeof value.verb,
          reason: press.reason,
        });
        return outOfDateButtonCard();
      }
      const { person } = await this.o.identity.resolve(origin).catch((error: unknown) => {
        throw new IdentityUnknown(error, press.whileStoreDown);
      });
      if (!person) return await notInDirectoryCard(this.o.people);
      return await press.answer({ person, scope: origin.scope, trigger: value.trigger });
    } catch (error) {
      if (error instanceof IdentityUnknown) {
        const offline = this.whileStoreDown(error);
        if (offline) return offline.catch(() => this.cardForError(error.cause, origin));
        return this.cardForError(error.cause, origin);
      }
      return this.cardForError(error, origin);
    }
  }

  /** The store is down, so who pressed is unknown: a feature may still answer from the card alone. */
  private whileStoreDown(unknown: IdentityUnknown): Promise<Card> | null {
    const { cause } = unknown;
    if (!isDomainError(cause) || cause.code !== "store_unavailable") return null;
    return unknown.offlineAnswer();
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

  /** The one place a domain error becomes a card: its code picks the title, its message the fix. */
  private cardForError(error: unknown, origin: TurnOrigin): Card {
    if (isDomainError(error)) return domainErrorCard(error);
    this.o.logger.error("a turn failed", {
      conversation: origin.conversationId,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return somethingWentWrongCard();
  }
}

/** Finding out who sent an activity failed (as opposed to the feature that answers it). */
class IdentityUnknown extends Error {
  constructor(
    override readonly cause: unknown,
    /** The pressed verb's answer from the card alone, if its feature has one. */
    readonly offlineAnswer: () => Promise<Card> | null,
  ) {
    super("the sender could not be identified");
  }
}
