import type { ChildProcess } from "node:child_process";

/** Everything a child prints, stdout and stderr together in the order it arrives, read so far. */
export function collectOutput(child: ChildProcess): () => string {
  let output = "";
  const add = (d: Buffer) => {
    output += d.toString();
  };
  child.stdout?.on("data", add);
  child.stderr?.on("data", add);
  return () => output;
}

/** Waits for a child to exit: its exit code and everything it printed. */
export function exitOf(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  const output = collectOutput(child);
  return new Promise((resolve) =>
    child.once("exit", (code) => resolve({ code, output: output() })),
  );
}
