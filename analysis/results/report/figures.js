// parley's figure module: draws SVG figures from plain JSON descriptions, with no dependency.
// report.html (`parley report`) inlines it; any page may load it the same way.
//
//   <div data-figure="3"></div> ...
//   <script type="application/json" id="parley-figures">[spec0, spec1, ...]</script>
//   <script>/* this file */ ParleyFigures.drawAll(document);</script>
//
//   const svg = ParleyFigures.draw(spec, document);   // one <svg> element (role="img", with
//                                                     // <title> and <desc> text alternatives)
//
// Specs (numbers are JSON numbers; null = undefined):
//   {kind: "histogram", title, x_label, unit, observed: x|null,
//    series: [{name, n, bins: [[lower, upper, density], ...], p05, p50, p95}]}
//       densities of every series overlaid as outlined steps, p05/p50/p95 as dashed lines
//   {kind: "cdf", ...same fields, series[i].cdf: [[x, F], ...]}   cumulative shares, overlaid
//   {kind: "shares", title, categories: [..], series: [{name, values: [..], se: [..]}]}
//       grouped bars in percent with +-1.96 se error bars
//   {kind: "points", title, x_label, y_label, series: [{name, points: [[x, y, lo, hi], ...]}]}
//       a response: points with vertical intervals [lo, hi]
//   {kind: "intervals", title, x_label, zero: true|false, rows: [{label, series, value, lo, hi}]}
//       dot-and-whisker rows (differences with +-2 se, Sobol indices with intervals); the axis
//       includes 0 (dashed) unless zero is false
// A series with n = 0 (an empty group) is not drawn; the figure says so in one line of text.
(function (root) {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";
  const COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
                  "#F0E442"];
  const W = 640, H = 300, M = {left: 64, right: 16, top: 34, bottom: 46};

  function el(doc, name, attrs, text) {
    const e = doc.createElementNS(SVG, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function fmt(x) {
    if (x === null || x === undefined || !isFinite(x)) return "-";
    const a = Math.abs(x);
    if (a !== 0 && (a >= 1e6 || a < 1e-3)) return x.toExponential(2);
    return String(Number(x.toPrecision(a >= 100 ? 5 : 3)));
  }

  // About `count` round tick values covering [lo, hi].
  function ticks(lo, hi, count) {
    if (!(hi > lo)) return [lo];
    const raw = (hi - lo) / count, p = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) || 10 * p;
    const out = [];
    for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
      out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
    return out;
  }

  function scale(d0, d1, r0, r1) {
    const span = d1 - d0 || 1;
    return (x) => r0 + ((x - d0) / span) * (r1 - r0);
  }

  // The frame every figure shares: <svg> with title, desc, axes, ticks and labels.
  function frame(doc, spec, desc, xr, yr, xLabel, yLabel, height) {
    const h = height || H;
    const id = "f" + Math.random().toString(36).slice(2, 9);
    const svg = el(doc, "svg", {viewBox: `0 0 ${W} ${h}`, role: "img", class: "parley-figure",
                                "aria-labelledby": `${id}t ${id}d`, width: "100%"});
    svg.appendChild(el(doc, "title", {id: id + "t"}, spec.title || ""));
    svg.appendChild(el(doc, "desc", {id: id + "d"}, desc));
    // The visible title is the page's <figcaption>; <title> and <desc> name the figure for
    // screen readers and for a figure shown on its own.
    const x = scale(xr[0], xr[1], M.left, W - M.right);
    const y = scale(yr[0], yr[1], h - M.bottom, M.top);
    const axes = el(doc, "g", {class: "axes"});
    axes.appendChild(el(doc, "line", {x1: M.left, x2: W - M.right, y1: h - M.bottom,
                                      y2: h - M.bottom}));
    axes.appendChild(el(doc, "line", {x1: M.left, x2: M.left, y1: M.top, y2: h - M.bottom}));
    if (xLabel !== null) {
      for (const t of ticks(xr[0], xr[1], 7)) {
        axes.appendChild(el(doc, "line", {x1: x(t), x2: x(t), y1: h - M.bottom,
                                          y2: h - M.bottom + 4}));
        axes.appendChild(el(doc, "text", {x: x(t), y: h - M.bottom + 16, "text-anchor": "middle"},
                            fmt(t)));
      }
    }
    for (const t of yLabel === false ? [] : ticks(yr[0], yr[1], 5)) {
      axes.appendChild(el(doc, "line", {x1: M.left - 4, x2: M.left, y1: y(t), y2: y(t)}));
      axes.appendChild(el(doc, "text", {x: M.left - 6, y: y(t) + 4, "text-anchor": "end"}, fmt(t)));
    }
    if (xLabel)
      axes.appendChild(el(doc, "text", {x: (M.left + W - M.right) / 2, y: h - 8,
                                        "text-anchor": "middle", class: "label"}, xLabel));
    if (yLabel)
      axes.appendChild(el(doc, "text", {x: 14, y: (M.top + h - M.bottom) / 2, class: "label",
                                        "text-anchor": "middle",
                                        transform: `rotate(-90 14 ${(M.top + h - M.bottom) / 2})`},
                          yLabel));
    svg.appendChild(axes);
    return {svg, x, y, h};
  }

  function legend(doc, f, names, width) {
    let at = W - M.right;
    const g = el(doc, "g", {class: "legend"});
    for (let i = names.length - 1; i >= 0; --i) {
      const w = 18 + 7 * names[i].length;
      at -= w + (width || 8);
      g.appendChild(el(doc, "rect", {x: at, y: 9, width: 12, height: 10,
                                     fill: COLORS[i % COLORS.length]}));
      g.appendChild(el(doc, "text", {x: at + 16, y: 18}, names[i]));
    }
    f.svg.appendChild(g);
  }

  // The one line that replaces an empty group's curve (above the plot, under the legend).
  function emptyNote(doc, f, empty) {
    if (!empty.length) return;
    f.svg.appendChild(el(doc, "text", {x: M.left, y: M.top - 6, class: "note"},
                         "no values: " + empty.join(", ")));
  }

  function quantileDesc(s) {
    return `${s.name}: p05 ${fmt(s.p05)}, p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)} (n ${s.n})`;
  }

  function distribution(doc, spec) {
    const cdf = spec.kind === "cdf";
    const all = spec.series.map((s, i) => Object.assign({color: COLORS[i % COLORS.length]}, s));
    const shown = all.filter((s) => s.n > 0);
    const empty = all.filter((s) => !(s.n > 0)).map((s) => s.name);
    let lo = Infinity, hi = -Infinity, top = 0;
    for (const s of shown) {
      for (const [a, b, d] of s.bins || [])
        if (d > 0) { lo = Math.min(lo, a); hi = Math.max(hi, b); top = Math.max(top, d); }
      for (const q of [s.p05, s.p95]) if (q !== null && isFinite(q)) {
        lo = Math.min(lo, q); hi = Math.max(hi, q);
      }
    }
    if (spec.observed !== null && spec.observed !== undefined) {
      lo = Math.min(lo, spec.observed); hi = Math.max(hi, spec.observed);
    }
    const unit = spec.unit ? ` (${spec.unit})` : "";
    let desc = shown.map(quantileDesc).join("; ");
    if (spec.observed !== null && spec.observed !== undefined)
      desc += `; observed ${fmt(spec.observed)}`;
    if (empty.length) desc += `; no values: ${empty.join(", ")}`;
    if (!shown.length || !(hi >= lo)) {
      const f = frame(doc, spec, desc || "no values", [0, 1], [0, 1], null, null, 90);
      emptyNote(doc, f, empty.length ? empty : ["every group"]);
      return f.svg;
    }
    if (hi === lo) { lo -= 0.5; hi += 0.5; }
    const pad = (hi - lo) * 0.03;
    const f = frame(doc, spec, desc, [lo - pad, hi + pad], [0, cdf ? 1 : top * 1.08],
                    spec.x_label + unit,
                    cdf ? "cumulative share" : "density" + (spec.unit ? ` per ${spec.unit}` : ""));
    const {x, y} = f;
    shown.forEach((s, i) => {
      let d = "";
      if (cdf) {
        let last = 0;
        d = `M${x(lo - pad)},${y(0)}`;
        for (const [v, F] of s.cdf || []) {
          if (!isFinite(v)) continue;
          d += `H${x(Math.min(Math.max(v, lo - pad), hi + pad))}V${y(F)}`;
          last = F;
        }
        d += `H${x(hi + pad)}V${y(last)}`;
        f.svg.appendChild(el(doc, "path", {d, fill: "none", stroke: s.color, "stroke-width": 2}));
      } else {
        d = `M${x(lo - pad)},${y(0)}`;
        for (const [a, b, dens] of s.bins || []) {
          if (b <= lo - pad || a >= hi + pad) continue;
          d += `H${x(Math.max(a, lo - pad))}V${y(dens || 0)}H${x(Math.min(b, hi + pad))}`;
        }
        d += `V${y(0)}H${x(hi + pad)}`;
        f.svg.appendChild(el(doc, "path", {d, fill: s.color, "fill-opacity": 0.12, stroke: s.color,
                                           "stroke-width": 1.6}));
      }
      [["p05", s.p05], ["p50", s.p50], ["p95", s.p95]].forEach(([name, q]) => {
        if (q === null || !isFinite(q)) return;
        f.svg.appendChild(el(doc, "line", {x1: x(q), x2: x(q), y1: y(0), y2: f.y(cdf ? 1 : top * 1.08),
                                           stroke: s.color, "stroke-dasharray":
                                           name === "p50" ? "6 3" : "2 3", "stroke-width": 1.2,
                                           class: "quantile"}));
        f.svg.appendChild(el(doc, "text", {x: x(q) + 2, y: M.top + 10 + 11 * i, class: "qlabel",
                                           fill: s.color}, name));
      });
    });
    if (spec.observed !== null && spec.observed !== undefined) {
      const ox = x(spec.observed);
      f.svg.appendChild(el(doc, "line", {x1: ox, x2: ox, y1: y(0), y2: M.top, stroke: "#000",
                                         "stroke-width": 2.5, class: "observed"}));
      f.svg.appendChild(el(doc, "text", {x: ox - 3, y: M.top - 3, "text-anchor": "end",
                                         class: "qlabel"}, `observed ${fmt(spec.observed)}`));
    }
    legend(doc, f, shown.map((s) => s.name));
    emptyNote(doc, f, empty);
    return f.svg;
  }

  function shares(doc, spec) {
    const series = spec.series.filter((s) => s.values.some((v) => v !== null));
    const empty = spec.series.filter((s) => !s.values.some((v) => v !== null)).map((s) => s.name);
    let top = 0;
    for (const s of series)
      s.values.forEach((v, k) => { if (v !== null) top = Math.max(top, 100 * (v + 1.96 * (s.se[k] || 0))); });
    top = Math.min(100, Math.max(1, top * 1.1));
    const desc = series.map((s) => s.name + ": " + spec.categories.map((c, k) =>
      `${c} ${s.values[k] === null ? "-" : (100 * s.values[k]).toFixed(2) + "%"}`).join(", ")).join("; ") +
      (empty.length ? `; no values: ${empty.join(", ")}` : "");
    const f = frame(doc, spec, desc, [0, spec.categories.length], [0, top], null, "share of trials (%)");
    const slot = (W - M.left - M.right) / spec.categories.length;
    const bar = Math.min(40, (slot * 0.8) / series.length);
    spec.categories.forEach((c, k) => {
      const x0 = M.left + k * slot + (slot - bar * series.length) / 2;
      f.svg.appendChild(el(doc, "text", {x: M.left + (k + 0.5) * slot, y: f.h - M.bottom + 16,
                                         "text-anchor": "middle"}, c));
      series.forEach((s, i) => {
        const v = s.values[k];
        if (v === null) return;
        const bx = x0 + i * bar, color = COLORS[i % COLORS.length];
        f.svg.appendChild(el(doc, "rect", {x: bx + 1, width: bar - 2, y: f.y(100 * v),
                                           height: f.y(0) - f.y(100 * v), fill: color,
                                           "fill-opacity": 0.75}));
        const e = 1.96 * 100 * (s.se[k] || 0), cx = bx + bar / 2;
        f.svg.appendChild(el(doc, "path", {d: `M${cx},${f.y(Math.max(0, 100 * v - e))}V${f.y(Math.min(100, 100 * v + e))}` +
                                              `M${cx - 4},${f.y(Math.min(100, 100 * v + e))}h8M${cx - 4},${f.y(Math.max(0, 100 * v - e))}h8`,
                                           stroke: "#222", fill: "none", class: "errorbar"}));
      });
    });
    legend(doc, f, series.map((s) => s.name));
    emptyNote(doc, f, empty);
    return f.svg;
  }

  function points(doc, spec) {
    let xs = [], ys = [];
    for (const s of spec.series)
      for (const [px, py, lo, hi] of s.points) {
        xs.push(px);
        for (const v of [py, lo, hi]) if (v !== null && isFinite(v)) ys.push(v);
      }
    if (!xs.length || !ys.length) {
      const f = frame(doc, spec, "no points", [0, 1], [0, 1], null, null, 90);
      emptyNote(doc, f, ["every point"]);
      return f.svg;
    }
    let x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    if (x0 === x1) { x0 -= 0.5; x1 += 0.5; }
    if (y0 === y1) { y0 -= 0.5; y1 += 0.5; }
    const px = (x1 - x0) * 0.04, py = (y1 - y0) * 0.06;
    const desc = spec.series.map((s) => `${s.name}: ${s.points.length} points, y from ${fmt(Math.min(...s.points.map((p) => p[1])))} to ${fmt(Math.max(...s.points.map((p) => p[1])))}`).join("; ");
    const f = frame(doc, spec, desc, [x0 - px, x1 + px], [y0 - py, y1 + py], spec.x_label, spec.y_label);
    spec.series.forEach((s, i) => {
      const color = COLORS[i % COLORS.length];
      const g = el(doc, "g", {fill: color, stroke: color});
      for (const [vx, vy, lo, hi] of s.points) {
        if (lo !== null && hi !== null)
          g.appendChild(el(doc, "line", {x1: f.x(vx), x2: f.x(vx), y1: f.y(lo), y2: f.y(hi),
                                         "stroke-opacity": 0.5}));
        g.appendChild(el(doc, "circle", {cx: f.x(vx), cy: f.y(vy), r: 2.6, class: "point"}));
      }
      f.svg.appendChild(g);
    });
    if (spec.series.length > 1) legend(doc, f, spec.series.map((s) => s.name));
    return f.svg;
  }

  function intervals(doc, spec) {
    const rows = spec.rows;
    const names = [...new Set(rows.map((r) => r.series))];
    const labels = [...new Set(rows.map((r) => r.label))];
    const vals = [];
    for (const r of rows) for (const v of [r.value, r.lo, r.hi]) if (v !== null && isFinite(v)) vals.push(v);
    if (spec.zero !== false) vals.push(0);
    let lo = Math.min(...vals), hi = Math.max(...vals);
    if (lo === hi) { lo -= 1; hi += 1; }
    const pad = (hi - lo) * 0.05;
    const h = M.top + M.bottom + 22 * labels.length * Math.max(1, names.length * 0.6) + 10;
    const desc = rows.map((r) => `${r.label} ${r.series}: ${fmt(r.value)} [${fmt(r.lo)}, ${fmt(r.hi)}]`).join("; ");
    // Row labels on the left: the axes start after the longest one (no y ticks here).
    const left = 18 + 7 * Math.max(...labels.map((l) => l.length));
    const saved = M.left;
    M.left = left;
    const f = frame(doc, spec, desc, [lo - pad, hi + pad], [0, 1], spec.x_label, false, h);
    M.left = saved;
    const x = scale(lo - pad, hi + pad, left, W - M.right);
    const band = (h - M.top - M.bottom) / labels.length;
    if (lo - pad <= 0 && 0 <= hi + pad)
      f.svg.appendChild(el(doc, "line", {x1: x(0), x2: x(0), y1: M.top, y2: h - M.bottom,
                                         stroke: "#888", "stroke-dasharray": "3 3"}));
    labels.forEach((label, k) => {
      f.svg.appendChild(el(doc, "text", {x: left - 6, y: M.top + band * (k + 0.5) + 4,
                                         "text-anchor": "end"}, label));
    });
    for (const r of rows) {
      const k = labels.indexOf(r.label), i = names.indexOf(r.series);
      const cy = M.top + band * k + band * (i + 1) / (names.length + 1);
      const color = COLORS[i % COLORS.length];
      if (r.lo !== null && r.hi !== null && isFinite(r.lo) && isFinite(r.hi))
        f.svg.appendChild(el(doc, "line", {x1: x(r.lo), x2: x(r.hi), y1: cy, y2: cy, stroke: color,
                                           "stroke-width": 2, class: "whisker"}));
      if (r.value !== null && isFinite(r.value))
        f.svg.appendChild(el(doc, "circle", {cx: x(r.value), cy, r: 4, fill: color, class: "point"}));
    }
    if (names.length > 1 || names[0]) legend(doc, f, names);
    return f.svg;
  }

  const KINDS = {histogram: distribution, cdf: distribution, shares, points, intervals};

  function draw(spec, doc) {
    doc = doc || root.document;
    const kind = KINDS[spec.kind];
    if (!kind) throw new Error("unknown figure kind: " + spec.kind);
    return kind(doc, spec);
  }

  // Draws every <div data-figure="N"> from the JSON array in <script id="parley-figures">.
  function drawAll(doc) {
    const data = doc.getElementById("parley-figures");
    if (!data) return 0;
    const specs = JSON.parse(data.textContent);
    let drawn = 0;
    for (const slot of doc.querySelectorAll("[data-figure]")) {
      const spec = specs[Number(slot.getAttribute("data-figure"))];
      slot.replaceChildren(draw(spec, doc));
      ++drawn;
    }
    return drawn;
  }

  const api = {draw, drawAll, COLORS};
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.ParleyFigures = api;
})(typeof window !== "undefined" ? window : globalThis);
