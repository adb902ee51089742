// The single-page app: routes on the URL hash (#/events?..., #/article/ID, #/map, #/timeline,
// #/network, #/code) to one page function each.

import { articlePage } from "./article.js";
import { codePage } from "./code.js";
import { el, status } from "./dom.js";
import { eventsPage } from "./events.js";
import { mapPage } from "./map.js";
import { networkPage } from "./network.js";
import { timelinePage } from "./timeline.js";

const ROUTES = {
  events: (view, params) => eventsPage(view, params),
  article: (view, params, rest) => articlePage(view, rest, params.get("event")),
  map: (view, params) => mapPage(view, params),
  timeline: (view, params) => timelinePage(view, params),
  network: (view, params) => networkPage(view, params),
  code: (view) => codePage(view),
};

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query = ""] = hash.split("?");
  const [name, ...rest] = path.split("/");
  return {
    name: ROUTES[name] ? name : "events",
    rest: rest.map(decodeURIComponent).join("/"),
    params: new URLSearchParams(query),
  };
}

let current = 0;

async function render() {
  const { name, rest, params } = parseHash();
  const turn = ++current;
  const view = document.getElementById("view");
  view.replaceChildren();
  view.dataset.page = name;
  delete view.dataset.ready;
  for (const link of document.querySelectorAll("#nav a"))
    link.classList.toggle("active", link.dataset.page === name);
  const holder = el("div");
  view.append(holder);
  try {
    await ROUTES[name](holder, params, rest);
    if (turn === current) view.dataset.ready = name;
  } catch (error) {
    if (turn !== current) return;
    holder.append(
      el("p", { class: "error" }, `Could not load this page: ${error.message || error}`),
    );
    status("error", true);
    view.dataset.ready = name;
  }
}

window.addEventListener("hashchange", render);
render();
