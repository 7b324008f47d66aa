import type { Clock } from "../clock.ts";
import { type Action, ActionSchema } from "../domain/action.ts";
import { DEFAULT_PLAN_ID, type Plan, PlanSchema, SAMPLE_PLAN } from "../domain/plan.ts";
import { buildVocabulary, type PlanVocabulary } from "../domain/question/index.ts";
import { type Review, ReviewSchema } from "../domain/review.ts";
import { type Update, UpdateSchema } from "../domain/update.ts";
import type { Logger } from "../logger.ts";
import type { Store } from "../store/store.ts";
import { ContainerMirror, type MirrorChange } from "./container-mirror.ts";
import { backgroundPeriodFor, IDLE_AFTER_MS, isFreshEnough } from "./freshness.ts";
import { buildSnapshot, changesVocabulary, type PlanSnapshot } from "./plan-snapshot.ts";

/**
 * The plan in memory for answering questions: actions, updates, the plan's priorities, reviews and
 * the parser's vocabulary, read in full once and then kept up to date by reading only what changed.
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
  private vocabulary: PlanVocabulary | null = null;
  /** Wall-clock time of the last question, for stopping the background refresh when idle. */
  private lastAskedAt = 0;
  private background = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly o: { store: Store; clock: Clock; logger: Logger }) {
    const { containers } = o.store;
    const onInvalid = (kind: string) => (id: string, problem: string) =>
      o.logger.warn(`a stored ${kind} is not valid, so questions leave it out`, { id, problem });
    const versions = o.store.changeVersions;
    this.actions = new ContainerMirror({
      container: containers.actions,
      schema: ActionSchema,
      partition: { field: "planId", value: DEFAULT_PLAN_ID },
      onInvalid: onInvalid("action"),
      versions,
    });
    this.plans = new ContainerMirror({
      container: containers.plans,
      schema: PlanSchema,
      partition: { field: "id", value: DEFAULT_PLAN_ID },
      onInvalid: onInvalid("plan"),
      versions,
    });
    this.updates = new ContainerMirror({
      container: containers.updates,
      schema: UpdateSchema,
      onInvalid: onInvalid("update"),
      versions,
    });
    this.reviews = new ContainerMirror({
      container: containers.reviews,
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

  /** Reads the plan ahead of the first question, so it needn't wait; a failure waits for that question. */
  warmUp(): void {
    this.refresh().catch((error: unknown) =>
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
        this.vocabulary = null;
      }
      noteChanges(changes);
    };
    await Promise.all([
      this.actions.refresh().then(vocabularyChanges),
      this.plans.refresh().then((changes) => {
        if (changes.length > 0) this.vocabulary = null;
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
    const plan = this.plans.get(DEFAULT_PLAN_ID) ?? SAMPLE_PLAN;
    const actions = this.actions.docs();
    this.vocabulary ??= buildVocabulary(plan, actions);
    this.snapshot = buildSnapshot({
      plan,
      actions,
      updates: this.updates.docs(),
      reviews: this.reviews.docs(),
      vocabulary: this.vocabulary,
    });
    return this.snapshot;
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
