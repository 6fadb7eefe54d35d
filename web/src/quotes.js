// Quotes by speaker: the most quoted speakers, and the quotes of the chosen one.
import { getJSON, esc } from "./api.js";

export async function renderQuotes(state, onState) {
  const dates = new URLSearchParams();
  if (state.date_from) dates.set("date_from", state.date_from);
  if (state.date_to) dates.set("date_to", state.date_to);
  const speakers = await getJSON("/api/speakers", `${dates}&limit=40`);
  const list = document.querySelector("#speakers");
  const chosen = state.speaker || speakers.items[0]?.speaker;
  list.innerHTML = speakers.items.map((s) => `<li><button class="speaker${s.speaker === chosen ? " active" : ""}"
     data-speaker="${esc(s.speaker)}">${esc(s.speaker)}${s.speaker_code ? ` <small>${esc(s.speaker_code)}</small>` : ""}
     <span class="count">${s.quotes}</span></button></li>`).join("") || `<li class="empty">No quotes.</li>`;
  for (const b of list.querySelectorAll("button.speaker")) b.onclick = () => onState({ speaker: b.dataset.speaker });
  const box = document.querySelector("#quotes-list");
  if (!chosen) { box.innerHTML = ""; return; }
  const q = new URLSearchParams(dates); q.set("speaker", chosen); q.set("limit", "50");
  const quotes = await getJSON("/api/quotes", q.toString());
  box.innerHTML = `<h3>${esc(chosen)}</h3>` + quotes.items.filter((x) => x.speaker === chosen || true).map((x) => `
    <blockquote class="${x.direct ? "direct" : "indirect"}">${x.direct ? "“" : ""}${esc(x.text)}${x.direct ? "”" : ""}
      <footer>${esc(x.speaker || "")} · ${esc(x.article_title || x.article_id)} · ${esc(x.article_date || "")}
      ${x.direct ? "" : " · reported"}</footer></blockquote>`).join("");
}
