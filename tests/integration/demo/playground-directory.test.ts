import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PLAYGROUND_CONFIG_PATH,
  type RunningPlayground,
  startAgentsPlayground,
} from "../../../src/demo/agents-playground.ts";
import { loadDemoIfEmpty } from "../../../src/demo/load-demo.ts";
import { leadsAction } from "../../../src/domain/person.ts";
import { DEFAULT_PLAN_ID } from "../../../src/domain/plan.ts";
import { silentLogger } from "../../../src/logger.ts";
import type { Store } from "../../../src/store/store.ts";
import { fixedClock, openDemoStore } from "./demo-store.ts";

/**
 * The Playground's world (.m365agentsplayground.yml) and the demo directory (data/sample-people.csv)
 * must agree: the bot knows a Teams user only by the email / UPN the Bot Connector's member look-up
 * returns. These tests ask the Playground's own mock connector, as the bot does.
 */

interface ConnectorMember {
  id: string;
  name: string;
  email: string;
  userPrincipalName: string;
}

let work: string;
let playground: RunningPlayground;
let store: Store;
let closeStore: () => Promise<void>;

const connector = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${playground.url}/_connector${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "plan-tracker-playground-"));
  // Nothing listens at this endpoint: these tests only read the Playground's mock connector.
  playground = await startAgentsPlayground({
    appEndpoint: "http://127.0.0.1:9/api/messages",
    logFile: join(work, "playground.log"),
  });
  ({ store, close: closeStore } = await openDemoStore(fixedClock()));
  await loadDemoIfEmpty(store, fixedClock(), silentLogger);
});

afterAll(async () => {
  await playground?.stop();
  await closeStore?.();
  await rm(work, { recursive: true, force: true });
});

describe("the Agents Playground with the repo's .m365agentsplayground.yml", () => {
  it("accepts the file and keeps serving", async () => {
    // The Playground mounts its back end (and /_debug/ping) only once it has accepted the file;
    // a refused file ends the process instead.
    const ping = await fetch(`${playground.url}/_debug/ping`);
    expect(ping.status).toBe(200);
    expect(playground.process.exitCode).toBeNull();
  });

  it("matches every user in the group chat to a person in the demo directory, by email and by UPN", async () => {
    const members = await connector<ConnectorMember[]>(
      "/v3/conversations/group-chat-plan-leads/members",
    );
    expect(members).toHaveLength(6);
    for (const member of members) {
      const byEmail = (await store.people.get(member.email))?.doc;
      const byUpn = (await store.people.get(member.userPrincipalName))?.doc;
      expect(byEmail?.name, member.email).toBe(member.name);
      expect(byUpn?.name, member.userPrincipalName).toBe(member.name);
    }
    const directory = (await store.people.list()).map((p) => p.email).sort();
    expect(members.map((m) => m.email.toLowerCase()).sort()).toEqual(directory);
  });

  it("makes the current user a lead, a manager and DMT, so one person can walk the whole loop", async () => {
    const me = await connector<ConnectorMember>(
      "/v3/conversations/personal-chat-sam-patel/members/user-sam-patel",
    );
    const person = (await store.people.get(me.userPrincipalName))?.doc;
    expect(person?.roles).toEqual(expect.arrayContaining(["lead", "manager", "dmt"]));
    const led = (await store.actions.list(DEFAULT_PLAN_ID)).filter(
      (a) => person && leadsAction(person, a.lead),
    );
    expect(led.map((a) => a.ref)).toEqual(["CSC-01", "CSC-02", "CSC-03", "CSC-07", "CSC-11"]);
  });

  it("has a team with a DMT channel", async () => {
    const channels = await connector<{ conversations: Array<{ name?: string }> }>(
      "/v3/teams/team-childrens-services/conversations",
    );
    expect(channels.conversations.map((c) => c.name ?? "General")).toEqual(["General", "DMT"]);
  });
});

describe("a Playground config file that does not fit its schema", () => {
  it("is refused with the Playground's own reason, not a silent exit", async () => {
    const yml = await readFile(PLAYGROUND_CONFIG_PATH, "utf8");
    const sixthUser = [
      "  - id: user-extra",
      "    name: Extra Person",
      "    userPrincipleName: extra@council.example",
      "    aadObjectId: 00000000-0000-4000-8000-000000000199",
      "    givenName: Extra",
      "    surname: Person",
      "    email: extra@council.example",
      "personalChat:",
    ].join("\n");
    const configPath = join(work, "six-users.yml");
    await writeFile(configPath, yml.replace("personalChat:", sixthUser));
    await expect(
      startAgentsPlayground({
        appEndpoint: "http://127.0.0.1:9/api/messages",
        logFile: join(work, "refused.log"),
        configPath,
      }),
    ).rejects.toThrow(/users.*must NOT have more than 5 items/);
  });
});
