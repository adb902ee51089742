// #/network: actors as nodes, dyads as edges weighted by their event counts and coloured by
// their commonest quad class, placed by a small deterministic force layout.

import { getJSON, rowsOf } from "./api.js";
import { QUAD, el, field, page, quadLegend, status, svg } from "./dom.js";
import { apiFilters, filterForm } from "./events.js";

const MAX_NODES = 40;

const QUAD_FIELDS = {
  1: "verbal_cooperation",
  2: "material_cooperation",
  3: "verbal_conflict",
  4: "material_conflict",
};

/** {a, b, total, byQuad} from one row of /v1/dyads. */
function dyad(row) {
  const byQuad = {};
  for (const q of [1, 2, 3, 4]) byQuad[q] = Number(row[QUAD_FIELDS[q]] || 0);
  return { a: row.source, b: row.target, total: Number(row.events || 0), byQuad };
}

/** Undirected edges between the best-connected actors (an actor's own events, such as a
 * country's police and its protesters, make a loop). */
export function graph(rows, minCount) {
  const edges = new Map();
  for (const r of rows.map(dyad)) {
    if (!r.a || !r.b) continue;
    const [a, b] = r.a < r.b ? [r.a, r.b] : [r.b, r.a];
    const key = `${a}|${b}`;
    if (!edges.has(key)) edges.set(key, { a, b, total: 0, byQuad: { 1: 0, 2: 0, 3: 0, 4: 0 } });
    const e = edges.get(key);
    e.total += r.total;
    for (const q of [1, 2, 3, 4]) e.byQuad[q] += r.byQuad[q];
  }
  const kept = [...edges.values()].filter((e) => e.total >= minCount);
  const weight = new Map();
  for (const e of kept) for (const n of [e.a, e.b]) weight.set(n, (weight.get(n) || 0) + e.total);
  const nodes = [...weight.entries()]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, MAX_NODES)
    .map(([id, w]) => ({ id, weight: w }));
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: kept.filter((e) => ids.has(e.a) && ids.has(e.b)) };
}

/**
 * Fruchterman–Reingold from a circle, a fixed number of steps, in a `width` by `height` box:
 * nodes repel within a few ideal lengths, dyads pull by their weight, a weak pull to the
 * centre keeps separate pairs together. Deterministic: the same dyads give the same picture.
 */
export function layout({ nodes, edges }, width = 1000, height = 640) {
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const xs = nodes.map((_, i) => width / 2 + (width / 3) * Math.cos((2 * Math.PI * i) / n));
  const ys = nodes.map((_, i) => height / 2 + (height / 3) * Math.sin((2 * Math.PI * i) / n));
  const k = Math.min(110, Math.sqrt((width * height) / Math.max(1, n)) * 0.45);
  const links = edges
    .filter((e) => e.a !== e.b)
    .map((e) => [index.get(e.a), index.get(e.b), 1 + Math.log1p(e.total) / 3]);
  for (let step = 0, heat = width / 8; step < 400; step += 1, heat *= 0.99) {
    const dx = new Float64Array(n);
    const dy = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        const x = xs[i] - xs[j] || 0.01 * (i - j);
        const y = ys[i] - ys[j] || 0.01;
        const d2 = x * x + y * y;
        if (d2 > 9 * k * k) continue;
        const f = (k * k) / d2;
        dx[i] += x * f;
        dy[i] += y * f;
        dx[j] -= x * f;
        dy[j] -= y * f;
      }
    }
    for (const [i, j, w] of links) {
      const x = xs[i] - xs[j];
      const y = ys[i] - ys[j];
      const f = (Math.sqrt(x * x + y * y) / k) * w;
      dx[i] -= x * f;
      dy[i] -= y * f;
      dx[j] += x * f;
      dy[j] += y * f;
    }
    for (let i = 0; i < n; i += 1) {
      dx[i] += (width / 2 - xs[i]) * 0.08;
      dy[i] += (height / 2 - ys[i]) * 0.12;
      const len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
      const move = Math.min(len, heat) / len;
      xs[i] = Math.min(width - 40, Math.max(40, xs[i] + dx[i] * move));
      ys[i] = Math.min(height - 30, Math.max(30, ys[i] + dy[i] * move));
    }
  }
  return new Map(nodes.map((node, i) => [node.id, { x: xs[i], y: ys[i] }]));
}

const dominant = (byQuad) =>
  [1, 2, 3, 4].reduce((best, q) => (byQuad[q] > byQuad[best] ? q : best), 1);

function edgeLine(e, at, radius, width) {
  const p = at.get(e.a);
  const q = at.get(e.b);
  const counts = [1, 2, 3, 4]
    .filter((k) => e.byQuad[k])
    .map((k) => `${e.byQuad[k]} ${QUAD[k].name}`)
    .join(", ");
  const attrs = {
    class: `edge quad-stroke-${dominant(e.byQuad)}`,
    "stroke-width": width,
    "data-a": e.a,
    "data-b": e.b,
  };
  const title = svg("title", {}, `${e.a} – ${e.b}: ${e.total} events (${counts})`);
  if (e.a !== e.b) return svg("line", { ...attrs, x1: p.x, y1: p.y, x2: q.x, y2: q.y }, title);
  // an actor's events among its own: a loop on the node's upper right
  const r = 10;
  const cx = p.x + 0.7 * radius + 4;
  const cy = p.y - 0.7 * radius - 4;
  const d = `M${cx - r} ${cy} a${r} ${r} 0 1 0 ${2 * r} 0 a${r} ${r} 0 1 0 ${-2 * r} 0`;
  return svg("path", { ...attrs, d, fill: "none" }, title);
}

/** A 1000:640 view box around the nodes, so a small network is not lost in a big frame. */
function frame(at) {
  const xs = [...at.values()].map((p) => p.x);
  const ys = [...at.values()].map((p) => p.y);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const w = Math.min(
    1000,
    Math.max(
      700,
      Math.max(...xs) - Math.min(...xs) + 120,
      (Math.max(...ys) - Math.min(...ys) + 110) * (1000 / 640),
    ),
  );
  const h = (w * 640) / 1000;
  return [cx - w / 2, cy - h / 2, w, h];
}

function drawGraph(g, at) {
  const maxEdge = Math.max(1, ...g.edges.map((e) => e.total));
  const maxNode = Math.max(1, ...g.nodes.map((n) => n.weight));
  const radius = new Map(g.nodes.map((n) => [n.id, 5 + 13 * Math.sqrt(n.weight / maxNode)]));
  const edges = g.edges.map((e) => {
    const line = edgeLine(e, at, radius.get(e.a), 1 + 7 * Math.sqrt(e.total / maxEdge));
    return svg("a", { href: `#/events?dyad=${encodeURIComponent(`${e.a},${e.b}`)}` }, line);
  });
  const nodes = g.nodes.map((n) => {
    const p = at.get(n.id);
    const r = radius.get(n.id);
    return svg(
      "a",
      { href: `#/events?source=${encodeURIComponent(n.id)}`, class: "node", "data-id": n.id },
      svg("circle", { cx: p.x, cy: p.y, r }, svg("title", {}, `${n.id}: ${n.weight} events`)),
      svg("text", { x: p.x, y: p.y + r + 14, "text-anchor": "middle" }, n.id),
    );
  });
  const chart = svg(
    "svg",
    { class: "network", viewBox: frame(at).join(" "), role: "img", "aria-label": "actor network" },
    svg("g", { class: "edges" }, edges),
    svg("g", { class: "nodes" }, nodes),
  );
  for (const node of chart.querySelectorAll("a.node")) {
    const id = node.dataset.id;
    node.addEventListener("mouseenter", () => {
      chart.classList.add("focus");
      for (const line of chart.querySelectorAll(".edge"))
        line.classList.toggle("lit", line.dataset.a === id || line.dataset.b === id);
    });
    node.addEventListener("mouseleave", () => chart.classList.remove("focus"));
  }
  return chart;
}

export async function networkPage(view, params) {
  const section = page(
    "Actor network",
    `The ${MAX_NODES} most active actors; line width is the number of events, colour the commonest quad class.`,
  );
  view.append(section);
  const level = params.get("level") === "code" ? "code" : "country";
  const form = filterForm(params, "network", ["since", "until", "type", "status", "country"]);
  const select = el(
    "select",
    { name: "level" },
    el("option", { value: "country" }, "countries"),
    el("option", { value: "code", selected: level === "code" ? "selected" : null }, "actor codes"),
  );
  select.addEventListener("change", () => form.requestSubmit());
  form.prepend(field("Actors by", select));
  section.append(form);
  status("loading dyads…");
  const rows = rowsOf(
    await getJSON("dyads", { ...apiFilters(params), level, limit: 500 }),
    "dyads",
  );
  status("");
  const g = graph(rows, 1);
  const legend = quadLegend();
  legend.append(
    el("span", { class: "muted" }, `${g.nodes.length} actors, ${g.edges.length} dyads`),
  );
  section.append(legend);
  section.append(
    g.edges.length
      ? el("div", { class: "chart-wrap" }, drawGraph(g, layout(g)))
      : el("p", { class: "muted" }, "No dyads match."),
  );
}
