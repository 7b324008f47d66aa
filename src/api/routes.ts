import type { Router } from "express";
import type { FeatureDeps } from "../feature-deps.ts";
import { registerGalleryRoutes } from "../tab/gallery-routes.ts";
import { registerTabPages } from "../tab/tab-pages.ts";
import { registerApiRoutes } from "./api-routes.ts";

/** The Teams tab, its JSON API, and (in development mode) the card gallery. */
export function registerTabRoutes(router: Router, deps: FeatureDeps): void {
  registerApiRoutes(router, deps);
  registerTabPages(router, deps.config);
  registerGalleryRoutes(router, deps.config);
}
