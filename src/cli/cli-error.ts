import type { DomainErrorCode } from "../domain/errors.ts";

/** A command that cannot do its job: printed as one line, exit code 1 (2 for usage mistakes). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/**
 * The one place a domain error becomes an exit code; a new code must be added here. Every one is
 * a job the command could not do (1); 2 stays for a command typed wrongly.
 */
export const EXIT_CODE_OF_DOMAIN_CODE = {
  invalid_input: 1,
  not_found: 1,
  forbidden: 1,
  not_in_directory: 1,
  conflict: 1,
  already_decided: 1,
  store_unavailable: 1,
  config: 1,
} satisfies Record<DomainErrorCode, number>;
