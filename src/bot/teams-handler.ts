import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  TeamsActivityHandler,
  type TurnContext,
} from "botbuilder";
import type { ActivityRouter } from "./activity-router.ts";
import { ADAPTIVE_CARD_CONTENT_TYPE } from "./card-activity.ts";

/**
 * botbuilder's Teams dispatch (message, invoke, installationUpdate, conversationUpdate) mapped
 * onto the router. Nothing is decided here, so a later SDK changes only this file.
 */
export class PlanTrackerActivityHandler extends TeamsActivityHandler {
  constructor(private readonly router: ActivityRouter) {
    super();
    this.onMessage(async (context, next) => {
      await router.message(context.activity);
      await next();
    });
    this.onInstallationUpdate(async (context, next) => {
      await router.installationUpdate(context.activity);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await router.membersAdded(context.activity);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      await router.membersRemoved(context.activity);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    // botbuilder's parsed value drops `trigger` (press or refresh); it is read from the activity.
    const raw = context.activity.value as { trigger?: unknown } | undefined;
    const card = await this.router.cardAction(context.activity, {
      verb: value.action?.verb ?? "",
      data: value.action?.data ?? {},
      trigger: raw?.trigger === "automatic" ? "automatic" : "manual",
    });
    return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card };
  }
}
