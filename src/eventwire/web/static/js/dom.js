// Building DOM nodes. Data is only ever inserted as text nodes (never as HTML), so an article
// holding markup or scripts is shown as the words it contains.

const SVG_NS = "http://www.w3.org/2000/svg";

export const QUAD = {
  1: { name: "verbal cooperation", short: "verbal coop" },
  2: { name: "material cooperation", short: "material coop" },
  3: { name: "verbal conflict", short: "verbal conflict" },
  4: { name: "material conflict", short: "material conflict" },
};

function fill(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else if (key === "text") {
      node.textContent = String(value);
    } else {
      node.setAttribute(key, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: el("a", {href: "#/x", class: "c"}, "text", otherNode). */
export function el(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element, same arguments as el(). */
export function svg(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** A page section with a heading and an optional line of help. */
export function page(title, help) {
  return el(
    "section",
    { class: "page" },
    el("h1", {}, title),
    help ? el("p", { class: "help" }, help) : null,
  );
}

/** A coloured dot and name for a quad class. */
export function quadBadge(quad) {
  const q = QUAD[quad];
  if (!q) return el("span", { class: "muted" }, "–");
  return el("span", { class: `quad quad-${quad}`, title: q.name }, q.short);
}

/** The legend of the four quad classes. */
export function quadLegend() {
  return el(
    "div",
    { class: "legend" },
    Object.keys(QUAD).map((k) =>
      el("span", { class: "legend-item" }, el("i", { class: `swatch quad-bg-${k}` }), QUAD[k].name),
    ),
  );
}

/** Show a short message in the header (errors in red). */
export function status(message, isError = false) {
  const node = document.getElementById("status");
  node.textContent = message || "";
  node.classList.toggle("error", Boolean(isError));
}

/** A labelled form field. */
export function field(label, input) {
  return el("label", { class: "field" }, el("span", {}, label), input);
}

export function fmtNumber(n) {
  return n === null || n === undefined ? "" : Number(n).toLocaleString("en");
}
