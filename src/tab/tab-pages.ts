import type { RequestHandler, Router } from "express";
import type { Config } from "../config.ts";
import { sendJson } from "../http/send-json.ts";
import { ICON_SVG, PUBLIC_DIR, publicFiles, sendFile, VENDOR_FILES } from "./static-files.ts";

/**
 * The dashboard is one page that routes in the browser: /tab, /tab/actions/CSC-07 and
 * /tab/signoff all serve it, so a reload or a deep link lands on the right view.
 */
export function registerTabPages(router: Router, _config: Config): void {
  const page =
    (file: string): RequestHandler =>
    (_req, res) =>
      sendFile(res, `${PUBLIC_DIR}${file}`, "no-cache");
  router.get("/tab", page("index.html"));
  router.get("/tab/actions/:ref", page("index.html"));
  router.get("/tab/signoff", page("index.html"));
  router.get("/tab/config", page("config.html"));
  router.get("/tab/privacy", page("privacy.html"));
  router.get("/tab/terms", page("terms.html"));
  router.get("/tab/icon.svg", (_req, res) => sendFile(res, ICON_SVG, "max-age=3600"));
  router.use("/tab/assets", publicFiles());
  router.get("/tab/vendor/:file", (req, res) => {
    const path = VENDOR_FILES.get(req.params.file);
    if (!path) {
      sendJson(res, 404, { error: "not_found", message: `Nothing at ${req.path}.` });
      return;
    }
    return sendFile(res, path, "max-age=3600");
  });
}
