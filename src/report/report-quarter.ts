import { DomainError } from "../domain/errors.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import { type Quarter, QuarterSchema } from "../domain/quarter.ts";
import { summaryQuarter } from "../signoff/quarterly-summary.ts";
import type { Store } from "../store/store.ts";

/**
 * The quarter a report asked for: the one named (`2026-Q3`), or else the quarter whose summary DMT
 * would get today, so "the report" means the review just held.
 */
export async function reportQuarterOf(
  store: Store,
  named: string | null | undefined,
  today: IsoDate,
): Promise<Quarter> {
  const wanted = named?.trim();
  if (wanted) {
    const parsed = QuarterSchema.safeParse(wanted.toUpperCase());
    if (!parsed.success)
      throw new DomainError(
        "invalid_input",
        `"${wanted}" is not a quarter: name one such as 2026-Q3 (October to December 2026).`,
      );
    return parsed.data;
  }
  const reviews = new Map((await store.reviews.list()).map((r) => [r.quarter, r]));
  return summaryQuarter(today, reviews);
}
