import { todayIn } from "../domain/calendar.ts";
import type { Quarter } from "../domain/quarter.ts";
import { candidateQuarters } from "../domain/review-calendar.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { Card } from "../messaging.ts";
import { problemCard } from "./notices.ts";

/**
 * Whether `quarter` has a review an update may belong to: one stored (opened, or dated by an
 * admin), or one the calendar has under way around today (last, this or next quarter), which
 * `my actions` hands out forms for before anything about it is stored. A card names its quarter
 * itself, so a made-up one (2099-Q4) must be caught here, not trusted. The calendar's answer needs
 * no store round trip, so an ordinary submit costs nothing extra.
 */
export async function reviewExists(
  deps: Pick<FeatureDeps, "store" | "clock" | "config">,
  quarter: Quarter,
): Promise<boolean> {
  const today = todayIn(deps.config.REVIEW_TIMEZONE, deps.clock.now());
  if (candidateQuarters(today).includes(quarter)) return true;
  return (await deps.store.reviews.get(quarter)) !== null;
}

/** For a lead whose form names a quarter with no review: nothing saved, and where to get a real form. */
export function noReviewForLeadCard(quarter: Quarter, what: "saved" | "opened"): Card {
  return problemCard(
    `There is no ${quarter} review`,
    `There is no ${quarter} review, so nothing was ${what}. This card may be old or altered: type \u201cmy actions\u201d for the latest forms, or ask DMT to start the ${quarter} review if it should be open.`,
  );
}

/** For a DMT member whose button names a quarter with no review: nothing decided. */
export function noReviewForDmtCard(quarter: Quarter): Card {
  return problemCard(
    `There is no ${quarter} review`,
    `There is no ${quarter} review, so nothing was decided. This card may be old or altered: type \u201creview status\u201d to see what awaits sign-off, or start the ${quarter} review first if it should be open.`,
  );
}
