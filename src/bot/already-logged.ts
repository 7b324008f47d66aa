/**
 * botbuilder's CloudAdapter prints (console.error) every failure before it answers the request.
 * Plan Tracker logs those failures itself, once and redacted: a failed turn in onTurnError, a
 * refused token where the answer is written. `serve` drops botbuilder's repeat of them.
 */

/** What a failed turn rethrows once the real error is logged: botbuilder answers with this text. */
export class TurnFailedError extends Error {
  constructor() {
    super("The activity could not be handled; the details are in the server's log.");
    this.name = "TurnFailedError";
  }
}

/** True for what botbuilder prints about a failure that is logged already. */
export function isBotbuilderRepeat(args: readonly unknown[]): boolean {
  if (args.length !== 1) return false;
  const [only] = args;
  if (only instanceof TurnFailedError) return true;
  // botbuilder's AuthenticationError (not exported by botbuilder itself) carries its status.
  return only instanceof Error && (only as { statusCode?: unknown }).statusCode === 401;
}
