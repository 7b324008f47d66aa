import { fileURLToPath } from "node:url";

/**
 * The project's own files the server reads by path (the sample plan, the tab's pages, the app
 * icon). This module sits directly in src/, and the build writes every compiled file directly in
 * dist/, so the project's folder is one level up from here either way.
 */
export function projectFile(relativePath: string): string {
  return fileURLToPath(new URL(`../${relativePath}`, import.meta.url));
}
