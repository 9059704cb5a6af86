"use strict";
const $ = (id) => document.getElementById(id);
let token = localStorage.getItem("bioalert.token") || "";

function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
}
function list(s) { return s.split(",").map((x) => x.trim()).filter((x) => x); }
function chosen(select) { return [...select.selectedOptions].map((o) => o.value); }

/** Calls the API with the token; throws an Error whose message names the fields a 400 names. */
async function api(method, path, body) {
  const headers = {"Accept": "application/json"};
  if (token) headers["Authorization"] = "Bearer " + token;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const r = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  const text = await r.text();
  const data = text ? JSON.parse(text) : null;
  if (!r.ok) {
    const fields = (data && data.fields || []).map((f) => `${f.field}: ${f.message}` + (f.valid ? ` (valid: ${f.valid.slice(0, 30).join(", ")}${f.valid.length > 30 ? ", …" : ""})` : ""));
    const error = new Error(`${r.status} ${data && data.error || r.statusText}` + (fields.length ? "\n" + fields.join("\n") : ""));
    error.fields = data && data.fields || [];
    throw error;
  }
  return data;
}

function marked(text, spans) {
  let out = "", at = 0;
  for (const s of spans) {
    out += esc(text.slice(at, s.start)) + `<mark class="${esc(s.kind)}" title="${esc(s.kind)}">` + esc(text.slice(s.start, s.end)) + "</mark>";
    at = s.end;
  }
  return out + esc(text.slice(at));
}

function filterSummary(f) {
  const parts = [];
  for (const [k, label] of [["targets", "targets"], ["modalities", "modalities"], ["eventTypes", "events"], ["agencies", "agencies"],
                            ["companies", "companies"], ["drugs", "drugs"], ["keywords", "keywords"]]) {
    if (f[k] && f[k].length) parts.push(`${label}: ${f[k].join(" or ")}`);
  }
  return (parts.join("; ") || "everything") + (f.includeHistory ? " (history too)" : "");
}

async function showWatchlists() {
  const box = $("watchlists");
  const watchlists = await api("GET", "/api/watchlists");
  box.innerHTML = watchlists.length ? "" : '<div class="muted">None yet.</div>';
  for (const w of watchlists) {
    const card = document.createElement("div");
    card.className = "card";
    card.dataset.card = w.id;
    card.innerHTML = `<b>${esc(w.name)}</b> <span class="muted">${esc(w.digest.toLowerCase())}</span>
      <div>${esc(filterSummary(w.filter))}</div>
      <div class="muted">${w.reminders.length ? `Reminders ${esc(w.reminders.join(", "))} day(s) before each catalyst` : "No catalyst reminders"}</div>
      <div class="scroll"><table>${w.destinations.map((d) => `<tr><td>${esc(d.type)}${d.atMostOnce ? " (at most once)" : ""}</td><td>${esc(d.address)}</td>
        <td>${esc(d.status)}${d.statusReason ? ": " + esc(d.statusReason) : ""}</td>
        <td><button data-test="${esc(d.id)}" aria-label="Send test alert to ${esc(d.address)}">Send test alert</button><button data-remove="${esc(d.id)}" aria-label="Remove ${esc(d.address)}">Remove</button>${d.status === "PENDING_CONFIRMATION"
          ? `<button data-confirm="${esc(d.id)}" aria-label="Send the confirmation mail again to ${esc(d.address)}">Send confirmation again</button>` : ""}</td></tr>`).join("")}</table></div>
      <div class="row"><div class="narrow"><label for="add-type-${esc(w.id)}">Another destination</label><select id="add-type-${esc(w.id)}" data-new-type><option value="EMAIL">Email</option>
        <option value="SLACK">Slack incoming webhook</option><option value="WEBHOOK">Signed JSON webhook</option></select></div>
        <div><label for="add-address-${esc(w.id)}">Its email address or URL</label><input id="add-address-${esc(w.id)}" data-new-address type="text"></div>
        <div class="fixed"><button data-add>Add destination</button></div></div>
      <button data-history>Deliveries</button><button data-edit>Edit</button><button data-delete>Delete</button><div data-out></div>`;
    const out = card.querySelector("[data-out]");
    card.querySelectorAll("[data-test]").forEach((b) => b.onclick = () => run(out, async () => {
      const r = await api("POST", `/api/watchlists/${w.id}/destinations/${b.dataset.test}/test`);
      return `<span class="${r.outcome === "SENT" ? "ok" : "error"}">test alert: ${esc(r.outcome)} ${esc(r.detail || "")}</span>`;
    }));
    card.querySelectorAll("[data-confirm]").forEach((b) => b.onclick = () => run(out, async () => {
      await api("POST", `/api/watchlists/${w.id}/destinations/${b.dataset.confirm}/confirmation`);
      return '<span class="ok">A new confirmation mail is on its way; the link of the one before no longer works.</span>';
    }));
    card.querySelectorAll("[data-remove]").forEach((b) => b.onclick = () => run(out, async () => {
      await api("DELETE", `/api/watchlists/${w.id}/destinations/${b.dataset.remove}`);
      await showWatchlists();
      return "";
    }));
    card.querySelector("[data-add]").onclick = () => run(out, async () => {
      const type = card.querySelector("[data-new-type]").value, address = card.querySelector("[data-new-address]").value.trim();
      const d = await api("POST", `/api/watchlists/${w.id}/destinations`, destination(type, address));
      await showWatchlists();
      const said = d.secret ? `<span class="ok">Webhook signing secret (shown only now): <code>${esc(d.secret)}</code></span>`
        : d.status === "PENDING_CONFIRMATION" ? '<span class="ok">A confirmation mail is on its way to the address.</span>' : "";
      // The list was drawn anew: say it in the new card, not the one that was replaced.
      const fresh = $("watchlists").querySelector(`[data-card="${w.id}"] [data-out]`);
      if (fresh) fresh.innerHTML = said;
      return said;
    });
    card.querySelector("[data-edit]").onclick = () => edit(w);
    card.querySelector("[data-history]").onclick = () => run(out, async () => {
      const rows = await api("GET", `/api/watchlists/${w.id}/deliveries?limit=50`);
      return rows.length ? `<div class="scroll"><table><tr><th>when</th><th>announcement</th><th>channel</th><th>status</th><th>attempts</th><th>last error</th></tr>` +
        rows.map((d) => `<tr><td>${esc(d.createdAt)}</td><td>${esc(d.title || d.announcementId)}${alsoReported(d.alsoReported)}</td><td>${esc(d.channel)}</td>
          <td>${esc(d.status)}</td><td>${d.attempts}</td><td>${esc(d.lastError || "")}</td></tr>`).join("") + "</table></div>"
        : '<span class="muted">No deliveries yet.</span>';
    });
    card.querySelector("[data-delete]").onclick = () => run(out, async () => {
      if (!confirm(`Delete watchlist "${w.name}"?`)) return "";
      await api("DELETE", `/api/watchlists/${w.id}`);
      await Promise.all([showWatchlists(), showCatalysts()]);
      return "";
    });
    box.appendChild(card);
  }
}

// Other outlets' or languages' reports of news already alerted: attached to the alert, not sent again.
function alsoReported(reports) {
  if (!reports || !reports.length) return "";
  return `<div class="muted">Also reported (not sent again): ${reports.map((r) => {
    const name = esc(r.title || r.url || r.announcementId || r.id) + (r.source ? ` (${esc(r.source)})` : "");
    return /^https?:\/\//i.test(r.url || "") ? `<a href="${esc(r.url)}" rel="noopener noreferrer">${name}</a>` : name;
  }).join(" · ")}</div>`;
}

async function showAnnouncements() {
  const items = await api("GET", "/api/announcements?limit=20");
  $("announcements").innerHTML = items.length ? items.map((a) => `<div class="card">
      <b>${/^https?:\/\//i.test(a.url || "") ? `<a href="${esc(a.url)}" rel="noopener noreferrer">${esc(a.title)}</a>` : esc(a.title)}</b>
      <div class="muted">${esc(a.publishedAt || "")} · matched ${esc(a.matchedAt)} by ${a.watchlists.map(esc).join(", ")}</div>
      <div>${a.tags.map((t) => `<span class="tag" title="${esc(t.evidence || "")}">${esc(t.kind)}: ${esc(t.value)}</span>`).join("")}
        ${a.drugs.map((d) => `<span class="tag">Drug: ${esc(d)}</span>`).join("")}</div>
      ${alsoReported(a.alsoReported)}
      <div class="text">${marked(a.text, a.highlights)}</div></div>`).join("")
    : '<div class="muted">Nothing matched yet.</div>';
}

/** Whole numbers as numbers; anything else is sent as written, so that the 400 names the entry. */
function formReminders() {
  return list($("w-reminders").value).map((x) => /^\d+$/.test(x) ? Number(x) : x);
}

function catalystSource(s) {
  if (!s) return "";
  const name = esc(s.title || s.id) + (s.publishedAt ? ` (${esc(s.publishedAt)})` : "");
  return /^https?:\/\//i.test(s.url || "") ? `<a href="${esc(s.url)}" rel="noopener noreferrer">${name}</a>` : name;
}

const KINDS = {PDUFA: "PDUFA date", ADCOM: "advisory committee", DECISION_EXPECTED: "decision expected", READOUT: "data readout"};

async function showCatalysts() {
  const items = await api("GET", "/api/catalysts");
  if (!items.length) {
    $("catalysts").innerHTML = '<div class="muted">No catalyst ahead for your watchlists.</div>';
    return;
  }
  const byMonth = new Map();
  for (const c of items) {
    const month = c.date.slice(0, 7);
    if (!byMonth.has(month)) byMonth.set(month, []);
    byMonth.get(month).push(c);
  }
  $("catalysts").innerHTML = [...byMonth].map(([month, list]) => {
    const title = new Date(month + "-01T00:00:00Z").toLocaleDateString("en", {month: "long", year: "numeric", timeZone: "UTC"});
    return `<h3 class="month">${esc(title)}</h3><ul class="catalysts">${list.map((c) => `<li class="${esc(c.status)}" data-catalyst="${esc(c.id)}">
      <b>${esc(c.period)}</b> ${esc(c.drug)} ${esc(KINDS[c.kind] || c.kind)}${c.agency ? ` (${esc(c.agency)})` : ""}
      ${c.status !== "OPEN" ? `<span class="tag">${c.status === "MET" ? "met" : "missed"}${c.outcome && c.outcome.on ? " on " + esc(c.outcome.on) : ""}</span>` : ""}
      <div class="evidence">“${esc(c.evidence)}” — ${catalystSource(c.announcement)}</div>
      ${c.moves.map((m) => `<div class="muted">Moved from ${esc(m.fromPeriod)} to ${esc(m.toPeriod)} — ${catalystSource(m.announcement)}</div>`).join("")}
      <div class="muted">Followed by ${c.watchlists.map((w) => esc(w.name)).join(", ")}</div></li>`).join("")}</ul>`;
  }).join("");
}

async function showFeed() {
  const f = await api("GET", "/api/calendar/feed");
  $("feed-status").textContent = f.active ? `a link made ${f.createdAt.slice(0, 10)} is active (it is shown only when made).` : "none yet.";
  $("feed-new").textContent = f.active ? "Make a new calendar link (the old one stops working)" : "Make a calendar link";
  $("feed-stop").hidden = !f.active;
}

$("feed-new").onclick = () => run($("feed-out"), async () => {
  const f = await api("POST", "/api/calendar/feed");
  await showFeed();
  return `<label for="feed-url">Subscribe to this address in your calendar app (shown only now; keep it secret)</label>
    <input id="feed-url" type="text" readonly value="${esc(f.url)}">`;
});
$("feed-stop").onclick = () => run($("feed-out"), async () => {
  await api("DELETE", "/api/calendar/feed");
  await showFeed();
  return '<span class="ok">The calendar link no longer works.</span>';
});

async function run(out, action) {
  try { out.innerHTML = await action(); } catch (e) { out.innerHTML = `<div class="error" role="alert">${esc(e.message)}</div>`; }
}

// Where the form shows an error of each field a 400 names; indices ([0]) do not matter.
const FIELD_INPUTS = {"name": "w-name", "digest": "w-digest", "reminders": "w-reminders", "filter": "w-filter", "filter.targets": "w-targets",
  "filter.modalities": "w-modalities", "filter.eventTypes": "w-events", "filter.agencies": "w-agencies",
  "filter.companies": "w-companies", "filter.drugs": "w-drugs", "filter.keywords": "w-keywords",
  "destinations": "d-address", "destinations.email": "d-address", "destinations.url": "d-address",
  "destinations.secret": "d-address", "destinations.type": "d-type"};

function clearFieldErrors() {
  document.querySelectorAll("#new-watchlist .field-error").forEach((e) => e.remove());
  document.querySelectorAll("#new-watchlist [aria-invalid]").forEach((e) => {
    e.removeAttribute("aria-invalid");
    e.removeAttribute("aria-describedby");
  });
}

/** Puts each named field's message next to its input; returns whether every field found its place. */
function showFieldErrors(fields) {
  clearFieldErrors();
  let all = true;
  for (const f of fields) {
    const input = $(FIELD_INPUTS[f.field.replace(/\[\d+\]/g, "")] || "");
    if (!input) { all = false; continue; }
    const note = document.createElement("div");
    note.className = "field-error";
    note.id = input.id + "-error";
    note.setAttribute("role", "alert");
    note.textContent = `${f.field}: ${f.message}` + (f.valid ? ` (valid: ${f.valid.slice(0, 12).join(", ")}${f.valid.length > 12 ? ", …" : ""})` : "");
    if (input.tagName === "FIELDSET") {
      input.querySelector("legend").after(note);
    } else {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", note.id);
      input.after(note);
    }
  }
  return all;
}

function formFilter() {
  return {targets: list($("w-targets").value), modalities: chosen($("w-modalities")), eventTypes: chosen($("w-events")),
          agencies: chosen($("w-agencies")), companies: list($("w-companies").value), drugs: list($("w-drugs").value),
          keywords: list($("w-keywords").value), includeHistory: $("w-history").checked};
}

function reasonText(r) {
  return `${r.field} ${r.value}` + (r.watched && r.watched !== r.value ? ` (you watch ${r.watched})` : "") + (r.evidence ? `: “${r.evidence}”` : "");
}

// What the filter being edited would have caught, asked again a moment after the last change.
let previewTimer = null, previewSeq = 0;
function schedulePreview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(showPreview, 300);
}

async function showPreview() {
  const f = formFilter(), seq = ++previewSeq;
  const empty = ["targets", "modalities", "eventTypes", "agencies", "companies", "drugs", "keywords"].every((k) => !f[k].length);
  $("preview-weeks").innerHTML = "";
  $("preview-newest").innerHTML = "";
  if (empty) {
    $("preview-summary").textContent = "Choose at least one target, modality, event type, agency, company, drug or keyword.";
    return;
  }
  $("preview-summary").textContent = "Looking…";
  let p;
  try {
    p = await api("POST", "/api/watchlists/preview", {filter: f});
  } catch (e) {
    if (seq !== previewSeq) return;
    if (e.fields && e.fields.length && showFieldErrors(e.fields)) {
      $("preview-summary").textContent = "Fix the marked field to see what the watchlist would catch.";
    } else {
      $("preview-summary").textContent = e.message;
    }
    return;
  }
  if (seq !== previewSeq) return;
  clearFieldErrors();
  const weeks = p.perWeek.filter((w) => w.count).length;
  $("preview-summary").innerHTML = p.count
    ? `<b>${p.count}</b> stored announcement${p.count === 1 ? "" : "s"} in the last 90 days, in ${weeks} of ${p.perWeek.length} weeks.`
      + (p.newest.length < p.count ? ` The newest ${p.newest.length}:` : "")
    : "Nothing in the last 90 days: this watchlist may be too narrow.";
  const max = Math.max(1, ...p.perWeek.map((w) => w.count));
  $("preview-weeks").innerHTML = p.count ? `<table class="weeks"><caption class="muted">announcements per week (week starting)</caption>
    <tr>${p.perWeek.map((w) => `<td><div class="bar" data-height="${Math.round(40 * w.count / max)}"></div></td>`).join("")}</tr>
    <tr>${p.perWeek.map((w) => `<td>${w.count}</td>`).join("")}</tr>
    <tr>${p.perWeek.map((w) => `<td class="muted">${esc(w.week.slice(5))}</td>`).join("")}</tr></table>` : "";
  // Heights set through the DOM: the page's Content-Security-Policy refuses style attributes in markup.
  $("preview-weeks").querySelectorAll(".bar").forEach((b) => { b.style.height = b.dataset.height + "px"; });
  $("preview-newest").innerHTML = p.newest.map((a) => `<li>${/^https?:\/\//i.test(a.url || "")
      ? `<a href="${esc(a.url)}" rel="noopener noreferrer">${esc(a.title)}</a>` : esc(a.title)}
    <span class="muted">${esc(a.publishedAt || "")}</span>
    <div class="reasons">${a.reasons.map((r) => esc(reasonText(r))).join("; ")}</div></li>`).join("");
}

async function signIn() {
  $("signed-in").hidden = true;
  if (!token) { $("auth-status").textContent = "Paste your token or sign up."; return; }
  await run($("auth-status"), async () => {
    const me = await api("GET", "/api/me");
    $("signed-in").hidden = false;
    await Promise.all([showWatchlists(), showCatalysts(), showFeed(), showAnnouncements(), fillTaxonomy()]);
    return `<span class="ok">Signed in as ${esc(me.email)}</span>`;
  });
}

let taxonomyFilled = false;
async function fillTaxonomy() {
  if (taxonomyFilled) return;
  const t = await api("GET", "/api/taxonomy");
  const options = (ids) => ids.map((id) => `<option value="${esc(id)}">${esc(id)}</option>`).join("");
  $("target-ids").innerHTML = options(t.targets);
  $("w-modalities").innerHTML = options(t.modalities);
  $("w-events").innerHTML = options(t.eventTypes);
  $("w-agencies").innerHTML = options(t.agencies);
  taxonomyFilled = true;
}

$("use-token").onclick = () => { useToken($("token").value.trim()); signIn(); };
$("forget-token").onclick = () => { useToken(""); signIn(); };
$("rotate-token").onclick = () => run($("auth-status"), async () => {
  if (!token || !confirm("Make a new token? The one in use stops working at once, everywhere it is kept.")) return $("auth-status").innerHTML;
  const r = await api("POST", "/api/me/token");
  useToken(r.token);
  await signIn();
  return `<span class="ok">New token (shown only now, keep it): <code>${esc(r.token)}</code>; the old one no longer works.</span>`;
});
$("signup").onclick = () => run($("auth-status"), async () => {
  const r = await api("POST", "/api/subscribers", {email: $("signup-email").value.trim(), name: $("signup-name").value.trim() || null});
  useToken(r.token);
  await signIn();
  return `<span class="ok">Signed up. Your token (shown only now, keep it): <code>${esc(r.token)}</code></span>`;
});
function destination(type, address) {
  return type === "EMAIL" ? {type, email: address} : {type, url: address};
}

/** The watchlist being edited, or null while the form creates a new one. */
let editing = null;

function edit(w) {
  editing = w;
  const f = w.filter;
  $("w-name").value = w.name;
  $("w-digest").value = w.digest;
  $("w-reminders").value = w.reminders.join(", ");
  $("w-targets").value = f.targets.join(", ");
  $("w-companies").value = f.companies.join(", ");
  $("w-drugs").value = f.drugs.join(", ");
  $("w-keywords").value = f.keywords.join(", ");
  $("w-history").checked = f.includeHistory;
  for (const [id, values] of [["w-modalities", f.modalities], ["w-events", f.eventTypes], ["w-agencies", f.agencies]]) {
    [...$(id).options].forEach((o) => o.selected = values.includes(o.value));
  }
  $("new-destination").hidden = true;
  $("d-address").required = false;
  $("form-title").textContent = `Edit watchlist "${w.name}"`;
  $("submit-watchlist").textContent = "Save changes";
  $("cancel-edit").hidden = false;
  $("form-title").scrollIntoView();
  clearFieldErrors();
  showPreview();
}

function stopEditing() {
  editing = null;
  $("new-watchlist").reset();
  $("new-destination").hidden = false;
  $("d-address").required = true;
  $("form-title").textContent = "New watchlist";
  $("submit-watchlist").textContent = "Create watchlist";
  $("cancel-edit").hidden = true;
  clearFieldErrors();
  showPreview();
}

$("cancel-edit").onclick = stopEditing;
$("w-filter").addEventListener("input", schedulePreview);
$("w-filter").addEventListener("change", schedulePreview);
$("new-watchlist").onsubmit = (e) => {
  e.preventDefault();
  run($("create-status"), async () => {
    const type = $("d-type").value, address = $("d-address").value.trim();
    const body = {name: $("w-name").value.trim(), digest: $("w-digest").value, filter: formFilter(), reminders: formReminders()};
    try {
      return await save(body, type, address);
    } catch (e) {
      if (e.fields && e.fields.length && showFieldErrors(e.fields)) {
        return `<div class="error" role="alert">Not saved: ${e.fields.length === 1 ? "the marked field needs" : "the marked fields need"} a change.</div>`;
      }
      throw e;
    }
  });
};

/** Creates the watchlist, or saves the one being edited; a 400 throws with its fields. */
async function save(body, type, address) {
  if (editing) {
    const w = await api("PUT", `/api/watchlists/${editing.id}`, body);
    stopEditing();
    await Promise.all([showWatchlists(), showCatalysts()]);
    return `<span class="ok">Saved "${esc(w.name)}".</span>`;
  }
  const w = await api("POST", "/api/watchlists", {...body, destinations: [destination(type, address)]});
  $("new-watchlist").reset();
  clearFieldErrors();
  showPreview();
  await Promise.all([showWatchlists(), showCatalysts()]);
  const secret = w.destinations.find((d) => d.secret);
  return `<span class="ok">Created "${esc(w.name)}".</span>` + (w.destinations.some((d) => d.status === "PENDING_CONFIRMATION") ? " A confirmation mail is on its way to the address." : "")
    + (secret ? ` Webhook signing secret (shown only now): <code>${esc(secret.secret)}</code>` : "");
}

function useToken(t) {
  token = t;
  if (t) localStorage.setItem("bioalert.token", t); else localStorage.removeItem("bioalert.token");
  $("token").value = t;
}

/** The account a token signs in as, or null when it signs in as nobody. */
async function accountOf(t) {
  const r = await fetch("/api/me", {headers: {"Accept": "application/json", "Authorization": "Bearer " + t}});
  return r.ok ? r.json() : null;
}

/**
 * A link that would sign this browser in as another account than the one it holds: both are named and the
 * reader chooses, so that a link someone else sent cannot switch the page to their account unnoticed (and
 * have the reader's watchlists and addresses typed into it).
 */
async function askBeforeSwitching(linked) {
  const [mine, theirs] = await Promise.all([accountOf(token), accountOf(linked)]);
  if (!theirs) {
    await signIn();
    $("link-notice").hidden = false;
    $("link-notice").textContent = "The sign-in link you opened holds no valid token; nothing changed.";
    return;
  }
  if (!mine) {
    useToken(linked); // the token held here works no more: there is no account to keep
    await signIn();
    return;
  }
  await signIn();
  const box = $("link-notice");
  box.innerHTML = `<p>The link you opened signs in as <b>${esc(theirs.email)}</b>; this browser is signed in as
    <b>${esc(mine.email)}</b>.</p><button id="switch-account">Switch to ${esc(theirs.email)}</button><button id="keep-account">Stay ${esc(mine.email)}</button>`;
  box.hidden = false;
  $("switch-account").onclick = async () => { box.hidden = true; useToken(linked); await signIn(); };
  $("keep-account").onclick = () => { box.hidden = true; };
  $("switch-account").focus();
}

// A sign-in link (…/#token=…) keeps the token in the fragment, which browsers never send to a server,
// and leaves the address bar at once. It signs in a browser holding no token; one holding another asks.
// Opened in a tab already showing the page, only the fragment changes: the same, on hashchange.
function followLink() {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromLink) history.replaceState(null, "", location.pathname);
  $("token").value = token;
  if (fromLink && token && fromLink !== token) {
    askBeforeSwitching(fromLink);
  } else {
    if (fromLink) useToken(fromLink);
    signIn();
  }
}
window.addEventListener("hashchange", followLink);
followLink();
