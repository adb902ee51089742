// #/code: paste an article, code it with POST /v1/code, and read the result in the article view.

import { articleView, normaliseResult } from "./article.js";
import { postJSON } from "./api.js";
import { el, field, page, status } from "./dom.js";

const EXAMPLE = `OSLO, Norway (eventwire) — Norway's foreign minister met Colombian government negotiators in Oslo on Tuesday to prepare a new round of peace talks, officials said.
Rebels attacked a police station near Cali overnight, killing four officers, the Colombian army said.
"We will not abandon the talks," President Gustavo Petro told reporters in Bogota.
Venezuela offered to host the next meeting in Caracas in June.`;

function today() {
  return new Date().toISOString().slice(0, 10);
}

export function codePage(view) {
  const section = page(
    "Code an article",
    "The article is coded by this server (nothing is stored, nothing leaves the machine).",
  );
  view.append(section);
  const text = el("textarea", {
    name: "text",
    rows: "6",
    placeholder: "Article text…",
    required: "required",
  });
  const date = el("input", { name: "date", type: "date", value: today() });
  const button = el("button", { type: "submit" }, "Code");
  const example = el("button", { type: "button", class: "secondary" }, "Use an example");
  const out = el("div", { class: "code-result" });
  const form = el(
    "form",
    { class: "code-form" },
    field("Article", text),
    el("div", { class: "code-row" }, field("Story date", date), button, example),
  );
  example.addEventListener("click", () => {
    text.value = EXAMPLE;
    date.value = "2024-05-01";
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = text.value;
    if (!body.trim()) return;
    button.disabled = true;
    status("coding…");
    out.replaceChildren();
    try {
      const result = normaliseResult(
        await postJSON("code", { text: body, date: date.value || null }),
      );
      out.append(articleView(result, result.text ?? body, "Coded article"));
      out.scrollIntoView({ block: "start" });
      status("");
    } catch (error) {
      out.append(el("p", { class: "error" }, String(error.message || error)));
      status("coding failed", true);
    } finally {
      button.disabled = false;
    }
  });
  section.append(form, out);
}
