/**
 * Typed access to the parts of @vercel/cosmosdb-server the embedded store builds on: its request
 * routes, its in-memory Account and the Items class every collection of resources extends.
 * The package ships CommonJS with its exports on `.default`.
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { installLazyGeometry } from "./lazy-geometry.ts";

/** A stored resource (database, container, document or function) as the library keeps it. */
export type Resource = Record<string, unknown> & { id: string; _rid: string };

export interface StoredItem {
  read(): Resource | undefined;
}

/** One set of resources: the databases, a database's containers, a container's documents. */
export interface ResourceSet {
  _data: Map<string, StoredItem>;
  _ridCount: number;
  _set(data: Resource): Resource;
  delete(idOrRid: string, partition: unknown): void;
  _item(keyPath: string, idOrRid: string, partition: unknown): StoredItem;
  _getPartition(data: Resource): unknown;
}

export interface FunctionSet extends ResourceSet {
  functions: Record<string, unknown>;
}

export interface DatabaseItem extends StoredItem {
  collections: ResourceSet;
}

export interface ContainerItem extends StoredItem {
  documents: ResourceSet;
  userDefinedFunctions: FunctionSet;
}

export interface CosmosAccount {
  databases: ResourceSet;
  database(idOrRid: string): DatabaseItem & { collection(idOrRid: string): ContainerItem };
}

export type RouteHandler = (
  account: CosmosAccount,
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
) => unknown;

type Router = (req: IncomingMessage) => [Record<string, string>, RouteHandler] | undefined;

/** Node hands ESM the CommonJS exports object; some loaders (vitest) unwrap `.default` already. */
const defaultOf = <T>(module: unknown): T =>
  ((module as { default?: unknown }).default ?? module) as T;

const require = createRequire(import.meta.url);
// The library loads the SQL engine, which would load the geometry library at once: the stand-in
// goes in first. Required here rather than imported, so no bundling can move them above it.
installLazyGeometry();
const routesModule: unknown = require("@vercel/cosmosdb-server/lib/routes.js");
const accountModule: unknown = require("@vercel/cosmosdb-server/lib/account/index.js");
const itemsModule: unknown = require("@vercel/cosmosdb-server/lib/account/items.js");

export const routeRequest = defaultOf<Router>(routesModule);

const AccountClass = defaultOf<new (host: string, port: number) => CosmosAccount>(accountModule);

export const newAccount = (host: string, port: number): CosmosAccount =>
  new AccountClass(host, port);

/** The prototype shared by every ResourceSet; the change capture wraps two of its methods. */
export const resourceSetPrototype = defaultOf<{ prototype: ResourceSet }>(itemsModule).prototype;

/** The library's self-signed TLS certificate (clients connect with rejectUnauthorized: false). */
export function libraryCertificatePaths(): { cert: string; key: string } {
  const root = dirname(require.resolve("@vercel/cosmosdb-server/package.json"));
  return { cert: join(root, "cert.pem"), key: join(root, "key.pem") };
}
