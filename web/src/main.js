// The dashboard: one page, every view driven by the same filters, all of them kept in the URL.
import { readState, writeState, filterQuery, getJSON, esc, FILTERS } from "./api.js";
import { renderEvents } from "./events.js";
import { renderTimeline, renderDyad } from "./timeline.js";
import { renderNetwork } from "./network.js";
import { renderMap } from "./map.js";
import { renderQuotes } from "./quotes.js";
import { renderStories } from "./stories.js";

let state = readState();
let stats = null;

function fillForm(form) {
  const types = form.querySelector("#f-type");
  types.innerHTML = `<option value="">any type</option>` + Object.keys(stats.types).sort()
    .map((t) => `<option>${esc(t)}</option>`).join("");
  const quads = form.querySelector("#f-quad");
  quads.innerHTML = `<option value="">any quad class</option>` + Object.entries(stats.quads)
    .map(([n, name]) => `<option value="${n}">${n} ${esc(name.replace("_", " "))}</option>`).join("");
  for (const k of FILTERS) if (form.elements[k]) form.elements[k].value = state[k] ?? "";
}

function readForm(form) {
  const next = { ...state };
  for (const k of FILTERS) if (form.elements[k]) next[k] = form.elements[k].value.trim() || undefined;
  return next;
}

function exportLinks() {
  const q = filterQuery(state);
  document.querySelector("#exports").innerHTML = "Export: " + ["csv", "parquet", "gdelt", "plover"]
    .map((f) => `<a href="/api/export/events?${q}${q ? "&" : ""}format=${f}">${f}</a>`).join(" · ");
}

async function guard(id, fn) {
  const box = document.querySelector(`#${id}`);
  box.classList.remove("failed");
  box.dataset.state = "loading";
  try {
    const out = await fn();
    box.dataset.state = "ready";
    return out;
  } catch (err) {
    box.classList.add("failed");
    box.dataset.state = "error";
    box.querySelector(".error").textContent = String(err.message || err);
    return null;
  }
}

function setState(change) {
  state = { ...state, ...change };
  for (const k of Object.keys(state)) if (state[k] === undefined) delete state[k];
  writeState(state);
  renderAll();
}

async function renderAll() {
  exportLinks();
  document.body.dataset.state = "loading";
  const actors = await getJSON("/api/actors", "limit=150").then((r) => r.items).catch(() => []);
  const jobs = [
    guard("events", () => renderEvents(state, stats, setState)),
    guard("timeline", () => renderTimeline(state, stats)),
    guard("network", async () => {
      const edges = await renderNetwork(state);
      // The dyad defaults to the busiest pair of the network that has dated events.
      const dated = (edges || []).filter((e) => e.dated > 0);
      const busiest = dated.find((e) => e.source !== e.target) || dated[0];
      if (!state.a && !state.b && busiest) {
        const f = document.querySelector("#dyad-form");
        f.a.value = busiest.source; f.b.value = busiest.target;
      }
      return guard("dyad", () => renderDyad(state, actors));
    }),
    guard("map", () => renderMap(state)),
    guard("quotes", () => renderQuotes(state, setState)),
    guard("stories", () => renderStories(state, setState)),
  ];
  await Promise.all(jobs);
  document.body.dataset.state = "ready";
}

async function start() {
  stats = await getJSON("/api/stats");
  document.querySelector("#stats").textContent =
    `${stats.articles.toLocaleString()} articles · ${stats.events.toLocaleString()} events · ` +
    `${stats.quotes.toLocaleString()} quotes · ${stats.first_day ?? "?"} – ${stats.last_day ?? "?"}`;
  const form = document.querySelector("#filters");
  fillForm(form);
  form.addEventListener("submit", (ev) => { ev.preventDefault(); setState({ ...readForm(form), day: undefined, speaker: undefined }); });
  form.querySelector("#reset").onclick = () => { state = {}; fillForm(form); setState({}); };
  const dyad = document.querySelector("#dyad-form");
  dyad.addEventListener("submit", (ev) => { ev.preventDefault(); setState({ a: dyad.a.value.trim(), b: dyad.b.value.trim() }); });
  document.querySelector("#interval").value = state.interval || "month";
  document.querySelector("#interval").onchange = (ev) => setState({ interval: ev.target.value });
  await renderAll();
}

start().catch((err) => {
  document.body.dataset.state = "error";
  document.querySelector("#stats").textContent = `Cannot reach the API: ${err.message || err}`;
});
