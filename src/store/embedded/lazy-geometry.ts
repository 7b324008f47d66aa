/**
 * The embedded server's SQL engine requires a large geometry library when it loads, for the spatial
 * functions (ST_DISTANCE, ST_WITHIN, ST_INTERSECTS) that the product never calls: over a hundred
 * milliseconds of every start-up and several megabytes of memory. This puts a stand-in where the
 * engine's `require` finds the library; each function it hands out loads the real library the first
 * time one is called, so a spatial query still answers as Azure's would.
 *
 * Installed by calling `installLazyGeometry()` before the engine is required, never by importing
 * this module for its effect: a bundler hoists a package's static import above the bundled code
 * that precedes it, so the compiled server loaded the library before an import-time stand-in.
 */
import { createRequire } from "node:module";

const GEOMETRY_LIBRARY = "@turf/turf";

type Library = Record<string | symbol, (...args: unknown[]) => unknown>;

/** The `require` of the engine the embedded server loads (the copy its own `require` finds). */
function engineRequire(): NodeJS.Require {
  const fromHere = createRequire(import.meta.url);
  const server = createRequire(fromHere.resolve("@vercel/cosmosdb-server/package.json"));
  return createRequire(server.resolve("@zeit/cosmosdb-query/package.json"));
}

/** Puts the stand-in in the engine's module cache, unless the library (or the stand-in) is there. */
export function installLazyGeometry(): void {
  const engine = engineRequire();
  const path = engine.resolve(GEOMETRY_LIBRARY);
  if (engine.cache[path]) return;
  let real: Library | undefined;
  const load = (): Library => {
    if (!real) {
      delete engine.cache[path];
      real = engine(GEOMETRY_LIBRARY) as Library;
    }
    return real;
  };
  const standIn = new Proxy({} as Library, {
    // The engine reads the library's functions when it loads and calls them only in a query.
    get: (_target, name) => {
      if (name === "__esModule") return undefined;
      return (...args: unknown[]) => {
        const fn = load()[name];
        if (typeof fn !== "function") throw new TypeError(`${String(name)} is not a function`);
        return fn(...args);
      };
    },
  });
  engine.cache[path] = {
    id: path,
    filename: path,
    loaded: true,
    exports: standIn,
    children: [],
    paths: [],
  } as unknown as NodeJS.Module;
}

/** Whether the real geometry library has been loaded (for tests). */
export function geometryLibraryLoaded(): boolean {
  const engine = engineRequire();
  const cached = engine.cache[engine.resolve(GEOMETRY_LIBRARY)];
  return cached !== undefined && !isStandIn(cached.exports);
}

function isStandIn(exports: unknown): boolean {
  // The stand-in hands out a function for any name; the real library has no such export.
  return typeof (exports as Library)["\u0000no such export"] === "function";
}
