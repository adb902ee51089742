// #/map: events placed on a bundled world outline (Natural Earth, equirectangular: x = lon +
// 180, y = 90 - lat), one circle per place and quad class sized by its count. Click the map to
// search around that point; wheel to zoom, drag to pan.

import { EVENT_CAP, allEvents } from "./api.js";
import { QUAD, el, page, quadLegend, status, svg } from "./dom.js";
import { apiFilters, eventTable, filterForm } from "./events.js";

let world = null;
const KM_PER_DEGREE = 111.195;
const ASPECT = 2;

async function loadWorld() {
  if (!world) world = await (await fetch("/static/world-110m.json")).json();
  return world;
}

const project = (lat, lon) => [lon + 180, 90 - lat];
const unproject = (x, y) => [90 - y, x - 180];

/** Events with coordinates grouped by place and quad class, biggest first. */
function markers(rows) {
  const groups = new Map();
  for (const e of rows) {
    if (e.place_lat === null || e.place_lat === undefined || e.place_lon === null) continue;
    const key = `${e.place_lat.toFixed(3)},${e.place_lon.toFixed(3)},${e.quad_class}`;
    if (!groups.has(key))
      groups.set(key, {
        lat: e.place_lat,
        lon: e.place_lon,
        quad: e.quad_class,
        name: e.place_name,
        rows: [],
      });
    groups.get(key).rows.push(e);
  }
  return [...groups.values()].sort((a, b) => b.rows.length - a.rows.length);
}

/** A 2:1 box around the markers (the whole world when there are none). */
function fit(groups, centre) {
  const points = groups.map((g) => project(g.lat, g.lon));
  if (centre) points.push(project(...centre));
  if (!points.length) return [0, 0, 360, 180];
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const w = Math.min(
    360,
    Math.max(
      40,
      Math.max(...xs) - Math.min(...xs) + 20,
      (Math.max(...ys) - Math.min(...ys) + 14) * ASPECT,
    ),
  );
  return clampBox([cx - w / 2, cy - w / ASPECT / 2, w, w / ASPECT]);
}

function clampBox([x, y, w, h]) {
  const width = Math.min(360, Math.max(4, w));
  const height = width / ASPECT;
  return [
    Math.min(Math.max(x, 0), 360 - width),
    Math.min(Math.max(y, 0), 180 - height),
    width,
    height,
  ];
}

/** Parse "lat,lon" (a place name gives null: the server resolves names). */
function point(text) {
  const m = /^\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*$/.exec(text || "");
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function drawMap(world, groups, centre, km, onPick) {
  const outline = svg(
    "g",
    { class: "countries" },
    world.countries.map((c) => svg("path", { d: c.d }, svg("title", {}, c.name))),
  );
  const ring =
    centre && km
      ? svg("ellipse", {
          class: "radius",
          cx: project(...centre)[0],
          cy: project(...centre)[1],
          rx: km / (KM_PER_DEGREE * Math.max(0.05, Math.cos((centre[0] * Math.PI) / 180))),
          ry: km / KM_PER_DEGREE,
        })
      : null;
  const circles = groups.map((g) => {
    const [x, y] = project(g.lat, g.lon);
    const label = `${g.name || "?"}: ${g.rows.length} ${QUAD[g.quad] ? QUAD[g.quad].name : ""} event(s)`;
    const c = svg(
      "circle",
      { class: `marker quad-fill-${g.quad}`, cx: x, cy: y, r: 1, "data-n": g.rows.length },
      svg("title", {}, label),
    );
    c.addEventListener("click", (ev) => {
      ev.stopPropagation();
      onPick(g);
    });
    return c;
  });
  return svg(
    "svg",
    { class: "map", viewBox: "0 0 360 180", role: "img", "aria-label": "map of events" },
    svg("rect", { class: "ocean", x: 0, y: 0, width: 360, height: 180 }),
    outline,
    ring,
    svg("g", { class: "markers" }, circles),
  );
}

/** Wheel zoom, drag pan, and resizing the markers so they keep their size on screen. */
function interact(map, box, onClick) {
  let view = box;
  const apply = () => {
    map.setAttribute("viewBox", view.join(" "));
    const unitsPerPixel = view[2] / Math.max(1, map.clientWidth);
    for (const c of map.querySelectorAll("circle.marker"))
      c.setAttribute("r", (4 + 2.5 * Math.sqrt(Number(c.dataset.n))) * unitsPerPixel);
    map.style.setProperty("--stroke", `${unitsPerPixel}`);
  };
  const toMap = (ev) => {
    const r = map.getBoundingClientRect();
    return [
      view[0] + ((ev.clientX - r.left) / r.width) * view[2],
      view[1] + ((ev.clientY - r.top) / r.height) * view[3],
    ];
  };
  const zoom = (factor, at) => {
    const [mx, my] = at || [view[0] + view[2] / 2, view[1] + view[3] / 2];
    const w = view[2] * factor;
    view = clampBox([
      mx - ((mx - view[0]) / view[2]) * w,
      my - ((my - view[1]) / view[3]) * (w / ASPECT),
      w,
      w / ASPECT,
    ]);
    apply();
  };
  map.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    zoom(ev.deltaY > 0 ? 1.25 : 0.8, toMap(ev));
  });
  let drag = null;
  map.addEventListener("pointerdown", (ev) => {
    drag = { x: ev.clientX, y: ev.clientY, view, moved: false };
  });
  map.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const scale = view[2] / map.getBoundingClientRect().width;
    const dx = (ev.clientX - drag.x) * scale;
    const dy = (ev.clientY - drag.y) * scale;
    if (Math.abs(dx) + Math.abs(dy) > 2 * scale) drag.moved = true;
    view = clampBox([drag.view[0] - dx, drag.view[1] - dy, drag.view[2], drag.view[3]]);
    apply();
  });
  map.addEventListener("pointerleave", () => {
    drag = null;
  });
  map.addEventListener("pointerup", (ev) => {
    if (drag && !drag.moved && ev.target.tagName !== "circle") onClick(unproject(...toMap(ev)));
    drag = null;
  });
  new ResizeObserver(apply).observe(map);
  apply();
  return {
    zoom,
    reset: () => {
      view = box;
      apply();
    },
  };
}

export async function mapPage(view, params) {
  const section = page(
    "Map",
    "Click the map to search around a point; wheel or buttons to zoom, drag to pan.",
  );
  view.append(section);
  section.append(filterForm(params, "map", ["near", "within", "since", "until", "type", "status"]));
  status("loading events…");
  const [outline, rows] = await Promise.all([loadWorld(), allEvents(apiFilters(params))]);
  status("");
  const groups = markers(rows);
  const centre = point(params.get("near"));
  const km = Number(params.get("within")) || null;
  const list = el("div", { class: "map-list" });
  const pick = (g) => {
    list.replaceChildren(
      el("h3", {}, `${g.name || "Place"} · ${g.rows.length} event(s)`),
      el("div", { class: "table-wrap" }, eventTable(g.rows)),
    );
  };
  const click = ([lat, lon]) => {
    const q = new URLSearchParams(params);
    q.set("near", `${lat.toFixed(2)},${lon.toFixed(2)}`);
    if (!q.get("within")) q.set("within", "100");
    location.hash = `#/map?${q}`;
  };
  const map = drawMap(outline, groups, centre, km, pick);
  const placed = groups.reduce((n, g) => n + g.rows.length, 0);
  const controls = el(
    "div",
    { class: "map-controls" },
    el("button", { type: "button", title: "zoom in" }, "+"),
    el("button", { type: "button", title: "zoom out" }, "−"),
    el("button", { type: "button" }, "fit"),
  );
  const legend = quadLegend();
  const first = rows.length >= EVENT_CAP ? "the first " : "";
  legend.append(
    el("span", { class: "muted" }, `${placed} of ${first}${rows.length} events have a place`),
  );
  section.append(legend, el("div", { class: "map-wrap" }, map, controls), list);
  const view2 = interact(map, fit(groups, centre), click);
  const [zin, zout, reset] = controls.children;
  zin.addEventListener("click", () => view2.zoom(0.67));
  zout.addEventListener("click", () => view2.zoom(1.5));
  reset.addEventListener("click", () => view2.reset());
  section.append(
    el(
      "p",
      { class: "credit muted" },
      "Country outlines: Natural Earth (public domain) via world-atlas.",
    ),
  );
}
