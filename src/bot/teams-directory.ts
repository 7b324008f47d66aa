import type { TeamsAddresses } from "../outbox/teams-calls.ts";
import type { ConversationsRepo, TeamsMember } from "../store/conversations-repo.ts";

/** How long a cached record is trusted before it is read again (another instance may change it). */
const CACHE_MS = 60_000;

/**
 * Look-ups by email wait for others to join them, so the look-ups of a round's recipients share
 * queries: the batch is read once none has joined for `BATCH_QUIET_MS`, at most `BATCH_WAIT_MS`
 * after the first, or at once when `BATCH_MAX` are waiting.
 */
const BATCH_QUIET_MS = 3;
const BATCH_WAIT_MS = 15;
const BATCH_MAX = 100;

interface Cached {
  member: TeamsMember;
  at: number;
}

interface Waiting {
  resolve: (member: TeamsMember | null) => void;
  reject: (error: unknown) => void;
}

/**
 * Teams members as the bot knows them, with a memory cache in front of the store: every turn
 * needs the sender's email and every proactive message the recipient's chat. Look-ups by email
 * that arrive together (a round's recipients) share one query.
 */
export class TeamsDirectory implements TeamsAddresses {
  private readonly byUser = new Map<string, Cached>();
  private readonly byEmail = new Map<string, Cached>();
  /** Emails being read, so a second look-up waits for the first instead of reading again. */
  private readonly loading = new Map<string, Promise<TeamsMember | null>>();
  private batch = new Map<string, Waiting>();
  private batchTimer: NodeJS.Timeout | null = null;
  private batchStartedAt = 0;
  /** Goes up with every save, so a read that overlapped a save does not cache what it read. */
  private saves = 0;

  constructor(
    private readonly repo: ConversationsRepo,
    private readonly now: () => Date,
  ) {}

  async member(teamsUserId: string): Promise<TeamsMember | null> {
    const cached = this.fresh(this.byUser.get(teamsUserId), CACHE_MS);
    if (cached) return cached;
    const saves = this.saves;
    const member = await this.repo.member(teamsUserId);
    if (member && saves === this.saves) this.remember(member);
    return member;
  }

  /** The Teams account of a directory person, by their email, read at most `maxAgeMs` ago. */
  async memberOf(personId: string, maxAgeMs = CACHE_MS): Promise<TeamsMember | null> {
    const email = personId.trim().toLowerCase();
    const cached = this.fresh(this.byEmail.get(email), maxAgeMs);
    if (cached) return cached;
    const member = await this.load(email);
    return member && structuredClone(member);
  }

  /** Starts reading, together, the records of these people not read in the last `maxAgeMs`. */
  warm(personIds: Iterable<string>, maxAgeMs = CACHE_MS): void {
    for (const personId of personIds) {
      const email = personId.trim().toLowerCase();
      if (this.fresh(this.byEmail.get(email), maxAgeMs)) continue;
      // A failed read is read again by whoever needs the record.
      this.load(email).catch(() => undefined);
    }
  }

  /** Creates or changes a member record; `change` returns null to leave it as it is. */
  async save(
    teamsUserId: string,
    change: (existing: TeamsMember | null, nowIso: string) => TeamsMember | null,
  ): Promise<TeamsMember | null> {
    const nowIso = this.now().toISOString();
    this.saves += 1;
    const saved = await this.repo.saveMember(teamsUserId, (existing) => change(existing, nowIso));
    this.saves += 1;
    if (saved) this.remember(saved);
    return saved;
  }

  membersOfTeam(teamId: string): Promise<TeamsMember[]> {
    return this.repo.membersOfTeam(teamId);
  }

  private load(email: string): Promise<TeamsMember | null> {
    const known = this.loading.get(email);
    if (known) return known;
    const loaded = new Promise<TeamsMember | null>((resolve, reject) => {
      this.batch.set(email, { resolve, reject });
    });
    this.loading.set(email, loaded);
    const now = Date.now();
    if (this.batch.size === 1) this.batchStartedAt = now;
    if (this.batch.size >= BATCH_MAX) {
      this.readBatch();
    } else {
      if (this.batchTimer) clearTimeout(this.batchTimer);
      const wait = Math.min(BATCH_QUIET_MS, this.batchStartedAt + BATCH_WAIT_MS - now);
      this.batchTimer = setTimeout(() => this.readBatch(), Math.max(0, wait));
    }
    return loaded;
  }

  private readBatch(): void {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    const batch = this.batch;
    this.batch = new Map();
    const saves = this.saves;
    this.repo.membersByEmail([...batch.keys()]).then(
      (found) => {
        for (const [email, waiting] of batch) {
          const member = found.get(email) ?? null;
          if (member && saves === this.saves) this.remember(member, email);
          this.loading.delete(email);
          waiting.resolve(member);
        }
      },
      (error: unknown) => {
        for (const [email, waiting] of batch) {
          this.loading.delete(email);
          waiting.reject(error);
        }
      },
    );
  }

  /** Caches the record under its ids, and under the email it was found by (perhaps its UPN). */
  private remember(member: TeamsMember, foundBy?: string): void {
    const entry = { member, at: Date.now() };
    this.byUser.set(member.teamsUserId, entry);
    if (foundBy) this.byEmail.set(foundBy, entry);
    if (member.email) this.byEmail.set(member.email, entry);
    if (member.userPrincipalName && !this.byEmail.has(member.userPrincipalName)) {
      this.byEmail.set(member.userPrincipalName, entry);
    }
  }

  private fresh(entry: Cached | undefined, maxAgeMs: number): TeamsMember | null {
    return entry && Date.now() - entry.at < maxAgeMs ? structuredClone(entry.member) : null;
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
