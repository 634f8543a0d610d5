// A scenario's page: a control for every scalar of the file that `--set` reaches, the file's
// variants as toggles and its `group_by` outcomes as a condition; every change runs the
// what-if on the server (POST /api/run) and redraws its distributions over the baseline's.
// The state lives in the URL (page_state.js), so a what-if can be shared as a link.
"use strict";

const scenarioName = decodeURIComponent(location.pathname.split("/").pop());
const session = "p" + Math.random().toString(36).slice(2, 12);
let form = null; // GET /api/scenarios/NAME
let state = PageState.parse(location.search);
let sequence = 0; // of the latest request sent
let inFlight = null; // its AbortController
let timer = null;

// Short numbers for ranges and tables: 1234.5 -> "1,234.5".
function format(x) {
  if (x === null || x === undefined || !isFinite(x)) return "-";
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e7 || a < 1e-3)) return x.toExponential(2);
  return x.toLocaleString("en-US", { maximumFractionDigits: a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3 });
}

function element(tag, attributes, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function setStatus(text, kind) {
  const status = document.getElementById("status");
  status.textContent = text;
  status.dataset.state = kind;
}

// ---- controls --------------------------------------------------------------------------------

function rangeText(f) {
  if (f.kind === "choice") return "one of " + f.options.join(", ");
  if (f.kind === "month") return "YYYY-MM";
  if (f.kind === "boolean") return "true or false";
  if (f.min === null && f.max === null) return f.kind === "number" || f.kind === "integer" ? "any " + f.kind : "";
  const lo = f.min === null ? "" : (f.min_open ? "> " : ">= ") + format(f.min);
  const hi = f.max === null ? "" : (f.max_open ? "< " : "<= ") + format(f.max);
  return (f.kind === "integer" ? "integer " : "") + [lo, hi].filter((x) => x).join(", ");
}

// The slider's span: the validator's range where it is finite, else around the file's value.
function sliderSpan(f) {
  const v = Number(f.value);
  if (!isFinite(v)) return null;
  const reach = Math.max(Math.abs(v), f.kind === "integer" ? 10 : 1);
  let lo = f.min !== null ? f.min : v - reach;
  let hi = f.max !== null ? f.max : v + reach;
  if (f.min !== null && f.max === null) hi = Math.max(v * 2, f.min + reach);
  if (hi - lo > 1e9) return null; // integers such as years up to 1000 are fine; seeds are not
  let step = f.kind === "integer" ? 1 : (hi - lo) / 200;
  if (f.kind !== "integer") step = Number(step.toPrecision(1));
  if (f.min_open) lo += step;
  if (f.max_open) hi -= step;
  return { lo, hi, step };
}

function rounded(x, step) {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return String(Number(Number(x).toFixed(Math.min(decimals, 12))));
}

function onFieldChange(path, original, value) {
  if (value === original) state.sets.delete(path); else state.sets.set(path, value);
  schedule();
}

function fieldControl(f, id) {
  const row = element("div", { class: "field", "data-path": f.path, "data-kind": f.kind });
  const label = element("label", { for: id }, f.path.split(".").slice(2).join(".") || f.path);
  label.title = f.path;
  row.append(label);
  const current = state.sets.has(f.path) ? state.sets.get(f.path) : f.value;
  if (f.kind === "choice" || f.kind === "boolean") {
    const select = element("select", { id, "data-path": f.path });
    const options = f.kind === "boolean" ? ["true", "false"] : f.options;
    for (const o of options) select.append(element("option", { value: o }, o));
    select.value = current;
    select.addEventListener("change", () => onFieldChange(f.path, f.value, select.value));
    row.append(select);
  } else {
    const input = element("input", { id, type: "text", "data-path": f.path, value: current,
                                     inputmode: f.kind === "number" || f.kind === "integer" ? "decimal" : "text" });
    const span = f.kind === "number" || f.kind === "integer" ? sliderSpan(f) : null;
    if (span) {
      const slider = element("input", { type: "range", min: span.lo, max: span.hi, step: span.step,
                                        "aria-label": f.path, "data-path": f.path });
      slider.value = isFinite(Number(current)) ? current : f.value;
      slider.addEventListener("input", () => {
        input.value = rounded(slider.value, span.step);
        onFieldChange(f.path, f.value, input.value);
      });
      input.addEventListener("input", () => {
        if (isFinite(Number(input.value))) slider.value = input.value;
      });
      row.append(slider);
    }
    const event = f.kind === "text" || f.kind === "month" ? "change" : "input";
    input.addEventListener(event, () => onFieldChange(f.path, f.value, input.value.trim()));
    row.append(input);
  }
  row.append(element("span", { class: "range" }, rangeText(f)));
  row.append(element("p", { class: "field-error", role: "alert" }));
  return row;
}

function buildFields() {
  const container = document.getElementById("fields");
  container.textContent = "";
  const sections = new Map();
  for (const f of form.fields) {
    const parts = f.path.split(".");
    const section = parts[0];
    const owner = parts.length > 2 ? parts[1] : "";
    if (!sections.has(section)) sections.set(section, new Map());
    const owners = sections.get(section);
    if (!owners.has(owner)) owners.set(owner, []);
    owners.get(owner).push(f);
  }
  let n = 0;
  for (const [section, owners] of sections) {
    const main = ["tables", "actors", "shocks", "links", "correlations"].includes(section);
    const box = element("details", { class: "section", "data-section": section });
    if (main) box.open = true;
    box.append(element("summary", {}, section));
    for (const [owner, fields] of owners) {
      const group = element("fieldset");
      if (owner) group.append(element("legend", {}, owner));
      for (const f of fields) group.append(fieldControl(f, "field-" + n++));
      box.append(group);
    }
    container.append(box);
  }
}

function buildRunControls() {
  const variants = document.getElementById("variants");
  variants.textContent = "";
  if (form.variants && form.variants.length) {
    variants.append(element("span", { class: "variants-label" }, "Variants:"));
    for (const v of form.variants) {
      const button = element("button", { type: "button", class: "variant", "data-variant": v.name,
                                         "aria-pressed": String(state.variant === v.name) }, v.name);
      button.title = (v.description ? v.description + "\n" : "") +
        v.set.map((s) => s.path + " = " + s.value).join("\n");
      button.addEventListener("click", () => {
        state.variant = state.variant === v.name ? "" : v.name;
        for (const b of variants.querySelectorAll("button"))
          b.setAttribute("aria-pressed", String(b.dataset.variant === state.variant));
        schedule();
      });
      variants.append(button);
    }
    variants.append(element("p", { class: "field-error", role: "alert" }));
  }
  const group = document.getElementById("group");
  group.textContent = "";
  for (const g of form.groups) {
    const text = g.shock ? "if " + g.shock + " goes to " + g.outcome : "all trials";
    group.append(element("option", { value: g.label }, text));
  }
  group.value = state.group;
  document.getElementById("group-label").hidden = form.groups.length < 2;
  group.addEventListener("change", () => { state.group = group.value; schedule(); });
  const seed = document.getElementById("seed");
  const trials = document.getElementById("trials");
  seed.placeholder = String(form.seed);
  trials.placeholder = String(Math.min(form.default_trials, form.max_trials));
  trials.max = String(form.max_trials);
  seed.value = state.seed || "";
  trials.value = state.trials || "";
  seed.addEventListener("input", () => { state.seed = seed.value || null; schedule(); });
  trials.addEventListener("input", () => { state.trials = trials.value || null; schedule(); });
  document.getElementById("reset").addEventListener("click", () => {
    history.replaceState(null, "", location.pathname);
    state = PageState.parse("");
    buildRunControls();
    buildFields();
    schedule();
  });
}

// ---- runs ----------------------------------------------------------------------------------

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(run, 60);
}

function updateLinks() {
  const query = PageState.query(state);
  history.replaceState(null, "", location.pathname + query);
  for (const a of document.querySelectorAll(".downloads a[data-file]"))
    a.href = "/api/scenarios/" + scenarioName + "/download/" + a.dataset.file + query;
  document.getElementById("download-yaml").href = "/scenarios/" + scenarioName + ".yaml";
}

function showErrors(errors) {
  for (const p of document.querySelectorAll(".field-error")) p.textContent = "";
  for (const e of document.querySelectorAll(".invalid")) e.classList.remove("invalid");
  const general = document.getElementById("errors");
  general.textContent = "";
  for (const e of errors || []) {
    let row = e.field ? document.querySelector('.field[data-path="' + CSS.escape(e.field) + '"]') : null;
    if (!row && e.field && e.field.startsWith("variants.")) row = document.getElementById("variants");
    if (!row && (e.field === "seed" || e.field === "trials"))
      row = document.getElementById(e.field).parentElement;
    if (row && row.querySelector(".field-error")) {
      row.classList.add("invalid");
      row.querySelector(".field-error").textContent = e.text;
    } else {
      general.append(element("p", {}, e.text));
    }
  }
}

async function run() {
  updateLinks();
  const mine = ++sequence;
  if (inFlight) inFlight.abort();
  inFlight = new AbortController();
  setStatus("Running...", "running");
  let answer, body;
  try {
    answer = await fetch("/api/run", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(PageState.request(scenarioName, state, session, mine)),
      signal: inFlight.signal,
    });
    body = await answer.json();
  } catch (e) {
    if (e.name !== "AbortError" && mine === sequence) setStatus("No answer: " + e.message, "error");
    return;
  }
  if (mine !== sequence || answer.status === 409) return; // superseded
  if (!answer.ok) {
    showErrors(body.errors);
    setStatus("Not run: " + body.error, "error");
    return;
  }
  showErrors([]);
  draw(body);
  setStatus(body.scenario + ": " + body.trials.toLocaleString("en-US") + " trials, seed " +
            body.seed + (body.group !== "all" ? ", " + body.group : "") + ", " +
            Math.round(body.elapsed_ms) + " ms", "ready");
}

// ---- results -------------------------------------------------------------------------------

function metricLabel(metric) {
  return { amount: "amount (first year)", change_pct: "change from the baseline (%)",
           month: "month of settlement (rounds from opening)", total: "total over the agreement" }[metric] || metric;
}

function summaryTable(table) {
  const t = element("table", { class: "summary" });
  const head = element("tr");
  for (const h of ["metric", "series", "n", "mean", "p05", "p50", "p95"]) head.append(element("th", {}, h));
  t.append(head);
  for (const m of table.metrics) {
    for (const s of m.series) {
      const row = element("tr", { "data-metric": m.metric, "data-series": s.role });
      const q = s.quantiles;
      for (const v of [m.metric, s.name, s.n, s.mean, q.p05, q.p50, q.p95])
        row.append(element("td", {}, typeof v === "number" ? format(v) : v === null ? "-" : v));
      t.append(row);
    }
  }
  return t;
}

function draw(result) {
  const container = document.getElementById("tables");
  container.textContent = "";
  for (const table of result.tables) {
    const box = element("section", { class: "table-result", "data-table": table.name });
    box.append(element("h2", {}, "Table " + table.name + " (baseline " +
                       format(table.baseline) + " " + table.currency + ")"));
    const figures = element("div", { class: "figures" });
    const metric = (name) => table.metrics.find((m) => m.metric === name);
    const unitOf = (name) => (name === "amount" || name === "total" ? table.currency : "");
    // The report's figure module (analysis/results/report/figures.js) draws every figure.
    for (const [name, kind] of [["amount", "histogram"], ["amount", "cdf"], ["month", "histogram"]]) {
      const m = metric(name);
      if (!m) continue;
      const holder = element("div", { class: "figure", "data-figure": name + "-" + kind });
      holder.append(ParleyFigures.draw({
        kind, title: (kind === "cdf" ? "Cumulative " : "") + metricLabel(name) + ": " + table.name,
        x_label: metricLabel(name), unit: unitOf(name), observed: null,
        series: m.series.map((s) => ({
          name: s.name, n: s.n, p05: s.quantiles.p05, p50: s.quantiles.p50, p95: s.quantiles.p95,
          bins: s.bins.map((b) => [b.lo, b.hi, b.density]),
          cdf: s.bins.map((b) => [b.hi, b.cdf]),
        })),
      }, document));
      figures.append(holder);
    }
    const categories = ["agreed", "extended", "no_deal"];
    const shares = element("div", { class: "figure", "data-figure": "outcomes" });
    shares.append(ParleyFigures.draw({
      kind: "shares", title: "Outcomes: " + table.name, categories,
      series: table.outcomes.map((g) => ({
        name: g.name, values: categories.map((c) => g.shares[c].share),
        se: categories.map((c) => g.shares[c].se),
      })),
    }, document));
    figures.append(shares);
    box.append(figures);
    box.append(summaryTable(table));
    container.append(box);
  }
}

// ---- start ---------------------------------------------------------------------------------

async function start() {
  const answer = await fetch("/api/scenarios/" + encodeURIComponent(scenarioName));
  form = await answer.json();
  if (!answer.ok) {
    setStatus(form.error, "error");
    return;
  }
  document.title = "parley: " + form.name;
  document.getElementById("title").textContent = form.name;
  document.getElementById("description").textContent = form.description || "";
  if (form.errors.length) showErrors(form.errors.map((e) => ({ text: e.text, field: "" })));
  buildRunControls();
  buildFields();
  run();
}

start();
