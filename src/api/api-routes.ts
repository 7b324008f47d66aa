import type { RequestHandler, Router } from "express";
import { todayIn } from "../domain/calendar.ts";
import { requireCapability } from "../domain/permissions.ts";
import { DEFAULT_PLAN_ID } from "../domain/plan.ts";
import { planRowsToXlsx } from "../export/export-xlsx.ts";
import { toPlanRows } from "../export/plan-rows.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import { type HttpContext, handle } from "../http/http-handler.ts";
import { sendJson } from "../http/send-json.ts";
import { NO_PLAN_YET } from "../plans/no-plan-yet.ts";
import { listPlans } from "../plans/plan-list.ts";
import { DOCX_TYPE, loadReportDocx, reportFileName } from "../report/load-report.ts";
import { reportQuarterOf } from "../report/report-quarter.ts";
import { loadActionView } from "./action-view.ts";
import { ApiError, sendApiError } from "./api-error.ts";
import { choosePlan, plansForViewer } from "./plan-choice.ts";
import { parsePlanFilters } from "./plan-filters.ts";
import { buildPlanView } from "./plan-view.ts";
import { buildSignOffQueue } from "./signoff-queue.ts";
import type { TabSsoConfig } from "./sso-settings.ts";
import {
  actionsForExport,
  requirePlanAccess,
  requireSignOffQueueAccess,
  tabAccess,
} from "./tab-access.ts";
import { createViewerResolver, type Viewer } from "./viewer.ts";

type ApiHandler = (ctx: HttpContext, viewer: Viewer) => Promise<void>;

/** The dashboard's JSON API: every call is signed in (or a flagged development user) and role-checked. */
export function registerApiRoutes(
  router: Router,
  deps: FeatureDeps & { config: TabSsoConfig },
): void {
  const resolveViewer = createViewerResolver({ ...deps, now: () => deps.clock.now() });
  const today = () => todayIn(deps.config.REVIEW_TIMEZONE, deps.clock.now());
  const { store } = deps;

  const api = (handler: ApiHandler): RequestHandler =>
    handle(async (ctx) => {
      try {
        const viewer = await resolveViewer(ctx.req, ctx.url);
        if (viewer.development)
          ctx.res.setHeader("x-plan-tracker-development-user", viewer.person.email);
        await handler(ctx, viewer);
      } catch (error) {
        if (error instanceof ApiError && error.status >= 500)
          deps.logger.warn("tab API refused", { code: error.code });
        sendApiError(ctx.res, error);
      }
    });

  router.get(
    "/api/me",
    api(async ({ res }, viewer) => {
      const p = viewer.person;
      sendJson(res, 200, {
        email: p.email,
        name: p.name,
        roles: p.roles,
        leads: p.leads,
        development: viewer.development,
        ...tabAccess(p),
      });
    }),
  );

  /** `?plan=<id>` of a request, or the viewer's first plan; an unknown id is a 404 naming the plans. */
  const planOf = (url: URL, viewer: Viewer) =>
    choosePlan(store, viewer.person, url.searchParams.get("plan"));

  router.get(
    "/api/plans",
    api(async ({ res }, viewer) => {
      requirePlanAccess(viewer.person);
      sendJson(res, 200, { plans: await plansForViewer(store, viewer.person) });
    }),
  );

  router.get(
    "/api/plan",
    api(async ({ res, url }, viewer) => {
      requirePlanAccess(viewer.person);
      const filters = parsePlanFilters(url.searchParams);
      const plan = await planOf(url, viewer);
      const [actions, updates] = await Promise.all([
        store.actions.list(plan.id),
        store.updates.all(),
      ]);
      const view = buildPlanView({
        plan,
        actions,
        updates,
        today: today(),
        viewer: viewer.person,
        filters,
      });
      // A production store before its first import: say so, and how, instead of an empty table.
      const noPlan = actions.length === 0 && (await listPlans(store)).length === 0;
      sendJson(
        res,
        200,
        noPlan ? { ...view, notice: `${NO_PLAN_YET.message} ${NO_PLAN_YET.fix}` } : view,
      );
    }),
  );

  router.get(
    "/api/actions/:ref",
    api(async ({ res, params, url }, viewer) => {
      requirePlanAccess(viewer.person);
      sendJson(
        res,
        200,
        await loadActionView(
          store,
          await planOf(url, viewer),
          params.ref ?? "",
          today(),
          viewer.person,
        ),
      );
    }),
  );

  router.get(
    "/api/signoff-queue",
    api(async ({ res }, viewer) => {
      requireSignOffQueueAccess(viewer.person);
      // DMT decides every plan's updates, so the queue holds them all, each under its plan.
      const [plans, updates] = await Promise.all([listPlans(store), store.updates.all()]);
      const actions = (await Promise.all(plans.map((p) => store.actions.list(p.plan.id)))).flat();
      const planNames = new Map(plans.map((p) => [p.plan.id, p.plan.name]));
      sendJson(res, 200, {
        items: buildSignOffQueue(actions, updates, today(), deps.config.REVIEW_TIMEZONE, planNames),
      });
    }),
  );

  router.get(
    "/api/export.xlsx",
    api(async ({ res, url }, viewer) => {
      requirePlanAccess(viewer.person);
      const plan = await planOf(url, viewer);
      const [actions, updates] = await Promise.all([
        store.actions.list(plan.id),
        store.updates.all(),
      ]);
      const day = today();
      const rows = toPlanRows(actionsForExport(viewer.person, actions), updates);
      // The first plan's report keeps the name it always had; another plan's says whose it is.
      const name = plan.id === DEFAULT_PLAN_ID ? "" : `${plan.id.replace(/[^a-z0-9-]+/gi, "-")}-`;
      const bytes = await planRowsToXlsx(rows, plan, { today: day });
      res.writeHead(200, {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="plan-tracker-${name}${day}.xlsx"`,
        "content-length": bytes.length,
        "cache-control": "no-store",
      });
      res.end(bytes);
    }),
  );

  /** The quarter's Word report (`?quarter=2026-Q3`, else the review just held) for DMT and managers. */
  router.get(
    "/api/report.docx",
    api(async ({ res, url }, viewer) => {
      requireCapability(viewer.person, "downloadReport");
      const plan = await planOf(url, viewer);
      const day = today();
      const quarter = await reportQuarterOf(store, url.searchParams.get("quarter"), day);
      const bytes = await loadReportDocx(store, deps.config, { plan, quarter, today: day });
      res.writeHead(200, {
        "content-type": DOCX_TYPE,
        "content-disposition": `attachment; filename="${reportFileName(plan, quarter)}"`,
        "content-length": bytes.length,
        "cache-control": "no-store",
      });
      res.end(bytes);
    }),
  );

  router.get("/api/{*rest}", (req, res) => {
    sendJson(res, 404, {
      error: "not_found",
      message: `The dashboard's API has nothing at ${req.path}.`,
    });
  });
}
