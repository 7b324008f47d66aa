// SCAFFOLD: replaced by the tab API (issue 8) in this session.
import type { FeatureDeps } from "../feature-deps.ts";
import type { Router } from "../http/router.ts";

export function registerTabRoutes(_router: Router, _deps: FeatureDeps): void {}
