import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/** The deployment files as committed, read from the repository's root. */
export const ROOT = process.cwd();
export const readText = (path: string) => readFileSync(join(ROOT, path), "utf8");
export const readJson = (path: string) => JSON.parse(readText(path)) as Record<string, unknown>;
export const readYaml = (path: string) => parse(readText(path)) as Record<string, unknown>;

export interface ArmResource {
  type: string;
  apiVersion: string;
  name: string;
  kind?: string;
  sku?: { name: string };
  identity?: { type: string; userAssignedIdentities?: Record<string, unknown> };
  dependsOn?: string[];
  properties?: Record<string, unknown>;
}

export interface ArmTemplate {
  parameters: Record<string, { type: string; defaultValue?: unknown }>;
  variables: Record<string, unknown>;
  resources: ArmResource[];
  outputs: Record<string, { type: string; value: unknown }>;
}

export const template = () => readJson("infra/azure.json") as unknown as ArmTemplate;

export function resourceOf(t: ArmTemplate, type: string): ArmResource {
  const found = t.resources.filter((r) => r.type === type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as ArmResource;
}

/** `${{NAME}}` placeholders the toolkit fills from the environment file. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1] as string);
}
