import type { ConversationsRepo, TeamsMember } from "../store/conversations-repo.ts";

/** How long a cached record is trusted before it is read again (another instance may change it). */
const CACHE_MS = 60_000;

interface Cached {
  member: TeamsMember;
  at: number;
}

/**
 * Teams members as the bot knows them, with a memory cache in front of the store: every turn
 * needs the sender's email and every proactive message the recipient's chat.
 */
export class TeamsDirectory {
  private readonly byUser = new Map<string, Cached>();
  private readonly byEmail = new Map<string, Cached>();

  constructor(
    private readonly repo: ConversationsRepo,
    private readonly now: () => Date,
  ) {}

  async member(teamsUserId: string): Promise<TeamsMember | null> {
    const cached = this.fresh(this.byUser.get(teamsUserId));
    if (cached) return cached;
    const member = await this.repo.member(teamsUserId);
    if (member) this.remember(member);
    return member;
  }

  /** The Teams account of a directory person, by their email. */
  async memberOf(personId: string): Promise<TeamsMember | null> {
    const email = personId.trim().toLowerCase();
    const cached = this.fresh(this.byEmail.get(email));
    if (cached) return cached;
    const member = await this.repo.memberByEmail(email);
    if (member) this.remember(member);
    return member;
  }

  /** Creates or changes a member record; `change` returns null to leave it as it is. */
  async save(
    teamsUserId: string,
    change: (existing: TeamsMember | null, nowIso: string) => TeamsMember | null,
  ): Promise<TeamsMember | null> {
    const nowIso = this.now().toISOString();
    const saved = await this.repo.saveMember(teamsUserId, (existing) => change(existing, nowIso));
    if (saved) this.remember(saved);
    return saved;
  }

  membersOfTeam(teamId: string): Promise<TeamsMember[]> {
    return this.repo.membersOfTeam(teamId);
  }

  private remember(member: TeamsMember): void {
    const entry = { member, at: Date.now() };
    this.byUser.set(member.teamsUserId, entry);
    if (member.email) this.byEmail.set(member.email, entry);
    if (member.userPrincipalName && !this.byEmail.has(member.userPrincipalName)) {
      this.byEmail.set(member.userPrincipalName, entry);
    }
  }

  private fresh(entry: Cached | undefined): TeamsMember | null {
    return entry && Date.now() - entry.at < CACHE_MS ? structuredClone(entry.member) : null;
  }
}

/** A member record for someone just met, before anything else is known about them. */
export function newMember(
  p: Pick<TeamsMember, "teamsUserId" | "serviceUrl"> & Partial<TeamsMember>,
  nowIso: string,
): TeamsMember {
  return {
    id: "",
    kind: "member",
    aadObjectId: null,
    tenantId: null,
    email: null,
    userPrincipalName: null,
    name: null,
    botId: null,
    personalConversationId: null,
    personalInstalled: false,
    teamIds: [],
    ...p,
    updatedAt: nowIso,
  };
}
