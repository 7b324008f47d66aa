import type { AdaptiveCardJson } from "../cards/card-json.ts";
import { buildUpdateFormCard } from "../cards/update-form-card.ts";
import type { CardActionData } from "../cards/verbs.ts";
import type { Action } from "../domain/action.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { Card } from "../messaging.ts";
import type { ActionCache } from "./action-cache.ts";
import { STORE_DOWN_BANNER } from "./submit-update.ts";

/**
 * Submit pressed while the store does not answer, so even who pressed it can't be looked up:
 * nothing is saved and nothing from the plan is revealed that this process did not already show.
 * The form comes back from what the card sent, the person's words in it and "press Submit again";
 * the action's details come from memory when this process has read it, else they are left out.
 */
export async function submitWhileStoreDown(
  deps: Pick<FeatureDeps, "config">,
  cache: ActionCache,
  data: CardActionData<"submitUpdate">,
): Promise<Card> {
  const { ref, quarter, planId, revision, form } = data;
  const draft = form.ok ? form.values : form.typed;
  const known = cache.recall(ref, planId);
  const card = buildUpdateFormCard({
    action: known ?? detailsUnknown(ref, planId),
    quarter,
    suggestion: null,
    draft,
    revision,
    banner: STORE_DOWN_BANNER,
    timeZone: deps.config.REVIEW_TIMEZONE,
  });
  return known ? card : withoutUnknowns(card);
}

const NOT_SHOWN = "not shown while the plan store is not answering";

/** An action this process has not read: only its Ref is known, from the card. */
function detailsUnknown(ref: string, planId: string): Action {
  return {
    ref,
    planId,
    priorities: [],
    section: "",
    deliveryArea: "",
    developmentAction: `${ref}: its details are ${NOT_SHOWN}.`,
    expectedOutcome: "",
    lead: NOT_SHOWN,
    completionDate: { text: NOT_SHOWN, due: null, tbc: false, milestones: [] },
    rag: null,
    complete: false,
    signedOff: false,
    actionWeWillTake: "",
    howWillWeKnow: "",
    progressUpdate: "",
    extra: {},
  };
}

/**
 * The official RAG and last quarter's approved update are unknown too; shown, the form would say
 * there were none.
 */
function withoutUnknowns(card: AdaptiveCardJson): AdaptiveCardJson {
  const body = card.body as Array<Record<string, unknown>>;
  const lastApproved = body.findIndex((element) => element.text === "Last approved update");
  return {
    ...card,
    body: body.filter(
      (element, i) =>
        !JSON.stringify(element).includes('"Official RAG"') &&
        !(lastApproved >= 0 && (i === lastApproved || i === lastApproved + 1)),
    ) as AdaptiveCardJson["body"],
  };
}
