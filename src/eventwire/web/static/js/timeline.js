// #/timeline: event counts by day, week (from Monday) or month, stacked by quad class.

import { EVENT_CAP, allEvents } from "./api.js";
import { QUAD, el, field, page, quadLegend, status, svg } from "./dom.js";
import { apiFilters, filterForm } from "./events.js";

const DAY = 86400000;

function utc(text) {
  const [y, m, d] = text.slice(0, 10).split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** The first day of the bucket holding `ms`. */
function bucketStart(ms, unit) {
  const d = new Date(ms);
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (unit === "week") return ms - ((d.getUTCDay() + 6) % 7) * DAY;
  return ms;
}

function nextBucket(ms, unit) {
  const d = new Date(ms);
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return ms + (unit === "week" ? 7 : 1) * DAY;
}

/** [{start, counts: {1: n, 2: n, 3: n, 4: n}}] for every bucket from the first to the last. */
export function buckets(rows, unit) {
  const counts = new Map();
  for (const e of rows) {
    if (!e.event_date || !QUAD[e.quad_class]) continue;
    const start = bucketStart(utc(String(e.event_date)), unit);
    if (!counts.has(start)) counts.set(start, { 1: 0, 2: 0, 3: 0, 4: 0 });
    counts.get(start)[e.quad_class] += 1;
  }
  if (!counts.size) return [];
  const starts = [...counts.keys()];
  const out = [];
  const last = Math.max(...starts);
  for (let t = Math.min(...starts); t <= last && out.length < 2000; t = nextBucket(t, unit)) {
    out.push({ start: t, counts: counts.get(t) || { 1: 0, 2: 0, 3: 0, 4: 0 } });
  }
  return out;
}

function label(ms, unit) {
  return unit === "month" ? iso(ms).slice(0, 7) : iso(ms);
}

function chart(series, unit) {
  const W = 960;
  const H = 320;
  const pad = { left: 44, right: 12, top: 12, bottom: 48 };
  const max = Math.max(
    1,
    ...series.map((b) => b.counts[1] + b.counts[2] + b.counts[3] + b.counts[4]),
  );
  const step = (W - pad.left - pad.right) / series.length;
  const scale = (H - pad.top - pad.bottom) / max;
  const ticks = [...new Set([0, Math.round(max / 2), max])];
  const every = Math.max(1, Math.ceil(series.length / 12));
  const bars = series.flatMap((b, i) => {
    let y = H - pad.bottom;
    return [1, 2, 3, 4].map((q) => {
      const h = b.counts[q] * scale;
      y -= h;
      if (!h) return null;
      return svg(
        "rect",
        {
          class: `bar quad-fill-${q}`,
          x: pad.left + i * step + step * 0.1,
          y,
          width: Math.max(1, step * 0.8),
          height: h,
        },
        svg("title", {}, `${label(b.start, unit)}: ${b.counts[q]} ${QUAD[q].name}`),
      );
    });
  });
  return svg(
    "svg",
    {
      class: "timeline",
      viewBox: `0 0 ${W} ${H}`,
      role: "img",
      "aria-label": "event counts over time",
    },
    ticks.map((t) => {
      const y = H - pad.bottom - t * scale;
      return svg(
        "g",
        { class: "tick" },
        svg("line", { x1: pad.left, x2: W - pad.right, y1: y, y2: y }),
        svg("text", { x: pad.left - 6, y: y + 4, "text-anchor": "end" }, String(t)),
      );
    }),
    bars,
    series.map((b, i) =>
      i % every
        ? null
        : svg(
            "text",
            {
              class: "xlabel",
              x: pad.left + i * step + step / 2,
              y: H - pad.bottom + 16,
              "text-anchor": "middle",
            },
            label(b.start, unit),
          ),
    ),
  );
}

export async function timelinePage(view, params) {
  const section = page(
    "Timeline",
    "Events per day, week or month by quad class (the event's date, else the story date).",
  );
  view.append(section);
  const unit = ["day", "week", "month"].includes(params.get("by")) ? params.get("by") : "week";
  const form = filterForm(params, "timeline", [
    "source",
    "target",
    "country",
    "type",
    "status",
    "since",
    "until",
  ]);
  const select = el(
    "select",
    { name: "by" },
    ["day", "week", "month"].map((u) =>
      el("option", { value: u, selected: u === unit ? "selected" : null }, u),
    ),
  );
  select.addEventListener("change", () => form.requestSubmit());
  form.prepend(field("Per", select));
  section.append(form);
  status("loading events…");
  const rows = await allEvents(apiFilters(params));
  status("");
  const series = buckets(rows, unit);
  const legend = quadLegend();
  const first = rows.length >= EVENT_CAP ? "the first " : "";
  legend.append(
    el("span", { class: "muted" }, `${first}${rows.length} events in ${series.length} ${unit}s`),
  );
  section.append(legend);
  section.append(
    series.length
      ? el("div", { class: "chart-wrap" }, chart(series, unit))
      : el("p", { class: "muted" }, "No dated events match."),
  );
}
