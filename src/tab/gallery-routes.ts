import type { Config } from "../config.ts";
import { type HttpHandler, type Router, sendJson } from "../http/router.ts";
import { PUBLIC_DIR, sendFile } from "./static-files.ts";

/**
 * The card gallery: every card the bot sends, rendered in the browser by the real Adaptive Cards
 * renderer. Development mode only: in production these addresses do not exist.
 */
export function registerGalleryRoutes(router: Router, config: Config): void {
  if (!config.developmentMode) return;
  const page: HttpHandler = ({ res }) => sendFile(res, `${PUBLIC_DIR}gallery.html`, "no-cache");
  router.on("GET", "/playground", page);
  router.on("GET", "/cards", page);
  router.on("GET", "/playground/cards.json", async ({ res }) => {
    // Loaded on first use: the gallery's sample data is only needed on a development machine.
    const { SAMPLE_CARDS } = await import("../cards/gallery.ts");
    sendJson(res, 200, SAMPLE_CARDS);
  });
}
