import { getJson, useTokenSource } from "./api.js";
import { byId, el } from "./dom.js";
import { connectToTeams, getTeamsToken, onTeamsThemeChange, pagesConfig } from "./teams.js";
import { applyTheme, browserTheme } from "./theme.js";

/** The configurable (channel / group chat) tab's setup page: saves the dashboard's address. */
async function start() {
  applyTheme(browserTheme());
  const teams = await connectToTeams();
  const select = byId("c-priority");
  if (!teams.inTeams) {
    byId("config-status").textContent =
      "Open this page from Teams (Add a tab › Plan Tracker) to add the dashboard to a channel.";
    return;
  }
  applyTheme(teams.context?.app?.theme);
  onTeamsThemeChange(applyTheme);
  useTokenSource(getTeamsToken);
  const config = pagesConfig();
  config.registerOnSaveHandler(async (save) => {
    const url = new URL("/tab", location.origin);
    if (select.value) url.searchParams.set("priority", select.value);
    const name = select.value ? `Plan Tracker: priority ${select.value}` : "Plan Tracker";
    try {
      await config.setConfig({
        entityId: `dashboard-${select.value || "all"}`,
        contentUrl: url.href,
        websiteUrl: url.href,
        suggestedDisplayName: name,
      });
      save.notifySuccess();
    } catch (error) {
      save.notifyFailure(String(error?.message ?? error));
    }
  });
  config.setValidityState(true);
  try {
    const plan = await getJson("/api/plan");
    for (const p of plan.plan.priorities)
      select.append(el("option", { value: String(p.number) }, `Priority ${p.number}: ${p.name}`));
  } catch (error) {
    // The whole plan can still be chosen; the dashboard itself explains any sign-in problem.
    byId("config-status").textContent = `Press Save to add the tab. (${error.message})`;
  }
}

start();
