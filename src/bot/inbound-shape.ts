import { z } from "zod";

/**
 * The parts of an inbound activity the bot reads, with the types it reads them as. Everything
 * else passes through untouched for botbuilder. An activity that gets one of these wrong (a
 * conversation with no id, `entities` that is not a list) is refused at the door with 400, rather
 * than failing somewhere inside a turn.
 */
const id = z.string().trim().min(1);
const text = z.string().nullish();
const account = z.looseObject({ id, name: text, aadObjectId: text });
const members = z.array(z.looseObject({ id: z.string() })).nullish();

const cardActionValue = z.looseObject({ action: z.looseObject({ type: text, verb: text }) });

export const InboundActivitySchema = z
  .looseObject({
    type: z.string(),
    id: text,
    serviceUrl: z.string(),
    channelId: text,
    from: account,
    recipient: z.looseObject({ id: z.string(), name: text }).nullish(),
    conversation: z.looseObject({
      id,
      tenantId: text,
      conversationType: text,
      isGroup: z.boolean().nullish(),
    }),
    channelData: z
      .looseObject({
        tenant: z.looseObject({ id: text }).nullish(),
        team: z.looseObject({ id: text, name: text }).nullish(),
        eventType: text,
      })
      .nullish(),
    text,
    entities: z
      .array(
        z.looseObject({ type: z.string(), text, mentioned: z.looseObject({ id: text }).nullish() }),
      )
      .nullish(),
    name: text,
    action: text,
    membersAdded: members,
    membersRemoved: members,
    value: z.unknown().optional(),
  })
  // botbuilder takes an invoke's value apart without looking: it must be an object, and a pressed
  // button's (Universal Actions) must say which action it was.
  .superRefine((activity, context) => {
    const value = activity.value;
    const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
    if (activity.type === "invoke" && value !== undefined && !isObject) {
      context.addIssue({
        code: "custom",
        path: ["value"],
        message: "an invoke's value is an object",
      });
      return;
    }
    // For Teams, botbuilder sorts message edits and deletions by `channelData.eventType`.
    const sortedByEvent = activity.type === "messageUpdate" || activity.type === "messageDelete";
    if (activity.channelId === "msteams" && sortedByEvent && !activity.channelData) {
      context.addIssue({ code: "custom", path: ["channelData"], message: "Teams sends one" });
    }
    if (activity.name !== "adaptiveCard/action") return;
    if (!cardActionValue.safeParse(value).success) {
      context.addIssue({
        code: "custom",
        path: ["value", "action"],
        message: "the pressed action is missing",
      });
    }
  });

/** Null when the body is a usable activity, else what is wrong with it, for the 400 answer. */
export function activityProblem(body: unknown): string | null {
  const parsed = InboundActivitySchema.safeParse(body);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "the body";
  return `${where}: ${issue?.message ?? "not an activity"}`;
}
