import { showAction } from "./action-page.js";
import { getJson, useTokenSource } from "./api.js";
import { byId } from "./dom.js";
import { appHref, navigate, setRouter } from "./nav.js";
import { showPlan } from "./plan-page.js";
import { showSignOff } from "./signoff-page.js";
import { connectToTeams, getTeamsToken, onTeamsThemeChange } from "./teams.js";
import { applyTheme, browserTheme } from "./theme.js";

const VIEWS = ["view-plan", "view-action", "view-signoff"];

function showProblem(message) {
  const box = byId("problem");
  box.textContent = message;
  box.hidden = !message;
}

async function route(moveFocus = false) {
  showProblem("");
  for (const id of VIEWS) byId(id).hidden = true;
  const action = /^\/tab\/actions\/([^/]+)\/?$/.exec(location.pathname);
  const signOff = /^\/tab\/signoff\/?$/.test(location.pathname);
  for (const link of document.querySelectorAll("[data-nav]")) {
    const current = link.dataset.nav === (signOff ? "signoff" : action ? "" : "plan");
    if (current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  try {
    if (action) await showAction(decodeURIComponent(action[1]), { moveFocus });
    else if (signOff) await showSignOff({ moveFocus });
    else await showPlan({ moveFocus });
  } catch (error) {
    showProblem(error.message);
  } finally {
    byId("loading").hidden = true;
  }
}

function describeViewer(me) {
  byId("who").textContent = `Signed in as ${me.name}`;
  byId("nav-signoff").hidden = !me.canSeeSignOffQueue;
  byId("download-report").hidden = !me.canGetReport;
  byId("f-mine-label").hidden = me.leads.length === 0;
  if (me.development) {
    const banner = byId("dev-banner");
    banner.textContent = `Development mode: no sign-in is checked. You are seeing the dashboard as ${me.name} (${me.email}, ${me.roles.join(", ") || "no role"}). Add ?as=someone@council.gov.uk to the address to see it as someone else.`;
    banner.hidden = false;
  }
}

async function start() {
  setRouter(route);
  applyTheme(browserTheme());
  const teams = await connectToTeams();
  if (teams.inTeams) {
    applyTheme(teams.context?.app?.theme);
    onTeamsThemeChange(applyTheme);
    useTokenSource(getTeamsToken);
  }
  document.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[data-route]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(link.getAttribute("href"));
  });
  window.addEventListener("popstate", () => route(true));
  let me;
  try {
    me = await getJson("/api/me");
  } catch (error) {
    byId("loading").hidden = true;
    showProblem(error.message);
    return;
  }
  window.planTrackerViewer = me;
  describeViewer(me);
  // A deep link from a card ("Open in the dashboard") names the action as the sub-page.
  const subPage = teams.context?.page?.subPageId;
  if (subPage && /^\/tab\/?$/.test(location.pathname)) {
    history.replaceState({}, "", appHref(`/tab/actions/${encodeURIComponent(subPage)}`));
  }
  await route(false);
}

start();
