// Calls to the REST API under /v1, and the few shape conversions the pages share.

/** "?a=1&b=2" from an object, leaving out empty values. */
export function queryString(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== "" && value !== null && value !== undefined) q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

async function parse(response) {
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body && body.detail;
    // FastAPI gives a string, or for 422 a list of {loc, msg}
    const text = Array.isArray(detail)
      ? detail.map((d) => `${(d.loc || []).slice(-1)[0] || ""}: ${d.msg}`).join("; ")
      : detail || response.statusText;
    throw new Error(`${response.status}: ${text}`);
  }
  return body;
}

export async function getJSON(path, params) {
  return parse(
    await fetch(`/v1/${path}${queryString(params)}`, { headers: { Accept: "application/json" } }),
  );
}

export async function postJSON(path, payload) {
  const response = await fetch(`/v1/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(payload),
  });
  return parse(response);
}

/** The rows of a list response, whether the API returns a bare list or an object holding one. */
export function rowsOf(body, ...keys) {
  if (Array.isArray(body)) return body;
  for (const key of [...keys, "items", "rows", "results", "data"]) {
    if (body && Array.isArray(body[key])) return body[key];
  }
  return [];
}

/** The total count of a paged list response, if it gives one. */
export function totalOf(body) {
  if (!body || Array.isArray(body)) return null;
  for (const key of ["total", "count", "n"]) if (Number.isFinite(body[key])) return body[key];
  return null;
}

/** The most events the map and the timeline fetch (narrow the filters to see the rest). */
export const EVENT_CAP = 5000;

/** Fetch every event matching the filters, page by page, up to `cap` rows. */
export async function allEvents(filters, cap = EVENT_CAP, page = 1000) {
  const rows = [];
  for (let offset = 0; offset < cap; offset += page) {
    const batch = rowsOf(await getJSON("events", { ...filters, limit: page, offset }), "events");
    rows.push(...batch);
    if (batch.length < page) break;
  }
  return rows;
}

function actorFromRow(row, side) {
  if (row[`${side}_start`] === null || row[`${side}_start`] === undefined) {
    if (!row[`${side}_code`] && !row[`${side}_name`]) return null;
  }
  return {
    text: row[`${side}_text`],
    start: row[`${side}_start`],
    end: row[`${side}_end`],
    name: row[`${side}_name`],
    type: row[`${side}_type`],
    country: row[`${side}_country`],
    code: row[`${side}_code`],
    role: row[`${side}_role`],
  };
}

/**
 * One event shape for every page, from either the nested article-result JSON (trigger, source,
 * plover, date, place objects) or a flat events-table row (trigger_start, source_code, ...).
 */
export function normaliseEvent(e) {
  if (e.trigger && typeof e.trigger === "object") {
    return {
      id: e.id,
      articleId: e.article_id || (e.id ? String(e.id).split("-")[0] : null),
      sentence: e.text,
      trigger: e.trigger,
      source: e.source || null,
      target: e.target || null,
      cameo: e.cameo,
      cameoName: e.cameo_name,
      ploverType: e.plover ? e.plover.type : null,
      ploverMode: e.plover ? e.plover.mode : null,
      quad: e.quad_class,
      status: e.status,
      date: e.date ? e.date.value : null,
      dateText: e.date && e.date.basis === "text" ? e.date.text : null,
      place: e.place || null,
    };
  }
  return {
    id: e.id,
    articleId: e.article_id,
    sentence: e.text,
    trigger: { text: e.trigger_text, start: e.trigger_start, end: e.trigger_end },
    source: actorFromRow(e, "source"),
    target: actorFromRow(e, "target"),
    cameo: e.cameo,
    cameoName: e.cameo_name,
    ploverType: e.plover_type,
    ploverMode: e.plover_mode,
    quad: e.quad_class,
    status: e.status,
    date: e.event_date || e.date_value,
    dateText: e.date_basis === "text" ? e.date_text : null,
    place:
      e.place_name || e.place_lat !== null
        ? { name: e.place_name, country: e.place_country, lat: e.place_lat, lon: e.place_lon }
        : null,
  };
}

/** An actor's short label: its code, else its name, else its words. */
export function actorLabel(actor) {
  if (!actor) return "";
  return actor.code || actor.name || actor.text || "";
}
