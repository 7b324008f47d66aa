import type { Container, CosmosClient, Database } from "@azure/cosmos";
import type { Clock } from "../clock.ts";
import type { Logger } from "../logger.ts";
import { ActionsRepo, actionRepoOptions } from "./actions-repo.ts";
import { AuditLog } from "./audit-log.ts";
import type { ChangeVersions } from "./change-versions.ts";
import type { ContainerName } from "./containers.ts";
import { ConversationsRepo } from "./conversations-repo.ts";
import { type CosmosTarget, createCosmosClient } from "./cosmos-client.ts";
import { DocumentRepo } from "./document-repo.ts";
import { OutboxRepo } from "./outbox-repo.ts";
import { PeopleRepo, personRepoOptions } from "./people-repo.ts";
import { PlansRepo, planRepoOptions } from "./plans-repo.ts";
import { createContainers, findContainers, type PreparedContainers } from "./prepare-containers.ts";
import { ReviewsRepo, reviewRepoOptions } from "./reviews-repo.ts";
import { translateStoreError } from "./store-errors.ts";
import { UpdatesRepo, updateRepoOptions } from "./updates-repo.ts";

/** Everything the use cases read and write, over one Cosmos database. */
export interface Store {
  client: CosmosClient;
  database: Database;
  containers: Record<ContainerName, Container>;
  audit: AuditLog;
  plans: PlansRepo;
  actions: ActionsRepo;
  updates: UpdatesRepo;
  people: PeopleRepo;
  reviews: ReviewsRepo;
  /** Teams identities, 1:1 chats and installs (written by the bot from Teams' events). */
  conversations: ConversationsRepo;
  /** The durable queue of proactive messages. */
  outbox: OutboxRepo;
  /** Present when the store runs in this process: tells, without a read, that nothing changed. */
  changeVersions?: ChangeVersions;
  /** Resolves when the store answers a trivial read; used by /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  target: CosmosTarget;
  databaseId: string;
  clock: Clock;
  logger: Logger;
  /** The embedded store's change counter, when it runs in this process. */
  changeVersions?: ChangeVersions;
  /** Runs after the client is disposed, e.g. stopping the embedded server. */
  onClose?: () => Promise<void>;
}

/**
 * Connects to a Cosmos account (real, emulator or embedded); with a key it creates what is missing,
 * with an Entra credential it checks that the deployment created it.
 */
export async function connectStore(o: ConnectOptions): Promise<Store> {
  const client = createCosmosClient(o.target);
  let prepared: PreparedContainers;
  try {
    prepared = o.target.credential
      ? await findContainers(client, o.databaseId)
      : await createContainers(client, o.databaseId);
  } catch (error) {
    client.dispose();
    return translateStoreError(error, "opening the plan store");
  }
  const { database, containers } = prepared;
  const now = () => o.clock.now();
  const audit = new AuditLog(containers.audit, now);
  const repo = <T extends object>(
    container: Container,
    options: Omit<ConstructorParameters<typeof DocumentRepo<T>>[0], "container" | "audit">,
  ) => new DocumentRepo<T>({ ...options, container, audit });
  o.logger.debug("store connected", { endpoint: o.target.endpoint, database: o.databaseId });
  return {
    client,
    database,
    containers,
    audit,
    plans: new PlansRepo(repo(containers.plans, planRepoOptions), o.changeVersions),
    actions: new ActionsRepo(repo(containers.actions, actionRepoOptions), o.changeVersions),
    updates: new UpdatesRepo(repo(containers.updates, updateRepoOptions)),
    people: new PeopleRepo(repo(containers.people, personRepoOptions), o.changeVersions),
    reviews: new ReviewsRepo(repo(containers.reviews, reviewRepoOptions)),
    conversations: new ConversationsRepo(containers.conversations),
    outbox: new OutboxRepo(containers.outbox),
    changeVersions: o.changeVersions,
    async ping() {
      await database.read();
    },
    async close() {
      client.dispose();
      await o.onClose?.();
    },
  };
}
