import { DomainError } from "../../domain/errors.ts";

/** The saved data cannot be read back safely; the message names the file, the byte and the fix. */
export function damagedFileError(file: string, offset: number, reason: string): DomainError {
  return new DomainError(
    "store_unavailable",
    `The store file ${file} is damaged at byte ${offset} (${reason}). Nothing was changed: restore the data folder from a backup, or move that file aside to start without the changes it holds.`,
    { file, offset },
  );
}
