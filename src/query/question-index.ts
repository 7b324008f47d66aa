import type { Clock } from "../clock.ts";
import { type Action, ActionSchema } from "../domain/action.ts";
import { type Plan, PlanSchema, SAMPLE_PLAN } from "../domain/plan.ts";
import { corePhrases } from "../domain/question/core-phrases.ts";
import {
  buildVocabulary,
  mergeVocabularies,
  type PlanVocabulary,
  prepareParser,
} from "../domain/question/index.ts";
import { type Review, ReviewSchema } from "../domain/review.ts";
import { type Update, UpdateSchema, updatePlanId } from "../domain/update.ts";
import type { Logger } from "../logger.ts";
import { orderPlans } from "../plans/plan-list.ts";
import { changedRows } from "../store/changed-rows.ts";
import type { Store } from "../store/store.ts";
import { ContainerMirror, type MirrorChange } from "./container-mirror.ts";
import { backgroundPeriodFor, IDLE_AFTER_MS, isFreshEnough } from "./freshness.ts";
import { buildSnapshot, changesVocabulary, type PlanSnapshot } from "./plan-snapshot.ts";

/**
 * The plans in memory for answering questions: every plan's actions, updates and priorities, the
 * reviews and the parser's vocabulary, read in full once and then kept up to date by reading only
 * what changed. Two plans may both have a Ref 1.1: actions are kept by plan and Ref, and each
 * update goes with its own plan's action.
 *
 * Why not the Cosmos change feed: the embedded store answers every incremental change-feed read
 * with "304 Not Modified", so it would never report a write. Reading the documents whose `_ts`
 * (last-modified, kept by every Cosmos store) falls in a short window sees every write from any
 * process (the CLI's imports included) on the embedded store and on Azure, where `_ts` is indexed
 * and such a read is cheap. See `freshness.ts` for how often, and `poll-window.ts` for the window.
 */
export class QuestionIndex {
  private readonly actions: ContainerMirror<Action>;
  private readonly plans: ContainerMirror<Plan>;
  private readonly updates: ContainerMirror<Update>;
  private readonly reviews: ContainerMirror<Review>;
  /** The injected clock's time when the last completed refresh began: answers are this fresh. */
  private refreshedAt: number | null = null;
  private lastReadMs = 0;
  private inFlight: Promise<void> | null = null;
  private snapshot: PlanSnapshot | null = null;
  /** Each plan's words, by plan id; emptied when a name or an action's wording changes. */
  private vocabularies: Map<string, PlanVocabulary> | null = null;
  /** Every plan's words merged, for the `vocabularies` they were merged from. */
  private merged: {
    parts: Map<string, PlanVocabulary>;
    count: number;
    vocabulary: PlanVocabulary;
  } | null = null;
  /** Wall-clock time of the last question, for stopping the background refresh when idle. */
  private lastAskedAt = 0;
  private background = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly o: { store: Store; clock: Clock; logger: Logger }) {
    const { containers } = o.store;
    const onInvalid = (kind: string) => (id: string, problem: string) =>
      o.logger.warn(`a stored ${kind} is not valid, so questions leave it out`, { id, problem });
    const versions = o.store.changeVersions;
    // `plan remove` deletes a plan with its actions and updates: answer without them from then on.
    const onRemoved = () => {
      this.snapshot = null;
      this.vocabularies = null;
    };
    this.actions = new ContainerMirror({
      rows: changedRows(containers.actions),
      schema: ActionSchema,
      // Ids repeat from plan to plan (each plan's "1.1" has the id "1.1" in its own partition).
      keyOf: (row) => `${String(row.planId)}\u0000${row.id}`,
      onInvalid: onInvalid("action"),
      onRemoved,
      versions,
    });
    this.plans = new ContainerMirror({
      rows: changedRows(containers.plans),
      schema: PlanSchema,
      onInvalid: onInvalid("plan"),
      onRemoved,
      versions,
    });
    this.updates = new ContainerMirror({
      rows: changedRows(containers.updates),
      schema: UpdateSchema,
      onInvalid: onInvalid("update"),
      onRemoved,
      versions,
    });
    this.reviews = new ContainerMirror({
      rows: changedRows(containers.reviews),
      schema: ReviewSchema,
      onInvalid: onInvalid("review"),
      versions,
    });
  }

  /** The plan as it was at most `maxAgeFor(…)` ago; waits for a refresh only when it is older. */
  async current(): Promise<PlanSnapshot> {
    this.lastAskedAt = performance.now();
    const askedAt = this.o.clock.now().getTime();
    // A refresh already under way may have begun too long ago: then wait for it and read again.
    while (!isFreshEnough(this.refreshedAt, askedAt, this.lastReadMs)) {
      await (this.inFlight ?? this.refresh());
    }
    this.keepRefreshing();
    return this.currentSnapshot();
  }

  /**
   * Reads the plan and builds what questions are answered from ahead of the first question, so it
   * needn't wait; a failure waits for that question.
   */
  warmUp(): void {
    const started = performance.now();
    this.refresh()
      .then(() => {
        const read = performance.now();
        corePhrases();
        prepareParser(this.currentSnapshot().vocabulary);
        this.o.logger.debug("the question index is ready", {
          actions: this.actions.docs().length,
          readMs: Math.round(read - started),
          buildMs: Math.round(performance.now() - read),
        });
      })
      .catch((error: unknown) =>
        this.o.logger.debug("couldn't read the plan for questions yet", { error: String(error) }),
      );
  }

  /** Reads what changed in the store; callers at the same moment share one read. */
  refresh(): Promise<void> {
    this.inFlight ??= this.read().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  close(): void {
    this.background = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async read(): Promise<void> {
    const startedAt = this.o.clock.now().getTime();
    const started = performance.now();
    // Each mirror's changes are taken as soon as it has them, so one failing read loses no other.
    const noteChanges = (changes: MirrorChange<unknown>[]) => {
      if (changes.length > 0) this.snapshot = null;
    };
    const vocabularyChanges = (changes: MirrorChange<Action>[]) => {
      if (changes.some(({ before, after }) => changesVocabulary(before, after))) {
        this.vocabularies = null;
      }
      noteChanges(changes);
    };
    await Promise.all([
      this.actions.refresh().then(vocabularyChanges),
      this.plans.refresh().then((changes) => {
        if (changes.length > 0) this.vocabularies = null;
        noteChanges(changes);
      }),
      this.updates.refresh().then(noteChanges),
      this.reviews.refresh().then(noteChanges),
    ]);
    // The first read fetches everything; how often to read again is judged on reads of changes.
    if (this.refreshedAt !== null) this.lastReadMs = performance.now() - started;
    this.refreshedAt = Math.max(this.refreshedAt ?? startedAt, startedAt);
  }

  private currentSnapshot(): PlanSnapshot {
    if (this.snapshot) return this.snapshot;
    const actionsByPlan = groupBy(this.actions.docs(), (action) => action.planId);
    const updatesByPlan = groupBy(this.updates.docs(), updatePlanId);
    const reviews = this.reviews.docs();
    this.vocabularies ??= new Map();
    const vocabularies = this.vocabularies;
    const snapshots = this.plansToAnswer(actionsByPlan).map((plan) => {
      const actions = actionsByPlan.get(plan.id) ?? [];
      let vocabulary = vocabularies.get(plan.id);
      if (!vocabulary) {
        vocabulary = buildVocabulary(plan, actions);
        vocabularies.set(plan.id, vocabulary);
      }
      const updates = updatesByPlan.get(plan.id) ?? [];
      return buildSnapshot({ plan, actions, updates, reviews, vocabulary });
    });
    const [first, ...others] = snapshots as [PlanSnapshot, ...PlanSnapshot[]];
    // The plans' words together are kept while no plan's words change, so a write such as a
    // submitted update does not make the next question build the parser's look-ups again.
    if (this.merged?.parts !== vocabularies || this.merged.count !== snapshots.length) {
      this.merged = {
        parts: vocabularies,
        count: snapshots.length,
        vocabulary: mergeVocabularies(snapshots),
      };
    }
    this.snapshot =
      others.length === 0
        ? first
        : { ...first, vocabulary: this.merged.vocabulary, plans: snapshots };
    return this.snapshot;
  }

  /**
   * Every plan with a document or with actions, the first plan first, then by name (as `plans`
   * lists them). The first plan's actions without a document are the sample plan's, as they were
   * before a store could hold several; an empty store answers from the sample plan, as always.
   */
  private plansToAnswer(actionsByPlan: ReadonlyMap<string, Action[]>): Plan[] {
    const counts = new Map([...actionsByPlan].map(([planId, actions]) => [planId, actions.length]));
    const plans = orderPlans(this.plans.docs(), counts).map((listed) => listed.plan);
    return plans.length > 0 ? plans : [SAMPLE_PLAN];
  }

  /** Refreshes in the background while people are asking, so questions seldom wait. */
  private keepRefreshing(): void {
    if (this.background) return;
    this.background = true;
    const tick = () => {
      this.timer = null;
      if (!this.background) return;
      if (performance.now() - this.lastAskedAt > IDLE_AFTER_MS) {
        this.background = false;
        return;
      }
      this.refresh().then(schedule, (error: unknown) => {
        // The next question reads again itself, and says so if the store is still unreachable.
        this.background = false;
        this.o.logger.warn("couldn't refresh the question index", { error: String(error) });
      });
    };
    const schedule = () => {
      if (!this.background) return;
      this.timer = setTimeout(tick, backgroundPeriodFor(this.lastReadMs));
      this.timer.unref();
    };
    schedule();
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
