// #/events: the filter form, a sortable table of events, pages of rows; filters live in the
// URL hash so every view can be linked to.

import { getJSON, rowsOf, totalOf } from "./api.js";
import { el, field, page, quadBadge, status } from "./dom.js";

export const FILTERS = [
  ["source", "Source", "RUS, RUSGOV, name"],
  ["target", "Target", "UKR"],
  ["dyad", "Dyad", "RUS,UKR"],
  ["type", "PLOVER type", "ASSAULT"],
  ["cameo", "CAMEO", "19"],
  ["status", "Status", ""],
  ["since", "Since", ""],
  ["until", "Until", ""],
  ["country", "Country", "ISO3"],
  ["near", "Near", "place or lat,lon"],
  ["within", "Within (km)", "60"],
];
const STATUSES = ["", "asserted", "planned", "reported", "negated", "hypothetical"];
const PAGE = 50;

const COLUMNS = [
  ["event_date", "Date"],
  ["source_code", "Source"],
  ["target_code", "Target"],
  ["trigger_text", "Trigger"],
  ["cameo", "CAMEO"],
  ["plover_type", "PLOVER"],
  ["quad_class", "Quad"],
  ["status", "Status"],
  ["place_name", "Place"],
];

function input(name, placeholder, value) {
  if (name === "status") {
    return el(
      "select",
      { name },
      STATUSES.map((s) =>
        el("option", { value: s, selected: s === value ? "selected" : null }, s || "any"),
      ),
    );
  }
  const type =
    name === "since" || name === "until" ? "date" : name === "within" ? "number" : "text";
  return el("input", {
    name,
    type,
    placeholder,
    value: value || null,
    min: type === "number" ? "0" : null,
  });
}

/** The filter form; submitting it rewrites the hash with the filters. */
export function filterForm(params, route, names = FILTERS.map(([n]) => n)) {
  const form = el(
    "form",
    { class: "filters" },
    FILTERS.filter(([n]) => names.includes(n)).map(([name, label, hint]) =>
      field(label, input(name, hint, params.get(name))),
    ),
    el(
      "div",
      { class: "filter-buttons" },
      el("button", { type: "submit" }, "Apply"),
      el("a", { class: "button-link", href: `#/${route}` }, "Clear"),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = new URLSearchParams();
    for (const [key, value] of new FormData(form))
      if (String(value).trim()) q.set(key, String(value).trim());
    location.hash = `#/${route}${q.toString() ? `?${q}` : ""}`;
  });
  return form;
}

/** The API parameters from the hash parameters (the radius goes as "60km"). */
export function apiFilters(params) {
  const filters = {};
  for (const [name] of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = name === "within" && /^[\d.]+$/.test(value) ? `${value}km` : value;
  }
  return filters;
}

function actorCell(code, name, text) {
  return el("td", { title: [name, text].filter(Boolean).join(" · ") || null }, code || name || "");
}

function row(e) {
  const link = `#/article/${encodeURIComponent(e.article_id)}?event=${encodeURIComponent(e.id)}`;
  return el(
    "tr",
    { "data-event": e.id },
    el("td", { class: "nowrap" }, el("a", { href: link }, e.event_date || "")),
    actorCell(e.source_code, e.source_name, e.source_text),
    actorCell(e.target_code, e.target_name, e.target_text),
    el("td", {}, el("a", { href: link, title: e.text || null }, e.trigger_text || "")),
    el("td", { title: e.cameo_name || null }, e.cameo || ""),
    el("td", {}, e.plover_type || ""),
    el("td", {}, quadBadge(e.quad_class)),
    el("td", {}, el("span", { class: `status-tag status-${e.status}` }, e.status || "")),
    el("td", {}, e.place_name || ""),
  );
}

function compare(key, direction) {
  return (a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === y) return 0;
    if (x === null || x === undefined || x === "") return 1;
    if (y === null || y === undefined || y === "") return -1;
    return (x < y ? -1 : 1) * direction;
  };
}

/** A table whose column headers sort its rows (click again to reverse). */
export function eventTable(rows) {
  const body = el("tbody");
  let sortKey = null;
  let direction = 1;
  const render = () =>
    body.replaceChildren(
      ...(sortKey ? [...rows].sort(compare(sortKey, direction)) : rows).map(row),
    );
  const headers = COLUMNS.map(([key, label]) => {
    const th = el("th", { "data-key": key, tabindex: "0", title: "sort" }, label);
    const sort = () => {
      direction = sortKey === key ? -direction : 1;
      sortKey = key;
      for (const h of headers) h.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", direction > 0 ? "ascending" : "descending");
      render();
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", (ev) => ev.key === "Enter" && sort());
    return th;
  });
  render();
  return el("table", { class: "events-table" }, el("thead", {}, el("tr", {}, headers)), body);
}

function pager(params, count, total) {
  const offset = Number(params.get("offset") || 0);
  const go = (to) => {
    const q = new URLSearchParams(params);
    if (to > 0) q.set("offset", String(to));
    else q.delete("offset");
    return `#/events${q.toString() ? `?${q}` : ""}`;
  };
  const shown = count ? `${offset + 1}–${offset + count}` : "0";
  return el(
    "div",
    { class: "pager" },
    offset > 0 ? el("a", { href: go(Math.max(0, offset - PAGE)) }, "← previous") : null,
    el("span", { class: "muted" }, `events ${shown}${total !== null ? ` of ${total}` : ""}`),
    count === PAGE && (total === null || offset + count < total)
      ? el("a", { href: go(offset + PAGE) }, "next →")
      : null,
  );
}

export async function eventsPage(view, params) {
  const section = page("Events", "Click a column to sort, a date or trigger to read the article.");
  view.append(section);
  section.append(filterForm(params, "events"));
  status("loading events…");
  const offset = Number(params.get("offset") || 0);
  const body = await getJSON("events", { ...apiFilters(params), limit: PAGE, offset });
  const rows = rowsOf(body, "events");
  status("");
  section.append(pager(params, rows.length, totalOf(body)));
  section.append(
    rows.length
      ? el("div", { class: "table-wrap" }, eventTable(rows))
      : el("p", { class: "muted" }, "No events match."),
  );
}
