import { KEPT_PARAMS } from "./api.js";

let router = async () => {};

/** app.js hands over its router; pages navigate through here. */
export function setRouter(route) {
  router = route;
}

/** Keeps ?as= and ?theme= on every in-app link, so a developer stays who they chose to be. */
export function appHref(href) {
  const url = new URL(href, location.origin);
  const here = new URLSearchParams(location.search);
  for (const key of KEPT_PARAMS) {
    if (here.get(key) && !url.searchParams.has(key)) url.searchParams.set(key, here.get(key));
  }
  return url.pathname + url.search;
}

export function navigate(href) {
  history.pushState({}, "", appHref(href));
  return router(true);
}
