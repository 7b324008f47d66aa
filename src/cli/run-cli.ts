import { isDomainError } from "../domain/errors.ts";
import { scrubSecrets } from "../redact.ts";
import { CliError, EXIT_CODE_OF_DOMAIN_CODE } from "./cli-error.ts";
import type { CommandIo } from "./command-io.ts";

type Command = (args: string[], io: CommandIo) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import("./serve-command.ts")).serveCommand,
  import: async () => (await import("./import-command.ts")).importCommand,
  export: async () => (await import("./export-command.ts")).exportCommand,
  plans: async () => (await import("./plans-command.ts")).plansCommand,
  plan: async () => (await import("./plan-command.ts")).planCommand,
  people: async () => (await import("./people-command.ts")).peopleCommand,
  review: async () => (await import("./review-command.ts")).reviewCommand,
  report: async () => (await import("./report-command.ts")).reportCommand,
};

const USAGE = `Usage: plan-tracker <command>
  serve                                  run the bot, tab and API
  import <file.csv|file.xlsx> [--plan NAME] [--dry-run]   add or update a plan's actions by Ref
  export [--plan NAME] [--format csv|json|xlsx] [--out FILE]
  plans [--json]                         every plan: id, name, actions, priorities
  plan rename <NAME> <NEW NAME> | plan remove <NAME> --yes | plan priorities <NAME> --from FILE
  people add <email> --role <lead|manager|dmt|admin> [--name NAME] [--leads "LEAD TEXT"]...
  people remove <email> | people list [--json] | people import <file.csv> [--dry-run]
  review start [--quarter YYYY-Qn] | review status [--json] | review set-date <YYYY-Qn> <date>
  report --quarter YYYY-Qn [--plan NAME] --out FILE.docx   the quarter's Word report`;

/** Runs one command; every failure becomes one line naming the fix and a non-zero exit code. */
export async function runCli(argv: string[], cliIo: CommandIo): Promise<number> {
  // Messages may quote a configuration value or a library's error text; results on stdout are data.
  const io: CommandIo = { ...cliIo, err: (line) => cliIo.err(scrubSecrets(line)) };
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`Unknown command "${name}".\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (isDomainError(error)) {
      io.err(error.message);
      return EXIT_CODE_OF_DOMAIN_CODE[error.code];
    }
    const code = (error as { code?: string }).code;
    if (
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ||
      code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"
    ) {
      io.err(`${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    io.err(`plan-tracker ${name} failed: ${(error as Error).message}`);
    return 1;
  }
}
