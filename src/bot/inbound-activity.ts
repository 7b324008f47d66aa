import type { Activity } from "botbuilder";
import type { ConversationScope } from "../messaging.ts";

/** Where an activity came from and who sent it, in the terms the rest of the bot uses. */
export interface TurnOrigin {
  teamsUserId: string;
  aadObjectId: string | null;
  name: string | null;
  tenantId: string | null;
  serviceUrl: string;
  conversationId: string;
  activityId: string | null;
  scope: ConversationScope;
  /** The bot's own id (`28:…`), needed later to open 1:1 chats. */
  botId: string | null;
  /** In a team's channel: the team's id and name. */
  team: { id: string; name: string | null } | null;
}

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; name?: string };
  eventType?: string;
}

export function channelDataOf(activity: Partial<Activity>): TeamsChannelData {
  return (activity.channelData ?? {}) as TeamsChannelData;
}

export function scopeOf(activity: Partial<Activity>): ConversationScope {
  const type = activity.conversation?.conversationType;
  if (type === "channel") return "channel";
  if (type === "groupChat" || (type !== "personal" && activity.conversation?.isGroup)) {
    return "groupChat";
  }
  return "personal";
}

export function originOf(activity: Partial<Activity>): TurnOrigin {
  const channelData = channelDataOf(activity);
  const teamId = channelData.team?.id;
  return {
    teamsUserId: activity.from?.id ?? "",
    aadObjectId: activity.from?.aadObjectId ?? null,
    name: activity.from?.name ?? null,
    tenantId: activity.conversation?.tenantId ?? channelData.tenant?.id ?? null,
    serviceUrl: activity.serviceUrl ?? "",
    conversationId: activity.conversation?.id ?? "",
    activityId: activity.id ?? null,
    scope: scopeOf(activity),
    botId: activity.recipient?.id ?? null,
    team: teamId ? { id: teamId, name: channelData.team?.name ?? null } : null,
  };
}

interface MentionEntity {
  type: string;
  text?: string;
  mentioned?: { id?: string };
}

function botMentions(activity: Partial<Activity>): MentionEntity[] {
  const botId = activity.recipient?.id;
  return ((activity.entities ?? []) as MentionEntity[]).filter(
    (e) => e.type === "mention" && botId !== undefined && e.mentioned?.id === botId,
  );
}

export function mentionsBot(activity: Partial<Activity>): boolean {
  return botMentions(activity).length > 0;
}

/** The message as a command: the bot's @mention removed, markup stripped, spaces collapsed. */
export function commandText(activity: Partial<Activity>): string {
  let text = activity.text ?? "";
  for (const mention of botMentions(activity)) {
    if (mention.text) text = text.split(mention.text).join(" ");
  }
  // `[^<>]`, not `[^>]`: on a long run of "<" with no ">" the looser pattern tries every start
  // and scans to the end from each, and one such message would hold the server for minutes.
  return decodeEntities(text.replace(/<[^<>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

const ENTITIES: Record<string, string> = {
  "&nbsp;": " ",
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&apos;": "'",
};

function decodeEntities(text: string): string {
  return text.replace(/&(nbsp|amp|lt|gt|quot|#39|apos);/g, (entity) => ENTITIES[entity] ?? entity);
}
