/** What a command may touch: its environment and two output streams (tests capture them). */
export interface CommandIo {
  env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
  /** Raw output for exports (no added newline). */
  write(text: string): void;
}
