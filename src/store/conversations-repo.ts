import type { Container } from "@azure/cosmos";
import { z } from "zod";
import { stripSystemFields } from "./audit-log.ts";
import { safeCosmosId } from "./outbox-repo.ts";
import { paged } from "./query-pages.ts";
import { cosmosStatus, translateStoreError } from "./store-errors.ts";

/** A Teams user the bot has met (in a chat, an install, or a team's roster), and how to reach them. */
export const TeamsMemberSchema = z.object({
  id: z.string(),
  kind: z.literal("member"),
  /** The Bot Framework id, `29:…`: what cards' `refresh.userIds` and 1:1 chats are keyed by. */
  teamsUserId: z.string(),
  aadObjectId: z.string().nullable(),
  tenantId: z.string().nullable(),
  serviceUrl: z.string(),
  /** Lower-cased email as the Bot Connector returned it (null until looked up). */
  email: z.string().nullable(),
  /** Lower-cased UPN; the directory is matched on email first, then on this. */
  userPrincipalName: z.string().nullable(),
  name: z.string().nullable(),
  /** The bot's own id in this tenant (`28:…`), needed to open a 1:1 chat. */
  botId: z.string().nullable(),
  /** The 1:1 chat with the bot, once known. */
  personalConversationId: z.string().nullable(),
  /** False after the person removes the app from their personal scope. */
  personalInstalled: z.boolean(),
  /** Teams with the bot installed that this person belongs to. */
  teamIds: z.array(z.string()),
  updatedAt: z.string(),
});
export type TeamsMember = z.infer<typeof TeamsMemberSchema>;

/** The bot installed in a team (or a group chat): where it can post and whose roster it read. */
export const InstallationSchema = z.object({
  id: z.string(),
  kind: z.enum(["team", "groupChat"]),
  /** The team id (`19:…@thread…`) or the group chat's conversation id. */
  targetId: z.string(),
  name: z.string().nullable(),
  tenantId: z.string().nullable(),
  serviceUrl: z.string(),
  botId: z.string().nullable(),
  /** The conversation the install event came from (a team's General channel). */
  conversationId: z.string(),
  active: z.boolean(),
  installedAt: z.string(),
  removedAt: z.string().nullable(),
});
export type Installation = z.infer<typeof InstallationSchema>;

export const memberDocId = (teamsUserId: string) => safeCosmosId(`member:${teamsUserId}`);
export const installationDocId = (kind: Installation["kind"], targetId: string) =>
  safeCosmosId(`${kind}:${targetId}`);

/**
 * Conversation references and the Teams identities behind them, in the `conversations` container.
 * Operational records kept current by Teams' own events, so writes are not audited.
 */
export class ConversationsRepo {
  constructor(readonly container: Container) {}

  async member(teamsUserId: string): Promise<TeamsMember | null> {
    return this.readAs(memberDocId(teamsUserId), TeamsMemberSchema);
  }

  /** The Teams account of a directory person (matched by email, then UPN); the latest if several. */
  async memberByEmail(email: string): Promise<TeamsMember | null> {
    const wanted = email.trim().toLowerCase();
    return (await this.membersByEmail([wanted])).get(wanted) ?? null;
  }

  /**
   * The Teams accounts of several people in one query (a round's recipients are looked up
   * together rather than one query each), keyed by the lower-cased emails asked for; someone the
   * bot has not met is left out.
   */
  async membersByEmail(emails: readonly string[]): Promise<Map<string, TeamsMember>> {
    const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()))];
    const found = new Map<string, TeamsMember>();
    if (wanted.length === 0) return found;
    const members = await this.query(
      'SELECT * FROM c WHERE c.kind = "member" AND (ARRAY_CONTAINS(@emails, c.email) OR ARRAY_CONTAINS(@emails, c.userPrincipalName))',
      { "@emails": wanted },
      TeamsMemberSchema,
    );
    for (const email of wanted) {
      const best = bestMatch(email, members);
      if (best) found.set(email, best);
    }
    return found;
  }

  membersOfTeam(teamId: string): Promise<TeamsMember[]> {
    return this.query(
      'SELECT * FROM c WHERE c.kind = "member" AND ARRAY_CONTAINS(c.teamIds, @team)',
      { "@team": teamId },
      TeamsMemberSchema,
    );
  }

  /**
   * Creates or changes a member record. `change` gets the stored record (or null) and returns the
   * new one; concurrent writers (an install event and a roster fetch) are merged, never lost.
   */
  async saveMember(
    teamsUserId: string,
    change: (existing: TeamsMember | null) => TeamsMember | null,
  ): Promise<TeamsMember | null> {
    return this.readModifyWrite(memberDocId(teamsUserId), TeamsMemberSchema, change);
  }

  installation(kind: Installation["kind"], targetId: string): Promise<Installation | null> {
    return this.readAs(installationDocId(kind, targetId), InstallationSchema);
  }

  saveInstallation(
    kind: Installation["kind"],
    targetId: string,
    change: (existing: Installation | null) => Installation | null,
  ): Promise<Installation | null> {
    return this.readModifyWrite(installationDocId(kind, targetId), InstallationSchema, change);
  }

  private async readVersioned<T>(
    id: string,
    schema: z.ZodType<T>,
  ): Promise<{ doc: T; etag: string } | null> {
    try {
      const { resource, etag } = await this.container.item(id, id).read();
      if (!resource) return null;
      return { doc: schema.parse(stripSystemFields(resource)), etag };
    } catch (error) {
      if (cosmosStatus(error) === 404) return null;
      return translateStoreError(error, "reading Teams conversation details");
    }
  }

  private async readAs<T>(id: string, schema: z.ZodType<T>): Promise<T | null> {
    return (await this.readVersioned(id, schema))?.doc ?? null;
  }

  private async readModifyWrite<T extends { id: string }>(
    id: string,
    schema: z.ZodType<T>,
    change: (existing: T | null) => T | null,
  ): Promise<T | null> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const current = await this.readVersioned(id, schema);
      const next = change(current ? structuredClone(current.doc) : null);
      if (!next) return current?.doc ?? null;
      const valid = schema.parse({ ...next, id });
      try {
        if (current) {
          await this.container
            .item(id, id)
            .replace(valid, { accessCondition: { type: "IfMatch", condition: current.etag } });
        } else {
          await this.container.items.create(valid);
        }
        return valid;
      } catch (error) {
        const status = cosmosStatus(error);
        if (status === 412 || status === 409 || status === 404) continue;
        return translateStoreError(error, "saving Teams conversation details");
      }
    }
    throw new Error(`Teams conversation details for ${id} kept changing; giving up this write.`);
  }

  private async query<T>(
    query: string,
    parameters: Record<string, string | string[]>,
    schema: z.ZodType<T>,
  ): Promise<T[]> {
    try {
      const { resources } = await this.container.items
        .query(
          {
            query,
            parameters: Object.entries(parameters).map(([name, value]) => ({ name, value })),
          },
          paged(),
        )
        .fetchAll();
      return resources.map((r) => schema.parse(stripSystemFields(r)));
    } catch (error) {
      return translateStoreError(error, "reading Teams conversation details");
    }
  }
}

/** A match on email beats one on UPN; among several, the most recently updated record wins. */
function bestMatch(email: string, members: readonly TeamsMember[]): TeamsMember | null {
  const exact = members.filter((m) => m.email === email);
  const pool = exact.length > 0 ? exact : members.filter((m) => m.userPrincipalName === email);
  return [...pool].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
}
