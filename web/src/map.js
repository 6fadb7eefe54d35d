// Event locations on an offline world map (Natural Earth 1:110m shapes from the world-atlas package).
import { geoNaturalEarth1, geoPath, geoGraticule10 } from "d3-geo";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import { getJSON, filterQuery, esc, svgEl } from "./api.js";

const W = 760, H = 400;
const countries = feature(world, world.objects.countries);
const projection = geoNaturalEarth1().fitSize([W, H], { type: "Sphere" });
const path = geoPath(projection);

export async function renderMap(state) {
  const svg = document.querySelector("#map-chart");
  svg.innerHTML = "";
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svgEl("path", { d: path({ type: "Sphere" }), class: "sphere" }, svg);
  svgEl("path", { d: path(geoGraticule10()), class: "graticule" }, svg);
  for (const f of countries.features) {
    const p = svgEl("path", { d: path(f), class: "country" }, svg);
    svgEl("title", {}, p).textContent = f.properties.name;
  }
  const data = await getJSON("/api/locations", filterQuery(state, { limit: 500 }));
  const useEvents = data.events.length > 0;
  const points = useEvents ? data.events : data.mentions;
  const note = document.querySelector("#map-note");
  note.innerHTML = useEvents ? `${points.length} event locations (circle area: events)`
    : points.length ? `No event carries a location: showing the ${points.length} places <em>named</em> in the matching articles`
      : "No located events or places match.";
  const max = Math.max(1, ...points.map((p) => useEvents ? p.events : p.mentions));
  for (const p of points) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const n = useEvents ? p.events : p.mentions;
    const c = svgEl("circle", { cx: xy[0], cy: xy[1], r: 3 + 12 * Math.sqrt(n / max), class: useEvents ? "event-point" : "mention-point" }, svg);
    svgEl("title", {}, c).textContent = `${p.name || "?"}${p.country ? " (" + p.country + ")" : ""}: ${n} ${useEvents ? "events " + (p.types || []).join(", ") : "mentions"}`;
  }
  const top = points.slice(0, 8).map((p) => `${esc(p.name)} ${useEvents ? p.events : p.mentions}`).join(" · ");
  document.querySelector("#map-top").innerHTML = top;
}
