import fc from "fast-check";
import { actionRef, type SeededPerson } from "../../../bench/large-plan.ts";
import { CARD_VERBS } from "../../../src/cards/verbs.ts";
import type { StandInConnector, TeamsUser } from "../../support/stand-in-connector.ts";
import { activityFactory, type TestPerson } from "../../support/start-test-app.ts";

/** Who sends the hostile requests; none of them may change anything stored. */
export interface Cast {
  leads: SeededPerson[];
  dmt: SeededPerson;
  manager: TestPerson;
  /** Known to Teams, not in the directory. */
  stranger: TeamsUser;
  /** Not even a member of the conversation as far as Teams says (member look-up 404). */
  unknownToTeams: TeamsUser;
  actions: { actions: number; leads: number };
}

const INJECTION = [
  "<script>alert(1)</script>",
  "**bold** [x](javascript:alert(1))",
  "<img src=x onerror=alert(1)>",
  "'; DROP TABLE actions; --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template string typed by an attacker, on purpose
  "${process.exit(1)}",
  "{{constructor.constructor('return process')().exit()}}",
  "\u0000\u0001\u202e\ud800",
  "SELECT * FROM c WHERE 1=1",
  "../../../etc/passwd",
];

const hugeText = fc
  .tuple(fc.integer({ min: 20_000, max: 700_000 }), fc.constantFrom("a", "é", "😀", "<", "\n"))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

const anyText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 100 }) },
  { weight: 2, arbitrary: fc.constantFrom(...INJECTION) },
  { weight: 1, arbitrary: hugeText },
);

/** Anything JSON can hold, in place of a field that should have been something else. */
const wrongValue = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 50 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const ACTIVITY_FIELDS = [
  "type",
  "id",
  "text",
  "from",
  "recipient",
  "conversation",
  "channelData",
  "value",
  "name",
  "entities",
  "timestamp",
  "locale",
  "channelId",
  "textFormat",
  "attachments",
  "membersAdded",
  "action",
];

type Activity = Record<string, unknown>;

/** A request body: broken JSON, a wrong-typed activity, or a well-formed one asking for too much. */
export function hostileActivity(
  cast: () => Cast,
  connector: StandInConnector,
): fc.Arbitrary<Activity | string> {
  const build = activityFactory(connector, "28:plan-tracker-dev");
  const c = cast();
  const typists = fc.constantFrom<TeamsUser>(...c.leads, c.manager, c.stranger, c.unknownToTeams);
  const anyone = fc.constantFrom<TeamsUser>(
    ...c.leads,
    c.manager,
    c.stranger,
    c.unknownToTeams,
    c.dmt,
  );
  const notDmt = fc.constantFrom<TeamsUser>(...c.leads, c.manager, c.stranger, c.unknownToTeams);
  const refs = fc.oneof(
    fc.integer({ min: 0, max: c.actions.actions - 1 }).map(actionRef),
    fc.constantFrom("CSC-99", "ACT-99999", "", " ", "../ACT-00001", "ACT-00001'"),
    fc.string({ maxLength: 30 }),
  );
  const quarters = fc.oneof(fc.constant("2026-Q3"), fc.constant("2026-Q5"), fc.string());
  const revisions = fc.oneof(fc.nat(5), fc.integer({ min: -3, max: -1 }), fc.string(), wrongValue);
  const formData = fc.record(
    {
      ref: refs,
      quarter: quarters,
      revision: revisions,
      progress: anyText,
      proposedRag: fc.oneof(fc.constantFrom("Red", "Amber", "Green", "Blue", ""), wrongValue),
      revisedDate: fc.oneof(fc.constantFrom("2027-02-30", "tomorrow", ""), wrongValue),
      evidenceUrl: fc.constantFrom("javascript:alert(1)", "file:///etc/passwd", "", "https://x"),
      comment: anyText,
      text: anyText,
      page: fc.oneof(fc.integer(), wrongValue),
      query: wrongValue,
      from: fc.constantFrom("list", "elsewhere"),
    },
    { requiredKeys: [] },
  );

  /** A lead submitting on an action someone else leads, or on a Ref that does not exist. */
  const submitForOthers = fc
    .tuple(fc.nat(c.leads.length - 1), fc.nat(c.actions.actions - 1), formData, fc.boolean())
    .map(([lead, n, data, madeUp]) => {
      const other = n % c.actions.leads === lead ? (n + 1) % c.actions.actions : n;
      const ref = madeUp ? `ACT-9${String(n).padStart(4, "0")}` : actionRef(other);
      return build.cardAction(c.leads[lead] as TeamsUser, CARD_VERBS.submitUpdate, {
        ...data,
        ref,
      }) as Activity;
    });
  /** Buttons that only read, pressed by anyone with any payload. */
  const readingButtons = fc
    .tuple(
      anyone,
      fc.constantFrom(
        CARD_VERBS.editUpdate,
        CARD_VERBS.refreshUpdate,
        CARD_VERBS.refreshSignOff,
        CARD_VERBS.askQuestion,
        CARD_VERBS.moreResults,
        CARD_VERBS.showAction,
        CARD_VERBS.myActions,
        CARD_VERBS.help,
      ),
      formData,
    )
    .map(([who, verb, data]) => build.cardAction(who, verb, data) as Activity);
  /** Decisions and `startReview` from people who may not make them. */
  const notTheirButtons = fc
    .tuple(
      notDmt,
      fc.constantFrom(
        CARD_VERBS.approveUpdate,
        CARD_VERBS.returnUpdate,
        CARD_VERBS.startReview,
        CARD_VERBS.submitUpdate,
      ),
      formData,
    )
    .filter(([who, verb]) => !(verb === CARD_VERBS.submitUpdate && c.leads.includes(who as never)))
    .map(([who, verb, data]) => build.cardAction(who, verb, data) as Activity);
  /** DMT deciding updates nobody has sent (none exist while this runs). */
  const nothingToDecide = fc
    .tuple(fc.constantFrom(CARD_VERBS.approveUpdate, CARD_VERBS.returnUpdate), formData)
    .map(([verb, data]) => build.cardAction(c.dmt, verb, data) as Activity);
  const unknownVerbs = fc
    .tuple(anyone, fc.string({ maxLength: 40 }), formData)
    .map(([who, verb, data]) => build.cardAction(who, verb, data) as Activity);
  const unknownInvokes = fc
    .tuple(
      anyone,
      fc.oneof(
        fc.constantFrom(
          "task/fetch",
          "composeExtension/query",
          "signin/verifyState",
          "fileConsent/invoke",
          "actionableMessage/executeAction",
          "config/fetch",
        ),
        fc.string({ maxLength: 40 }),
      ),
      wrongValue,
    )
    .map(([who, name, value]) => ({
      ...build.cardAction(who, "x", {}),
      name,
      value,
    }));
  const messages = fc
    .tuple(typists, anyText, fc.boolean())
    .map(([who, text, mention]) => build.message(who, text, { mention }) as Activity);
  const otherTypes = fc
    .tuple(
      anyone,
      fc.constantFrom(
        "conversationUpdate",
        "messageReaction",
        "typing",
        "event",
        "endOfConversation",
        "messageUpdate",
        "messageDelete",
        "installationUpdate",
        "deleteUserData",
        "handoff",
        "trace",
      ),
      fc.constantFrom("add", "remove", "add-upgrade", "gibberish"),
    )
    .map(([who, type, action]) => ({ ...build.message(who, ""), type, action }));
  const wellFormed = fc.oneof(
    submitForOthers,
    readingButtons,
    notTheirButtons,
    nothingToDecide,
    unknownVerbs,
    unknownInvokes,
    messages,
    otherTypes,
  );
  /** A well-formed activity with one field removed or of the wrong type. */
  const wrongTyped = fc
    .tuple(wellFormed, fc.constantFrom(...ACTIVITY_FIELDS), fc.option(wrongValue))
    .map(([activity, field, value]) => {
      const broken: Activity = { ...activity };
      if (value === null) delete broken[field];
      else broken[field] = value;
      return broken;
    });
  const brokenBodies = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom("{", "[]", "null", "42", '"message"', '{"type":', "\u0000"),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  );
  return fc.oneof(
    { weight: 6, arbitrary: wellFormed },
    { weight: 3, arbitrary: wrongTyped },
    { weight: 1, arbitrary: brokenBodies },
  );
}
