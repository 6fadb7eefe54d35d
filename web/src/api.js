// Fetch helpers and the filter <-> URL mapping (the same parameter names as the API).

export const FILTERS = ["type", "quad", "actor", "actor_name", "sector", "side", "date_from", "date_to",
  "negated", "hypothetical", "future", "place", "q"];

export function readState() {
  const p = new URLSearchParams(location.search);
  const state = {};
  for (const [k, v] of p) if (v !== "") state[k] = v;
  return state;
}

export function writeState(state) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) if (v !== undefined && v !== null && v !== "") p.set(k, v);
  const qs = p.toString();
  history.replaceState(null, "", qs ? `?${qs}` : location.pathname);
}

export function filterQuery(state, extra = {}) {
  const p = new URLSearchParams();
  for (const k of FILTERS) if (state[k]) p.set(k, state[k]);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null && v !== "") p.set(k, v);
  return p.toString();
}

export async function getJSON(path, query = "") {
  const r = await fetch(query ? `${path}?${query}` : path);
  const body = await r.json();
  if (!r.ok) throw new Error(`[${body.code}] ${body.reason}`);
  return body;
}

export function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

export const QUAD_COLOURS = { 1: "#4c9a5b", 2: "#1f6f8b", 3: "#e0a030", 4: "#c8423b" };

// One colour per PLOVER type: its quad class's hue, lighter or darker by position.
export function typeColour(type, quads) {
  const q = quads[type] || 0;
  const same = Object.keys(quads).filter((t) => quads[t] === q).sort();
  const i = same.indexOf(type);
  const base = { 1: 140, 2: 200, 3: 40, 4: 5 }[q] ?? 0;
  return `hsl(${base + i * 9}, ${q ? 55 : 0}%, ${35 + i * 9}%)`;
}

export function sidesText(sides) {
  return (sides || []).map((s) => s.code ? `${s.name} (${s.code}${s.sector ? "/" + s.sector : ""})` : s.name).join(", ") || "–";
}

export function svgEl(tag, attrs = {}, parent = null) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (parent) parent.appendChild(el);
  return el;
}
