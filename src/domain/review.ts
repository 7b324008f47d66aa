import { z } from "zod";
import { IsoDateSchema } from "./iso-date.ts";
import { QuarterSchema } from "./quarter.ts";

export const REVIEW_ROUNDS = ["open", "chase", "final"] as const;
export type ReviewRound = (typeof REVIEW_ROUNDS)[number];

/** A quarterly review. `id` is the quarter. */
export const ReviewSchema = z.object({
  id: QuarterSchema,
  quarter: QuarterSchema,
  reviewDate: IsoDateSchema,
  /** True when an admin moved the date with `review set-date`. */
  dateOverridden: z.boolean(),
  state: z.enum(["scheduled", "open", "closed"]),
  openedAt: z.string().nullable(),
  /** Rounds already sent, so a restart neither repeats nor skips one. */
  roundsSent: z.array(z.enum(REVIEW_ROUNDS)),
  /**
   * A round whose messages are being queued (set before the first, cleared once it is recorded as
   * sent): if the process stops part way, the next start finishes queueing it.
   */
  queueing: z
    .object({ round: z.enum(REVIEW_ROUNDS), covers: z.array(z.enum(REVIEW_ROUNDS)) })
    .nullable()
    .optional(),
});
export type Review = z.infer<typeof ReviewSchema>;
