import type { Config } from "../config.ts";
import { type HttpHandler, type Router, sendJson } from "../http/router.ts";
import { ICON_SVG, PUBLIC_DIR, publicFiles, sendFile, VENDOR_FILES } from "./static-files.ts";

/**
 * The dashboard is one page that routes in the browser: /tab, /tab/actions/CSC-07 and
 * /tab/signoff all serve it, so a reload or a deep link lands on the right view.
 */
export function registerTabPages(router: Router, _config: Config): void {
  const page =
    (file: string): HttpHandler =>
    ({ res }) =>
      sendFile(res, `${PUBLIC_DIR}${file}`, "no-cache");
  router.on("GET", "/tab", page("index.html"));
  router.on("GET", "/tab/actions/:ref", page("index.html"));
  router.on("GET", "/tab/signoff", page("index.html"));
  router.on("GET", "/tab/config", page("config.html"));
  router.on("GET", "/tab/privacy", page("privacy.html"));
  router.on("GET", "/tab/terms", page("terms.html"));
  router.on("GET", "/tab/icon.svg", ({ res }) => sendFile(res, ICON_SVG, "max-age=3600"));

  const files = publicFiles();
  router.on("GET", "/tab/assets/:file", ({ res, params }) => {
    const file = params.file ?? "";
    if (!files.has(file)) return notFound(res, `/tab/assets/${file}`);
    return sendFile(res, `${PUBLIC_DIR}${file}`, "no-cache");
  });
  router.on("GET", "/tab/vendor/:file", ({ res, params }) => {
    const path = VENDOR_FILES[params.file ?? ""];
    if (!path) return notFound(res, `/tab/vendor/${params.file}`);
    return sendFile(res, path, "max-age=3600");
  });
}

function notFound(res: Parameters<HttpHandler>[0]["res"], path: string): void {
  sendJson(res, 404, { error: "not_found", message: `Nothing at ${path}.` });
}
