import type { Action } from "../domain/action.ts";
import type { Person } from "../domain/person.ts";
import type { Update } from "../domain/update.ts";

/** How the review tells sign-off about new work. */
export interface ReviewHooks {
  /** A lead submitted or edited an update; sign-off sends or refreshes the DMT cards. */
  onSubmitted(update: Update, action: Action, author: Person): Promise<void>;
}
