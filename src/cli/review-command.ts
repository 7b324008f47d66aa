import { parseArgs } from "node:util";
import { systemClock } from "../clock.ts";
import { loadConfig } from "../config.ts";
import { quarterLabel } from "../domain/calendar.ts";
import { formatLongDate } from "../domain/iso-date.ts";
import { createLogger } from "../logger.ts";
import { queueOnlyMessenger } from "../outbox/outbox-messenger.ts";
import { loadReviewStatus } from "../review/load-review-status.ts";
import { startReviewLines } from "../review/review-messages.ts";
import type { ReviewLists, ReviewStatus } from "../review/review-status.ts";
import { setReviewDate } from "../review/set-review-date.ts";
import { startReview } from "../review/start-review.ts";
import { CLI_ACTOR } from "../store/audit-log.ts";
import { CliError } from "./cli-error.ts";
import type { CommandIo } from "./command-io.ts";
import { withStore } from "./with-store.ts";

const USAGE =
  "Usage: plan-tracker review start [--quarter YYYY-Qn] | review status [--json] [--quarter YYYY-Qn] | review set-date <YYYY-Qn> <date>";

/** `plan-tracker review start|status|set-date` */
export async function reviewCommand(args: string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "start") return start(rest, io);
  if (sub === "status") return status(rest, io);
  if (sub === "set-date") return setDate(rest, io);
  throw new CliError(USAGE, 2);
}

async function start(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { quarter: { type: "string" } },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new CliError(USAGE, 2);
  const config = loadConfig(io.env);
  const logger = createLogger(config.LOG_LEVEL === "debug" ? "debug" : "warn");
  const result = await withStore(io.env, (store) =>
    // The server delivers: this process only queues the reminders in the shared outbox.
    startReview(
      {
        store,
        messenger: queueOnlyMessenger(store, systemClock),
        clock: systemClock,
        logger,
        config,
      },
      values.quarter,
    ),
  );
  const { title, lines } = startReviewLines(result);
  io.out(title);
  for (const line of lines) io.out(`  ${line}`);
  return result.started && !result.report.recorded ? 1 : 0;
}

async function status(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: "boolean" }, quarter: { type: "string" } },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new CliError(USAGE, 2);
  const config = loadConfig(io.env);
  const result = await withStore(io.env, (store) =>
    loadReviewStatus(store, systemClock.now(), config.REVIEW_TIMEZONE, values.quarter),
  );
  if (values.json) io.write(`${JSON.stringify(result, null, 2)}\n`);
  else for (const line of statusLines(result)) io.out(line);
  return 0;
}

async function setDate(args: string[], io: CommandIo): Promise<number> {
  const [quarter, ...dateWords] = args;
  if (!quarter || dateWords.length === 0) {
    throw new CliError(
      "Say which quarter and the new date: plan-tracker review set-date 2026-Q3 2027-01-15",
      2,
    );
  }
  const { review, rounds } = await withStore(io.env, (store) =>
    setReviewDate(store, quarter, dateWords.join(" "), CLI_ACTOR),
  );
  io.out(
    `The ${quarterLabel(review.quarter)} review is now on ${formatLongDate(review.reviewDate)}.`,
  );
  io.out(
    `  Reminders: review opens ${formatLongDate(rounds.open)}, chaser ${formatLongDate(rounds.chase)}, last chaser ${formatLongDate(rounds.final)}${review.roundsSent.length ? ` (already sent: ${review.roundsSent.join(", ")})` : ""}.`,
  );
  return 0;
}

function statusLines(s: ReviewStatus): string[] {
  const lines = [
    `${quarterLabel(s.quarter)} review on ${formatLongDate(s.reviewDate)} (${s.state})`,
    `  ${s.approved.length} approved, ${s.awaitingSignOff.length} awaiting sign-off, ${s.returned.length} returned, ${s.owing.reduce((n, o) => n + o.refs.length, 0)} still to update`,
  ];
  // With several plans each plan's lists come under its name: two plans may each owe a 1.1.
  if (!s.plans) return [...lines, ...listLines(s, "")];
  for (const plan of s.plans) lines.push(`${plan.planName}:`, ...listLines(plan, "  "));
  return lines;
}

function listLines(s: ReviewLists, indent: string): string[] {
  const lines = [`${indent}Still to update:`];
  if (s.owing.length === 0 && s.noLeadInDirectory.length === 0) lines.push(`${indent}  nobody`);
  for (const o of s.owing) lines.push(`${indent}  ${o.name} <${o.person}>: ${o.refs.join(", ")}`);
  for (const n of s.noLeadInDirectory)
    lines.push(`${indent}  "${n.lead}" (no lead in the directory): ${n.refs.join(", ")}`);
  lines.push(`${indent}Awaiting sign-off:`);
  if (s.awaitingSignOff.length === 0) lines.push(`${indent}  none`);
  for (const a of s.awaitingSignOff)
    lines.push(`${indent}  ${a.ref} from ${a.submittedBy}, proposing ${a.proposedRag}`);
  lines.push(`${indent}Returned:`);
  if (s.returned.length === 0) lines.push(`${indent}  none`);
  for (const r of s.returned)
    lines.push(
      `${indent}  ${r.ref} to ${r.lead}, by ${r.returnedBy}${r.comment ? `: "${r.comment}"` : ""}`,
    );
  return lines;
}
