/**
 * A large council's plan for benchmarks and fault runs: `actions` actions shared round-robin among
 * `leads` leads, each lead in the directory and already known to Teams (the app is installed
 * org-wide, so every 1:1 chat exists). Written straight to the containers: setting up is not what
 * is measured.
 */
import type { Action } from "../src/domain/action.ts";
import type { Person, Role } from "../src/domain/person.ts";
import { DEFAULT_PLAN_ID } from "../src/domain/plan.ts";
import { forEachLimited } from "../src/for-each-limited.ts";
import { memberDocId, type TeamsMember } from "../src/store/conversations-repo.ts";
import type { Store } from "../src/store/store.ts";
import type { StandInConnector, TeamsUser } from "../tests/support/stand-in-connector.ts";

export interface PlanSize {
  actions: number;
  leads: number;
}

export interface SeededPerson extends TeamsUser {
  person: Person;
}

export const leadName = (n: number) => `Locality Team ${String(n).padStart(4, "0")}`;
export const actionRef = (n: number) => `ACT-${String(n).padStart(5, "0")}`;

export function largePlanAction(n: number, leads: number): Action {
  return {
    ref: actionRef(n),
    planId: DEFAULT_PLAN_ID,
    priorities: [(n % 5) + 1],
    section: "Children in need of help and protection",
    deliveryArea: "Practice",
    developmentAction: `Strengthen multi-agency practice, strand ${n}: information sharing at the front door.`,
    expectedOutcome: "Decisions are timely and informed by all agencies.",
    lead: leadName(n % leads),
    completionDate: {
      text: "March 2027",
      due: "2027-03-31",
      tbc: false,
      milestones: ["2027-03-31"],
    },
    rag: (["Red", "Amber", "Green"] as const)[n % 3] ?? null,
    complete: false,
    signedOff: false,
    actionWeWillTake: "",
    howWillWeKnow: "",
    progressUpdate: "",
    extra: {},
  };
}

/** Writes the actions in transactional batches of 100 (one partition: the plan). */
export async function seedActions(store: Pick<Store, "containers">, size: PlanSize): Promise<void> {
  const actions = Array.from({ length: size.actions }, (_, n) => largePlanAction(n, size.leads));
  const batches: Action[][] = [];
  for (let i = 0; i < actions.length; i += 100) batches.push(actions.slice(i, i + 100));
  await forEachLimited(batches, 4, async (batch) => {
    const operations = batch.map((a) => ({
      operationType: "Create" as const,
      resourceBody: { ...a, id: a.ref },
    }));
    const response = await store.containers.actions.items.batch(operations, DEFAULT_PLAN_ID);
    const failed = response.result?.find((r) => r.statusCode >= 300);
    if (failed) throw new Error(`seeding actions failed with ${failed.statusCode}`);
  });
}

/**
 * Adds a directory person who is also a Teams user with a known 1:1 chat, as if they had opened
 * Plan Tracker (no install event, so nothing is sent to them while setting up).
 */
export async function seedPerson(
  store: Pick<Store, "containers">,
  connector: StandInConnector,
  p: { email: string; name: string; roles: Role[]; leads?: string[] },
): Promise<SeededPerson> {
  const person: Person = {
    id: p.email,
    email: p.email,
    name: p.name,
    roles: p.roles,
    leads: p.leads ?? [],
  };
  await store.containers.people.items.upsert(person);
  const user = connector.addUser({ email: p.email, name: p.name });
  const member: TeamsMember = {
    id: memberDocId(user.id),
    kind: "member",
    teamsUserId: user.id,
    aadObjectId: user.aadObjectId,
    tenantId: user.tenantId,
    serviceUrl: connector.url,
    email: p.email,
    userPrincipalName: p.email,
    name: p.name,
    botId: "28:plan-tracker-dev",
    personalConversationId: connector.personalConversationOf(user),
    personalInstalled: true,
    teamIds: [],
    updatedAt: new Date().toISOString(),
  };
  await store.containers.conversations.items.upsert(member);
  return { ...user, person };
}

export const leadEmail = (n: number) => `lead${n}@council.gov.uk`;

/** Every lead of the plan, each answering for one Lead value. */
export async function seedLeads(
  store: Pick<Store, "containers">,
  connector: StandInConnector,
  size: PlanSize,
): Promise<SeededPerson[]> {
  const leads: SeededPerson[] = [];
  await forEachLimited(
    Array.from({ length: size.leads }, (_, n) => n),
    32,
    async (n) => {
      leads[n] = await seedPerson(store, connector, {
        email: leadEmail(n),
        name: `Lead ${n}`,
        roles: ["lead"],
        leads: [leadName(n)],
      });
    },
  );
  return leads;
}

/** The plan, its leads and `dmt` DMT members. */
export async function seedLargePlan(
  store: Pick<Store, "containers">,
  connector: StandInConnector,
  size: PlanSize & { dmt?: number },
): Promise<{ leads: SeededPerson[]; dmt: SeededPerson[] }> {
  await seedActions(store, size);
  const leads = await seedLeads(store, connector, size);
  const dmt: SeededPerson[] = [];
  for (let n = 0; n < (size.dmt ?? 1); n++) {
    dmt.push(
      await seedPerson(store, connector, {
        email: `dmt${n}@council.gov.uk`,
        name: `Director ${n}`,
        roles: ["dmt"],
      }),
    );
  }
  return { leads, dmt };
}
