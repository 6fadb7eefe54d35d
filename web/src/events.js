// Today's events: the latest day with events (or a chosen day, or all), and the evidence on click.
import { getJSON, filterQuery, esc, sidesText, QUAD_COLOURS } from "./api.js";

export async function renderEvents(state, stats, onState) {
  const box = document.querySelector("#events-body");
  const title = document.querySelector("#events-title");
  let day = state.day || "latest";
  let query;
  if (day === "latest") {
    const first = await getJSON("/api/events", filterQuery(state, { limit: 1 }));
    const latest = first.items[0]?.event_day;
    if (!latest) { box.innerHTML = `<p class="empty">No events match these filters.</p>`; title.textContent = "Events"; return; }
    day = latest;
    title.textContent = `Events of ${latest} (latest day with events)`;
  } else {
    title.textContent = day === "all" ? "All matching events" : `Events of ${day}`;
  }
  const dayFilter = day === "all" ? {} : { date_from: day, date_to: day };
  query = filterQuery({ ...state, ...dayFilter }, { limit: 100 });
  const page = await getJSON("/api/events", query);
  const rows = page.items.map((e) => `
    <tr data-event="${e.event_id}" data-article="${esc(e.article_id)}" tabindex="0">
      <td><span class="type" style="border-color:${QUAD_COLOURS[e.quad] || "#999"}">${esc(e.type)}</span>
          ${e.mode ? `<small>${esc(e.mode)}</small>` : ""}${flags(e)}</td>
      <td>${esc(sidesText(e.source))}</td><td>${esc(sidesText(e.target))}</td>
      <td>${esc(e.location_name || "")}${e.location_country ? ` <small>${esc(e.location_country)}</small>` : ""}</td>
      <td>${esc(e.event_day || "")}</td><td>${e.confidence == null ? "" : Number(e.confidence).toFixed(2)}</td>
      <td class="evidence-cell">${esc(e.evidence_text || "")}</td></tr>`).join("");
  box.innerHTML = `<table class="events"><thead><tr><th>type</th><th>source</th><th>target</th><th>place</th>
    <th>date</th><th>conf.</th><th>evidence</th></tr></thead><tbody>${rows}</tbody></table>
    ${page.next_offset != null ? `<p class="more">First 100 shown: narrow the filters or export.</p>` : ""}`;
  document.querySelector("#day-latest").onclick = () => onState({ day: undefined });
  document.querySelector("#day-all").onclick = () => onState({ day: "all" });
  for (const tr of box.querySelectorAll("tr[data-event]")) {
    const open = () => showEvidence(tr, page.items.find((e) => String(e.event_id) === tr.dataset.event));
    tr.addEventListener("click", open);
    tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
  }
}

function flags(e) {
  const f = ["negated", "hypothetical", "future"].filter((k) => e[k]);
  return f.length ? ` <small class="flag">${f.join(" ")}</small>` : "";
}

async function showEvidence(tr, event) {
  for (const other of tr.parentElement.querySelectorAll("tr.selected")) other.classList.remove("selected");
  tr.classList.add("selected");
  const panel = document.querySelector("#evidence");
  panel.innerHTML = "<p>Loading the article…</p>";
  const doc = await getJSON(`/api/articles/${encodeURIComponent(tr.dataset.article)}`);
  const a = doc.article;
  panel.innerHTML = `<h3>${esc(a.title || a.id)}</h3>
    <p class="meta">${esc(a.date || "no dateline")} · ${esc(a.source || "")} ${a.url ? `· <a href="${esc(a.url)}" rel="noreferrer">link</a>` : ""}</p>
    <p class="meta"><b>${esc(event.type)}</b> ${esc(sidesText(event.source))} → ${esc(sidesText(event.target))}
      ${event.goldstein != null ? `· Goldstein ${event.goldstein}` : ""} · CAMEO ${esc(event.cameo || "–")}</p>
    <div class="article-text">${highlight(a.text, event)}</div>`;
  panel.querySelector("mark.evidence")?.scrollIntoView({ block: "center", behavior: "instant" });
}

// The article text with the evidence sentence marked and the trigger in bold (offsets end-exclusive).
export function highlight(text, e) {
  const s = e.evidence_start, end = e.evidence_end;
  if (s == null || end == null || s < 0 || end > text.length || s >= end) return esc(text);
  let inner = esc(text.slice(s, end));
  const ts = e.trigger_start, te = e.trigger_end;
  if (ts != null && te != null && ts >= s && te <= end && ts < te) {
    inner = esc(text.slice(s, ts)) + `<b class="trigger">${esc(text.slice(ts, te))}</b>` + esc(text.slice(te, end));
  }
  return esc(text.slice(0, s)) + `<mark class="evidence">${inner}</mark>` + esc(text.slice(end));
}
