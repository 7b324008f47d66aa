import type { Logger } from "../logger.ts";
import type { Card } from "../messaging.ts";
import type { Installation, TeamsMember } from "../store/conversations-repo.ts";
import type { Store } from "../store/store.ts";
import { notInDirectoryCard } from "./bot-cards.ts";
import type { BotConnector, ConnectorMember } from "./bot-connector.ts";
import type { ConnectorCalls } from "./connector-calls.ts";
import type { IdentityResolver } from "./identity.ts";
import type { TurnOrigin } from "./inbound-activity.ts";
import { newMember, type TeamsDirectory } from "./teams-directory.ts";
import { welcomeCardFor } from "./welcome.ts";

export interface InstallEventsOptions {
  store: Store;
  directory: TeamsDirectory;
  identity: IdentityResolver;
  connector: BotConnector;
  calls: ConnectorCalls;
  logger: Logger;
  now: () => Date;
  /** A line added to every welcome card, e.g. that the demo's dates were moved forward. */
  welcomeNote?: string;
}

type Reply = (card: Card, summary: string) => Promise<void>;

/** Teams asks for at most 500 per page; 100 keeps each answer small. */
const ROSTER_PAGE_SIZE = 100;
/** Member records written at once while reading a roster. */
const SAVE_CONCURRENCY = 8;

/**
 * Keeps what the bot knows about where it is installed, and who it can reach, true to Teams'
 * install and membership events.
 */
export class InstallEvents {
  constructor(private readonly o: InstallEventsOptions) {}

  /** Personal: record the chat and greet. Team or group chat: record it and read its roster. */
  async installed(origin: TurnOrigin, upgrade: boolean, reply: Reply): Promise<void> {
    if (origin.scope === "personal") {
      const { person } = await this.o.identity.resolve(origin);
      if (upgrade) return;
      if (person)
        await reply(
          await welcomeCardFor(person, this.o.store, this.o.welcomeNote),
          `Welcome to Plan Tracker, ${person.name}`,
        );
      else
        await reply(
          await notInDirectoryCard(this.o.store.people),
          "Plan Tracker doesn't know you yet",
        );
      return;
    }
    const target = installTarget(origin);
    const nowIso = this.o.now().toISOString();
    await this.o.store.conversations.saveInstallation(target.kind, target.id, (existing) => ({
      id: "",
      kind: target.kind,
      targetId: target.id,
      name: origin.team?.name ?? existing?.name ?? null,
      tenantId: origin.tenantId ?? existing?.tenantId ?? null,
      serviceUrl: origin.serviceUrl,
      botId: origin.botId ?? existing?.botId ?? null,
      conversationId: origin.conversationId,
      active: true,
      installedAt: existing?.active ? existing.installedAt : nowIso,
      removedAt: null,
    }));
    const count = await this.readRoster(origin, target);
    this.o.logger.info("Plan Tracker was added", {
      kind: target.kind,
      id: target.id,
      members: count,
    });
  }

  async uninstalled(origin: TurnOrigin): Promise<void> {
    if (origin.scope === "personal") {
      await this.o.directory.save(origin.teamsUserId, (existing, nowIso) =>
        existing ? { ...existing, personalInstalled: false, updatedAt: nowIso } : null,
      );
      return;
    }
    const target = installTarget(origin);
    const nowIso = this.o.now().toISOString();
    await this.o.store.conversations.saveInstallation(target.kind, target.id, (existing) =>
      existing ? { ...existing, active: false, removedAt: nowIso } : null,
    );
    if (target.kind === "team") {
      for (const member of await this.o.directory.membersOfTeam(target.id)) {
        await this.leaveTeam(member.teamsUserId, target.id);
      }
    }
    this.o.logger.info("Plan Tracker was removed", { kind: target.kind, id: target.id });
  }

  /** New team members: looked up (for their email) and recorded as reachable. */
  async membersAdded(origin: TurnOrigin, accounts: ReadonlyArray<{ id: string }>): Promise<void> {
    const target = installTarget(origin);
    for (const account of accounts) {
      if (account.id === origin.botId) continue;
      const found = await this.o.calls.run(origin.conversationId, () =>
        this.o.connector.getMember(origin.serviceUrl, origin.conversationId, account.id),
      );
      await this.saveRosterMember(origin, target, found);
    }
  }

  /** A member who left a team is no longer reachable through it; the bot leaving is an uninstall. */
  async membersRemoved(origin: TurnOrigin, accounts: ReadonlyArray<{ id: string }>): Promise<void> {
    if (accounts.some((account) => account.id === origin.botId)) {
      await this.uninstalled(origin);
      return;
    }
    if (!origin.team) return;
    for (const account of accounts) await this.leaveTeam(account.id, origin.team.id);
  }

  private async readRoster(origin: TurnOrigin, target: InstallTarget): Promise<number> {
    let continuationToken: string | undefined;
    let count = 0;
    do {
      const token = continuationToken;
      const page = await this.o.calls.run(target.id, () =>
        this.o.connector.getPagedMembers(origin.serviceUrl, target.id, ROSTER_PAGE_SIZE, token),
      );
      const members = page.members ?? [];
      for (let i = 0; i < members.length; i += SAVE_CONCURRENCY) {
        await Promise.all(
          members
            .slice(i, i + SAVE_CONCURRENCY)
            .map((m) => this.saveRosterMember(origin, target, m)),
        );
      }
      count += members.length;
      continuationToken = page.continuationToken || undefined;
    } while (continuationToken);
    return count;
  }

  private saveRosterMember(
    origin: TurnOrigin,
    target: InstallTarget,
    found: ConnectorMember,
  ): Promise<TeamsMember | null> {
    return this.o.directory.save(found.id, (existing, nowIso) => {
      const base =
        existing ?? newMember({ teamsUserId: found.id, serviceUrl: origin.serviceUrl }, nowIso);
      const teamIds =
        target.kind === "team" && !base.teamIds.includes(target.id)
          ? [...base.teamIds, target.id]
          : base.teamIds;
      return {
        ...base,
        serviceUrl: origin.serviceUrl,
        aadObjectId: found.aadObjectId ?? base.aadObjectId,
        tenantId: found.tenantId ?? origin.tenantId ?? base.tenantId,
        name: found.name ?? base.name,
        email: found.email?.trim().toLowerCase() || base.email,
        userPrincipalName: found.userPrincipalName?.trim().toLowerCase() || base.userPrincipalName,
        botId: origin.botId ?? base.botId,
        teamIds,
        updatedAt: nowIso,
      };
    });
  }

  private async leaveTeam(teamsUserId: string, teamId: string): Promise<void> {
    await this.o.directory.save(teamsUserId, (existing, nowIso) =>
      existing?.teamIds.includes(teamId)
        ? {
            ...existing,
            teamIds: existing.teamIds.filter((id) => id !== teamId),
            updatedAt: nowIso,
          }
        : null,
    );
  }
}

interface InstallTarget {
  kind: Installation["kind"];
  id: string;
}

function installTarget(origin: TurnOrigin): InstallTarget {
  return origin.team
    ? { kind: "team", id: origin.team.id }
    : { kind: "groupChat", id: origin.conversationId };
}
