import { type Review, ReviewSchema } from "../domain/review.ts";
import type { Actor } from "./audit-log.ts";
import type { DocumentRepo, Versioned } from "./document-repo.ts";

/** Quarterly reviews, keyed by quarter. */
export class ReviewsRepo {
  constructor(readonly docs: DocumentRepo<Review>) {}

  get(quarter: string): Promise<Versioned<Review> | null> {
    return this.docs.read(quarter, quarter);
  }

  async list(): Promise<Review[]> {
    const reviews = await this.docs.query("SELECT * FROM c");
    return reviews.sort((a, b) => a.quarter.localeCompare(b.quarter));
  }

  create(review: Review, actor: Actor): Promise<Versioned<Review>> {
    return this.docs.create(review, actor);
  }

  replace(review: Review, etag: string, actor: Actor, before: Review): Promise<Versioned<Review>> {
    return this.docs.replace(review, etag, actor, before);
  }
}

export const reviewRepoOptions = {
  schema: ReviewSchema,
  kind: "review",
  idOf: (r: Review) => r.id,
  partitionOf: (r: Review) => r.id,
  describe: (before: Review | null, after: Review | null) => {
    const r = (after ?? before) as Review;
    if (!before) return `Review ${r.quarter} created (review date ${r.reviewDate}, ${r.state})`;
    const parts = [];
    if (before.state !== after?.state) parts.push(`${before.state} → ${after?.state}`);
    if (before.reviewDate !== after?.reviewDate)
      parts.push(`date ${before.reviewDate} → ${after?.reviewDate}`);
    if (before.roundsSent.length !== after?.roundsSent.length)
      parts.push(`rounds sent: ${after?.roundsSent.join(", ")}`);
    if (!before.queueing && after?.queueing)
      parts.push(`queueing the ${after.queueing.round} round`);
    return `Review ${r.quarter}: ${parts.join("; ") || "updated"}`;
  },
};
