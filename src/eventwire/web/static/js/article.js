// The article view: the text with its spans marked (in the manner of spaCy's displaCy: a
// coloured mark with a small label), the events beside it; hovering an event lights up its
// evidence (trigger, source, target). Text is inserted only as text nodes.

import { actorLabel, getJSON, normaliseEvent, rowsOf } from "./api.js";
import { el, quadBadge, status } from "./dom.js";

export const KINDS = {
  actor: "actor",
  trigger: "trigger",
  place: "place",
  date: "date",
  quote: "quotation",
  amount: "amount",
};

// Outer spans open first when two start at the same character.
const NESTING = { quote: 0, actor: 1, place: 2, date: 3, amount: 4, trigger: 5 };

/** A function from Python's code point offsets to JavaScript's UTF-16 offsets (they differ
 * after a character outside the Basic Multilingual Plane, such as an emoji). */
function utf16Offsets(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const units = [];
  let unit = 0;
  for (const ch of text) {
    units.push(unit);
    unit += ch.length;
  }
  units.push(unit);
  return (i) => (Number.isInteger(i) && i >= 0 && i < units.length ? units[i] : i);
}

/** Where `span` really is in `text`: its offsets when they hold its words, else the nearest
 * occurrence of its words (null when they are not in the text). */
function locate(text, span, unit = (i) => i) {
  const [start, end] = [unit(span.start), unit(span.end)];
  const valid =
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    end > start &&
    end <= text.length;
  if (valid && (!span.text || text.slice(start, end) === span.text)) return [start, end];
  if (!span.text) return null;
  const at = nearest(text, span.text, valid ? start : 0, Infinity);
  return at < 0 ? null : [at, at + span.text.length];
}

function nearest(text, needle, near, within, from = 0, to = text.length) {
  let best = -1;
  let bestDistance = Infinity;
  for (
    let i = text.indexOf(needle, from);
    i >= 0 && i + needle.length <= to;
    i = text.indexOf(needle, i + 1)
  ) {
    const distance = Math.abs(i - near);
    if (distance < bestDistance) [best, bestDistance] = [i, distance];
  }
  return bestDistance <= within ? best : -1;
}

/** The offsets of an event's date words ("on Saturday"): searched in the event's sentence. */
function dateOffsets(text, event) {
  const words = event.dateText;
  const near = event.trigger.start ?? 0; // close enough for a search, even in UTF-16
  if (!words) return null;
  let from = 0;
  let to = text.length;
  if (event.sentence) {
    const s = nearest(text, event.sentence, near, Infinity);
    if (s >= 0 && s <= near && near <= s + event.sentence.length)
      [from, to] = [s, s + event.sentence.length];
  }
  const at = nearest(text, words, near, 400, from, to);
  return at < 0 ? null : [at, at + words.length];
}

/** Every span to mark, keyed by kind and offsets so an event can find its evidence. */
export function collectSpans(text, result) {
  const spans = new Map();
  const unit = utf16Offsets(text);
  const add = (kind, span, label, title, offsets = unit) => {
    const at = span && locate(text, span, offsets);
    if (!at) return null;
    const key = `${kind}:${at[0]}:${at[1]}`;
    const known = spans.get(key);
    if (known) {
      if (label && !known.labels.includes(label)) known.labels.push(label);
      return key;
    }
    spans.set(key, {
      key,
      kind,
      start: at[0],
      end: at[1],
      labels: label ? [label] : [],
      title: title || "",
    });
    return key;
  };
  const actorTitle = (a) => [a.name, a.role, a.type, a.country].filter(Boolean).join(" · ");
  for (const a of result.actors) add("actor", a, actorLabel(a) || a.type, actorTitle(a));
  for (const p of result.places) {
    add(
      "place",
      p,
      p.country ? `PLACE ${p.country}` : "PLACE",
      [p.name, p.kind, p.lat != null ? `${p.lat}, ${p.lon}` : ""].filter(Boolean).join(" · "),
    );
  }
  for (const q of result.quotations) {
    const speaker = q.speaker ? actorLabel(q.speaker) : q.speaker_code || q.speaker_name;
    add(
      "quote",
      q,
      speaker ? `QUOTE ${speaker}` : "QUOTE",
      speaker ? `said by ${speaker}` : "quotation",
    );
  }
  for (const m of result.amounts)
    add("amount", m, m.counts || m.unit || "AMOUNT", `${m.value ?? ""} ${m.unit ?? ""}`.trim());
  const evidence = result.events.map((e) => {
    const keys = { trigger: null, source: null, target: null, date: null };
    const label = [e.cameo, e.ploverType].filter(Boolean).join(" ") || "EVENT";
    keys.trigger = add("trigger", e.trigger, label, e.cameoName || "");
    if (e.source) keys.source = add("actor", e.source, actorLabel(e.source), actorTitle(e.source));
    if (e.target) keys.target = add("actor", e.target, actorLabel(e.target), actorTitle(e.target));
    const at = dateOffsets(text, e);
    if (at)
      keys.date = add(
        "date",
        { start: at[0], end: at[1], text: e.dateText },
        `DATE ${e.date || ""}`.trim(),
        e.date,
        (i) => i,
      );
    return keys;
  });
  return { spans: [...spans.values()], evidence };
}

function markNode(span, first) {
  return el("mark", {
    class: `span span-${span.kind}${first ? "" : " span-cont"}`,
    "data-key": span.key,
    title: span.title || null,
  });
}

/**
 * The text as a fragment of text nodes and nested <mark>s. Spans may nest (an actor inside a
 * quotation) or cross; a crossing span is closed and reopened, and carries its label once, at
 * its end (the label is the only text added, and it is added as text too).
 */
export function markText(text, spans) {
  const ordered = [...spans].sort(
    (a, b) => a.start - b.start || b.end - a.end || NESTING[a.kind] - NESTING[b.kind],
  );
  const bounds = [...new Set([0, text.length, ...ordered.flatMap((s) => [s.start, s.end])])].sort(
    (a, b) => a - b,
  );
  const root = document.createDocumentFragment();
  const stack = [];
  const parent = () => (stack.length ? stack[stack.length - 1].node : root);
  const open = (span, first) => {
    const node = markNode(span, first);
    parent().append(node);
    stack.push({ span, node });
  };
  let next = 0;
  let pos = 0;
  for (const b of bounds) {
    if (b > pos) parent().append(document.createTextNode(text.slice(pos, b)));
    pos = b;
    const lowest = stack.findIndex((entry) => entry.span.end === b);
    if (lowest >= 0) {
      const reopen = [];
      while (stack.length > lowest) {
        const { span, node } = stack.pop();
        if (span.end === b) {
          node.append(el("span", { class: "span-label" }, span.labels.join(" | ")));
        } else {
          reopen.unshift(span);
        }
      }
      for (const span of reopen) open(span, false);
    }
    for (; next < ordered.length && ordered[next].start === b; next += 1) open(ordered[next], true);
  }
  return root;
}

function eventItem(event, keys, textNode) {
  const roles = [
    ["trigger", keys.trigger],
    ["source", keys.source],
    ["target", keys.target],
    ["date", keys.date],
  ];
  const light = (on) => {
    textNode.classList.toggle("focus", on);
    for (const [role, key] of roles) {
      if (!key) continue;
      for (const mark of textNode.querySelectorAll(`mark[data-key="${CSS.escape(key)}"]`)) {
        mark.classList.toggle(`hl-${role}`, on);
      }
    }
  };
  const item = el(
    "li",
    { class: "event-item", tabindex: "0", "data-event": event.id, "data-trigger": keys.trigger },
    el(
      "div",
      { class: "event-dyad" },
      el("b", {}, actorLabel(event.source) || "—"),
      " → ",
      el("b", {}, actorLabel(event.target) || "—"),
    ),
    el("div", { class: "event-trigger" }, "“", event.trigger.text || "", "”"),
    el(
      "div",
      { class: "event-codes" },
      quadBadge(event.quad),
      " ",
      event.cameo || "",
      " ",
      event.ploverType || "",
    ),
    el("div", { class: "event-name muted" }, event.cameoName || ""),
    el(
      "div",
      { class: "event-meta" },
      el("span", { class: `status-tag status-${event.status}` }, event.status || ""),
      event.date ? ` ${event.date}` : "",
      event.place && event.place.name ? ` · ${event.place.name}` : "",
    ),
  );
  item.addEventListener("mouseenter", () => light(true));
  item.addEventListener("mouseleave", () => light(false));
  item.addEventListener("focus", () => light(true));
  item.addEventListener("blur", () => light(false));
  item.addEventListener("click", () => {
    const mark =
      keys.trigger && textNode.querySelector(`mark[data-key="${CSS.escape(keys.trigger)}"]`);
    if (mark) mark.scrollIntoView({ block: "center", behavior: "smooth" });
  });
  return item;
}

function kindToggles(textNode) {
  return el(
    "div",
    { class: "kinds" },
    Object.entries(KINDS).map(([kind, name]) => {
      const box = el("input", { type: "checkbox", checked: "checked" });
      box.addEventListener("change", () => textNode.classList.toggle(`hide-${kind}`, !box.checked));
      return el("label", { class: `kind-toggle span-${kind}` }, box, name);
    }),
  );
}

function header(info, result, fallbackTitle) {
  const facts = [
    info.published && `published ${info.published}`,
    info.dateline && `dateline ${info.dateline}`,
    info.source && `source ${info.source}`,
    `${result.events.length} events`,
    info.id && `id ${info.id}`,
  ].filter(Boolean);
  const canonical = info.canonical_id
    ? el(
        "p",
        {},
        "A near-duplicate of ",
        el("a", { href: `#/article/${encodeURIComponent(info.canonical_id)}` }, info.canonical_id),
        ", which holds the events.",
      )
    : null;
  return el(
    "div",
    { class: "article-head" },
    el("h2", {}, info.title || fallbackTitle),
    el("p", { class: "muted" }, facts.join(" · ")),
    canonical,
  );
}

/** The whole view for one article result (its text given separately when the result lacks it). */
export function articleView(result, text, fallbackTitle = "Untitled article") {
  const { spans, evidence } = collectSpans(text, result);
  const textNode = el("div", { class: "article-text" });
  textNode.append(markText(text, spans));
  const list = el(
    "ol",
    { class: "event-list" },
    result.events.map((e, i) => eventItem(e, evidence[i], textNode)),
  );
  textNode.addEventListener("click", (event) => {
    const mark = event.target.closest("mark.span-trigger");
    if (!mark) return;
    const key = mark.dataset.key;
    for (const item of list.children) {
      if (item.dataset.trigger === key) {
        item.scrollIntoView({ block: "nearest" });
        item.classList.add("flash");
        setTimeout(() => item.classList.remove("flash"), 1200);
      }
    }
  });
  const problems = result.problems.length
    ? el(
        "details",
        { class: "problems" },
        el("summary", {}, `${result.problems.length} problems`),
        el(
          "ul",
          {},
          result.problems.map((p) =>
            el("li", {}, `${p.code || ""} ${p.message || p.reason || ""}`),
          ),
        ),
      )
    : null;
  return el(
    "div",
    { class: "article-view" },
    header(result.article, result, fallbackTitle),
    kindToggles(textNode),
    el(
      "div",
      { class: "article-columns" },
      el("div", { class: "article-main" }, textNode, problems),
      el(
        "aside",
        { class: "article-events" },
        el("h3", {}, "Events"),
        result.events.length ? list : el("p", { class: "muted" }, "No events coded."),
      ),
    ),
  );
}

/** An article result from the API (either /v1/code or /v1/articles/{id}) in the view's shape. */
export function normaliseResult(body) {
  const info = body.article && typeof body.article === "object" ? body.article : body;
  return {
    article: info,
    text: body.text ?? info.text ?? null,
    events: rowsOf(body.events).map(normaliseEvent),
    actors: rowsOf(body.actors),
    places: rowsOf(body.places),
    quotations: rowsOf(body.quotations),
    amounts: rowsOf(body.amounts),
    problems: rowsOf(body.problems),
  };
}

/** #/article/{id}?event=E: load one stored article and show it, with event E in focus. */
export async function articlePage(view, id, eventId) {
  const section = el("section", { class: "page" });
  view.append(section);
  status("loading article…");
  const result = normaliseResult(await getJSON(`articles/${encodeURIComponent(id)}`));
  status("");
  if (result.text === null) {
    section.append(el("p", { class: "muted" }, "The store holds no text for this article."));
    return;
  }
  section.append(articleView(result, result.text));
  const item =
    eventId &&
    [...section.querySelectorAll(".event-item")].find((li) => li.dataset.event === eventId);
  if (item) {
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
  }
}
