/** See build-server.mjs: compiles `root`/src into `root`/dist, bundled. */
export function buildServer(root: string): Promise<void>;
