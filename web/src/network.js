// Who acts on whom: a force layout of actors, edges weighted by events, coloured by mean Goldstein.
import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide } from "d3-force";
import { getJSON, filterQuery, svgEl } from "./api.js";

const W = 760, H = 420;

export async function renderNetwork(state) {
  const data = await getJSON("/api/network", filterQuery(state, { limit: 80 }));
  const svg = document.querySelector("#network-chart");
  svg.innerHTML = "";
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const note = document.querySelector("#network-note");
  if (!data.edges.length) { note.textContent = "No events with both sides match."; return []; }
  note.textContent = `${data.nodes.length} actors, ${data.edges.length} directed links (width: events; colour: mean Goldstein)`;
  const nodes = data.nodes.map((n) => ({ ...n }));
  const links = data.edges.map((e) => ({ ...e }));
  const sim = forceSimulation(nodes)
    .force("link", forceLink(links).id((d) => d.id).distance(70))
    .force("charge", forceManyBody().strength(-160))
    .force("center", forceCenter(W / 2, H / 2))
    .force("collide", forceCollide(18))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();  // lay out once: a still picture, no animation
  for (const n of nodes) { n.x = Math.max(30, Math.min(W - 30, n.x)); n.y = Math.max(14, Math.min(H - 14, n.y)); }
  const maxE = Math.max(...links.map((l) => l.events));
  const defs = svgEl("defs", {}, svg);
  const marker = svgEl("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 22, refY: 5, markerWidth: 8, markerHeight: 8,
    markerUnits: "userSpaceOnUse", orient: "auto" }, defs);
  svgEl("path", { d: "M0,0 L10,5 L0,10 z", fill: "#777" }, marker);
  for (const l of links) {
    const g = l.goldstein ?? 0;
    const line = svgEl("line", { x1: l.source.x, y1: l.source.y, x2: l.target.x, y2: l.target.y, class: "edge",
      "stroke-width": 1 + 5 * l.events / maxE, stroke: g < 0 ? `rgba(200,66,59,${0.35 + Math.min(1, -g / 10) * 0.6})` : `rgba(76,154,91,${0.35 + Math.min(1, g / 10) * 0.6})`,
      "marker-end": "url(#arrow)" }, svg);
    svgEl("title", {}, line).textContent = `${l.source.id} → ${l.target.id}: ${l.events} events, Goldstein ${g.toFixed(2)}`;
  }
  const maxN = Math.max(...nodes.map((n) => n.in + n.out));
  for (const n of nodes) {
    const c = svgEl("circle", { cx: n.x, cy: n.y, r: 4 + 8 * Math.sqrt((n.in + n.out) / maxN), class: "node" }, svg);
    svgEl("title", {}, c).textContent = `${n.id}: ${n.out} as source, ${n.in} as target`;
    const t = svgEl("text", { x: n.x + 8, y: n.y - 6, class: "node-label" }, svg);
    t.textContent = n.id.length > 28 ? n.id.slice(0, 27) + "…" : n.id;
  }
  return data.edges;
}
