// The library page: one card per scenario file of the served folder, linking to its page.
"use strict";

function element(tag, attributes, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

async function showLibrary() {
  const status = document.getElementById("status");
  const list = document.getElementById("library");
  try {
    const answer = await fetch("/api/scenarios");
    const body = await answer.json();
    if (!answer.ok) throw new Error(body.error);
    for (const s of body.scenarios) {
      const item = element("li", { class: "card", "data-scenario": s.name });
      const link = element("a", { href: "/scenario/" + encodeURIComponent(s.name) }, s.name);
      const heading = element("h2");
      heading.append(link);
      item.append(heading);
      if (s.error) {
        item.append(element("p", { class: "error" }, s.error));
      } else {
        item.append(element("p", {}, s.description || ""));
        const facts = "tables: " + s.tables.join(", ") +
          (s.variants ? " - " + s.variants + " variant" + (s.variants > 1 ? "s" : "") : "");
        item.append(element("p", { class: "facts" }, facts));
      }
      item.append(element("a", { class: "yaml", href: "/scenarios/" + s.name + ".yaml" },
                          s.file));
      list.append(item);
    }
    status.textContent = body.scenarios.length + " scenarios";
  } catch (e) {
    status.textContent = "The library could not be loaded: " + e.message;
    status.className = "error";
  }
}

showLibrary();
