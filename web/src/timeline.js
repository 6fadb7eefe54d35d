// Events per period stacked by type, and the cooperation–conflict (Goldstein) line of one dyad.
import { getJSON, filterQuery, esc, svgEl, typeColour } from "./api.js";

const W = 760, H = 220, M = { l: 40, r: 10, t: 10, b: 24 };

export async function renderTimeline(state, stats) {
  const interval = state.interval || "month";
  const data = await getJSON("/api/timeline", filterQuery(state, { interval }));
  const svg = document.querySelector("#timeline-chart");
  svg.innerHTML = "";
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const periods = [...new Set(data.items.map((r) => r.period))].sort();
  const legend = document.querySelector("#timeline-legend");
  if (!periods.length) { legend.textContent = "No dated events match."; return; }
  const byPeriod = new Map(periods.map((p) => [p, []]));
  for (const r of data.items) byPeriod.get(r.period).push(r);
  const max = Math.max(...periods.map((p) => byPeriod.get(p).reduce((n, r) => n + r.events, 0)));
  const bw = (W - M.l - M.r) / periods.length;
  const y = (n) => (H - M.b) - (n / max) * (H - M.t - M.b);
  periods.forEach((p, i) => {
    let acc = 0;
    for (const r of byPeriod.get(p).sort((a, b) => (stats.types[a.type] - stats.types[b.type]) || a.type.localeCompare(b.type))) {
      const rect = svgEl("rect", { x: M.l + i * bw + 1, y: y(acc + r.events), width: Math.max(1, bw - 2),
        height: y(acc) - y(acc + r.events), fill: typeColour(r.type, stats.types), class: "bar" }, svg);
      svgEl("title", {}, rect).textContent = `${p} ${r.type}: ${r.events}`;
      acc += r.events;
    }
  });
  axis(svg, periods, max);
  const types = [...new Set(data.items.map((r) => r.type))].sort((a, b) => stats.types[a] - stats.types[b]);
  legend.innerHTML = types.map((t) => `<span><i style="background:${typeColour(t, stats.types)}"></i>${esc(t)}</span>`).join("");
}

function axis(svg, periods, max) {
  svgEl("line", { x1: M.l, x2: W - M.r, y1: H - M.b, y2: H - M.b, class: "axis" }, svg);
  const label = (x, text, anchor) => { const t = svgEl("text", { x, y: H - 6, "text-anchor": anchor, class: "tick" }, svg); t.textContent = text; };
  label(M.l, periods[0], "start");
  if (periods.length > 1) label(W - M.r, periods[periods.length - 1], "end");
  const t = svgEl("text", { x: M.l - 4, y: M.t + 10, "text-anchor": "end", class: "tick" }, svg);
  t.textContent = String(max);
}

export async function renderDyad(state, actors) {
  const form = document.querySelector("#dyad-form");
  const list = document.querySelector("#actor-list");
  list.innerHTML = actors.map((a) => `<option value="${esc(a.code || a.name)}">${esc(a.name)}${a.code ? " " + esc(a.code) : ""}</option>`).join("");
  const a = state.a || form.a.value, b = state.b || form.b.value;
  form.a.value = a || ""; form.b.value = b || "";
  const out = document.querySelector("#dyad-chart");
  const note = document.querySelector("#dyad-note");
  out.innerHTML = "";
  if (!a || !b) { note.textContent = "Choose two actors."; return; }
  const codes = new Set(actors.map((x) => x.code).filter(Boolean));
  const by = codes.has(a.toUpperCase()) && codes.has(b.toUpperCase()) ? "code" : "name";
  const interval = state.interval || "month";
  const data = await getJSON("/api/dyads", filterQuery(state, { a, b, by, interval }));
  const s = data.series;
  note.textContent = s.length ? `${a} → ${b} and ${b} → ${a}, mean Goldstein per ${interval} (−10 conflict … +10 cooperation); bars: events`
    : `No events between ${a} and ${b} for these filters.`;
  if (!s.length) return;
  out.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const x = (i) => M.l + (i + 0.5) * (W - M.l - M.r) / s.length;
  const y = (g) => M.t + (10 - g) / 20 * (H - M.t - M.b);
  const maxN = Math.max(...s.map((p) => p.total.events));
  const bw = Math.max(1, (W - M.l - M.r) / s.length - 2);
  s.forEach((p, i) => {
    const h = p.total.events / maxN * (H - M.t - M.b) * 0.35;
    const r = svgEl("rect", { x: x(i) - bw / 2, y: H - M.b - h, width: bw, height: h, class: "dyad-bar" }, out);
    svgEl("title", {}, r).textContent = `${p.period}: ${p.a_to_b.events} + ${p.b_to_a.events} events`;
  });
  svgEl("line", { x1: M.l, x2: W - M.r, y1: y(0), y2: y(0), class: "zero" }, out);
  for (const [key, cls] of [["a_to_b", "line-ab"], ["b_to_a", "line-ba"]]) {
    const pts = s.map((p, i) => (p[key].goldstein == null ? null : `${x(i)},${y(p[key].goldstein)}`)).filter(Boolean);
    if (pts.length) svgEl("polyline", { points: pts.join(" "), class: `dyad-line ${cls}` }, out);
    s.forEach((p, i) => { if (p[key].goldstein != null) {
      const c = svgEl("circle", { cx: x(i), cy: y(p[key].goldstein), r: 3, class: cls }, out);
      svgEl("title", {}, c).textContent = `${p.period} ${key === "a_to_b" ? a + "→" + b : b + "→" + a}: ${p[key].goldstein.toFixed(2)} (${p[key].events})`;
    } });
  }
  for (const [g, label] of [[10, "+10"], [0, "0"], [-10, "−10"]]) {
    const t = svgEl("text", { x: M.l - 4, y: y(g) + 4, "text-anchor": "end", class: "tick" }, out); t.textContent = label;
  }
  const t0 = svgEl("text", { x: M.l, y: H - 6, class: "tick" }, out); t0.textContent = s[0].period;
  const t1 = svgEl("text", { x: W - M.r, y: H - 6, "text-anchor": "end", class: "tick" }, out); t1.textContent = s[s.length - 1].period;
}
