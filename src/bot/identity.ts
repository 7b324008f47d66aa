import type { Person } from "../domain/person.ts";
import { ConnectorError } from "../outbox/connector-error.ts";
import type { TeamsMember } from "../store/conversations-repo.ts";
import type { PeopleRepo } from "../store/people-repo.ts";
import type { BotConnector, ConnectorMember } from "./bot-connector.ts";
import type { ConnectorCalls } from "./connector-calls.ts";
import type { TurnOrigin } from "./inbound-activity.ts";
import { newMember, type TeamsDirectory } from "./teams-directory.ts";

export interface Sender {
  member: TeamsMember;
  /** The directory entry, or null for someone Plan Tracker does not know. */
  person: Person | null;
}

/**
 * Who sent an activity: Teams gives only ids, so the email comes from the Bot Connector's member
 * look-up (once; it is kept with the member record) and the person from the directory (every turn,
 * so a role change applies at once).
 */
export class IdentityResolver {
  constructor(
    private readonly o: {
      directory: TeamsDirectory;
      connector: BotConnector;
      calls: ConnectorCalls;
      people: PeopleRepo;
    },
  ) {}

  async resolve(origin: TurnOrigin): Promise<Sender> {
    let member = await this.o.directory.member(origin.teamsUserId);
    if (!member?.email && !member?.userPrincipalName) {
      const found = await this.lookUp(origin);
      member = await this.remember(origin, found);
    } else if (isOutdated(member, origin)) {
      member = await this.remember(origin, null);
    }
    if (!member) throw new Error(`Could not record the Teams member ${origin.teamsUserId}.`);
    return { member, person: await this.personFor(member) };
  }

  /** Records what this activity tells about its sender (and what the look-up found, if any). */
  async remember(origin: TurnOrigin, found: ConnectorMember | null): Promise<TeamsMember | null> {
    return this.o.directory.save(origin.teamsUserId, (existing, nowIso) => {
      const base =
        existing ??
        newMember({ teamsUserId: origin.teamsUserId, serviceUrl: origin.serviceUrl }, nowIso);
      const personal = origin.scope === "personal";
      return {
        ...base,
        serviceUrl: origin.serviceUrl || base.serviceUrl,
        aadObjectId: found?.aadObjectId ?? origin.aadObjectId ?? base.aadObjectId,
        tenantId: found?.tenantId ?? origin.tenantId ?? base.tenantId,
        name: found?.name ?? origin.name ?? base.name,
        email: lower(found?.email) ?? base.email,
        userPrincipalName: lower(found?.userPrincipalName) ?? base.userPrincipalName,
        botId: origin.botId ?? base.botId,
        personalConversationId: personal ? origin.conversationId : base.personalConversationId,
        personalInstalled: personal || base.personalInstalled,
        updatedAt: nowIso,
      };
    });
  }

  private async lookUp(origin: TurnOrigin): Promise<ConnectorMember | null> {
    try {
      return await this.o.calls.run(origin.conversationId, () =>
        this.o.connector.getMember(origin.serviceUrl, origin.conversationId, origin.teamsUserId),
      );
    } catch (error) {
      // Teams doesn't know them in this conversation: treated as someone we can't identify.
      if (error instanceof ConnectorError && error.status === 404) return null;
      throw error;
    }
  }

  private async personFor(member: TeamsMember): Promise<Person | null> {
    for (const id of [member.email, member.userPrincipalName]) {
      if (!id) continue;
      const found = await this.o.people.get(id);
      if (found) return found.doc;
    }
    return null;
  }
}

function isOutdated(member: TeamsMember, origin: TurnOrigin): boolean {
  if (origin.serviceUrl && member.serviceUrl !== origin.serviceUrl) return true;
  if (origin.botId && !member.botId) return true;
  if (origin.tenantId && !member.tenantId) return true;
  return (
    origin.scope === "personal" &&
    (member.personalConversationId !== origin.conversationId || !member.personalInstalled)
  );
}

const lower = (value: string | undefined | null) =>
  value ? value.trim().toLowerCase() : undefined;
