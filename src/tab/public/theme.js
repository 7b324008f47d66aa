const THEMES = new Set(["default", "dark", "contrast"]);

/** Teams names its themes default, dark and contrast; the CSS has a palette for each. */
export function applyTheme(name) {
  const theme = THEMES.has(name) ? name : "default";
  if (document.documentElement.dataset.theme === theme) return;
  document.documentElement.dataset.theme = theme;
  window.dispatchEvent(new CustomEvent("plan-tracker-theme", { detail: theme }));
}

/** Outside Teams: ?theme=dark|contrast, else the browser's own preference. */
export function browserTheme() {
  const asked = new URLSearchParams(location.search).get("theme");
  if (asked && THEMES.has(asked)) return asked;
  if (matchMedia("(forced-colors: active)").matches) return "contrast";
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "default";
}
