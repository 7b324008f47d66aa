import { ActivityRouter } from "../../src/bot/activity-router.ts";
import type { IdentityResolver } from "../../src/bot/identity.ts";
import type { InstallEvents } from "../../src/bot/install-events.ts";
import type { Person } from "../../src/domain/person.ts";
import { silentLogger } from "../../src/logger.ts";
import type { Card, ConversationScope, Feature } from "../../src/messaging.ts";
import type { PeopleRepo } from "../../src/store/people-repo.ts";

/**
 * Presses a feature's button through the bot's own router, as Teams would: the data is read by
 * its verb's schema there, and a refusal becomes the router's card. Only who pressed is given
 * rather than looked up in Teams, for tests of a feature without the HTTP door.
 */
export function buttonPresser(features: readonly Feature[]) {
  return (
    person: Person,
    verb: string,
    data: Record<string, unknown>,
    scope: ConversationScope = "personal",
  ): Promise<Card> => {
    const router = new ActivityRouter({
      features,
      builtIns: [],
      identity: { resolve: async () => ({ member: {}, person }) } as unknown as IdentityResolver,
      installs: {} as InstallEvents,
      people: { list: async () => [] } as unknown as PeopleRepo,
      replyTo: () => async () => {},
      logger: silentLogger,
    });
    return router.cardAction(
      {
        type: "invoke",
        from: { id: `29:${person.id}`, name: person.name },
        recipient: { id: "28:bot", name: "Plan Tracker" },
        conversation: {
          id: `a:${person.id}`,
          name: "",
          isGroup: scope !== "personal",
          conversationType: scope,
        },
        serviceUrl: "http://localhost/",
      },
      { verb, data, trigger: "manual" },
    );
  };
}
