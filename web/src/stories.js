// Stories: articles telling one development, their outlets, and the canonical events they report —
// with the claims side by side where the sources disagree (a contested event).
import { getJSON, esc } from "./api.js";

function storyItem(s, chosen) {
  const dates = s.first_date === s.last_date ? (s.first_date ?? "") : `${s.first_date ?? "?"} – ${s.last_date ?? "?"}`;
  return `<li><button class="story${s.story === chosen ? " active" : ""}" data-story="${esc(s.story)}">
    ${esc(s.title || s.story)}${s.contested_events ? ` <span class="badge contested">contested</span>` : ""}
    <small>${s.articles} article${s.articles === 1 ? "" : "s"} · ${s.sources.length} outlet${s.sources.length === 1 ? "" : "s"} · ${esc(dates)}</small>
    </button></li>`;
}

function claimCell(claim, outlets) {
  const who = claim.article_ids.map((id) => esc(outlets[id] || id)).join(", ");
  return `<td><strong class="claim-value">${esc(claim.value)}</strong><br><small>${who}</small></td>`;
}

function canonicalBlock(e, outlets) {
  const sides = `${esc((e.source || []).join(" + ") || "–")} → ${esc((e.target || []).join(" + ") || "–")}`;
  const conflicts = e.conflicts.length ? `<table class="claims"><thead><tr><th>disputed</th><th colspan="${
    Math.max(...e.conflicts.map((c) => c.claims.length))}">what each source says</th></tr></thead><tbody>${
    e.conflicts.map((c) => `<tr data-field="${esc(c.field)}"><th>${esc(c.field)}</th>${
      c.claims.map((cl) => claimCell(cl, outlets)).join("")}</tr>`).join("")}</tbody></table>` : "";
  const mentions = e.mention_list.map((m) => `<li>${esc(m.outlet || m.article_id)}${
    m.duplicate_of ? ` <small>(copy of ${esc(m.duplicate_of)})</small>` : ""}${
    m.modality !== "asserted" ? ` <small>[${esc(m.modality)}]</small>` : ""}: <q>${esc(m.evidence_text)}</q></li>`).join("");
  return `<div class="canonical${e.contested ? " contested" : ""}" data-canonical="${esc(e.id)}">
    <h4>${esc(e.type)} <span class="sides">${sides}</span>${e.contested ? ` <span class="badge contested">contested</span>` : ""}</h4>
    <p class="meta">${esc(e.date || "undated")} · ${esc(e.place || "no place")} · ${e.mentions} mention${e.mentions === 1 ? "" : "s"} ·
      <span class="n-sources">${e.sources}</span> independent source${e.sources === 1 ? "" : "s"} · confidence ${(e.confidence ?? 0).toFixed(2)}</p>
    ${conflicts}<ul class="mentions">${mentions}</ul></div>`;
}

export async function renderStories(state, onState) {
  const listed = await getJSON("/api/stories", "limit=40");
  const items = listed.items;
  // Without a choice, show the story most worth reading: one with a contested event, else the largest.
  const fallback = items.find((s) => s.contested_events > 0) || [...items].sort((a, b) => b.articles - a.articles)[0];
  const chosen = state.story || fallback?.story;
  const list = document.querySelector("#stories-list");
  list.innerHTML = items.map((s) => storyItem(s, chosen)).join("") || `<li class="empty">No stories.</li>`;
  for (const b of list.querySelectorAll("button.story")) b.onclick = () => onState({ story: b.dataset.story });
  const box = document.querySelector("#story-detail");
  if (!chosen) { box.innerHTML = ""; return; }
  const s = await getJSON(`/api/stories/${encodeURIComponent(chosen)}`);
  const outlets = Object.fromEntries(s.articles.map((a) => [a.id, a.source || a.id]));
  const events = [...s.canonical_events].sort((a, b) => (b.contested - a.contested) || (b.sources - a.sources));
  box.innerHTML = `<h3>${esc(s.title || s.story)}</h3>
    <p class="meta">${s.articles_count} articles (${s.originals} original) · ${esc(s.first_date ?? "?")} – ${esc(s.last_date ?? "?")}</p>
    <p class="story-sources">Sources: ${s.sources.map((o) => `<span class="outlet">${esc(o)}</span>`).join(" ") || "–"}</p>
    <table class="story-articles"><tbody>${s.articles.map((a) => `<tr data-article="${esc(a.id)}"><td>${esc(a.date ?? "")}</td>
      <td>${esc(a.source || "")}</td><td>${esc(a.title || a.id)}${a.duplicate_of ? ` <small>(copy of ${esc(a.duplicate_of)})</small>` : ""}</td></tr>`).join("")}</tbody></table>
    <h3>Events across the sources</h3>${events.map((e) => canonicalBlock(e, outlets)).join("") || `<p class="empty">No events.</p>`}`;
}
