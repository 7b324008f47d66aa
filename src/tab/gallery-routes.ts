import type { RequestHandler, Router } from "express";
import type { Config } from "../config.ts";
import { sendJson } from "../http/send-json.ts";
import { PUBLIC_DIR, sendFile } from "./static-files.ts";

/**
 * The card gallery: every card the bot sends, rendered in the browser by the real Adaptive Cards
 * renderer. Development mode only: in production these addresses do not exist.
 */
export function registerGalleryRoutes(router: Router, config: Config): void {
  if (!config.developmentMode) return;
  const page: RequestHandler = (_req, res) =>
    sendFile(res, `${PUBLIC_DIR}gallery.html`, "no-cache");
  router.get("/playground", page);
  router.get("/cards", page);
  router.get("/playground/cards.json", async (_req, res) => {
    // Loaded on first use: the gallery's sample data is only needed on a development machine.
    const { SAMPLE_CARDS } = await import("../cards/gallery.ts");
    sendJson(res, 200, SAMPLE_CARDS);
  });
}
