// The web room's script. It only ever puts words on the page as text
// (textContent, never markup), asks the server for every word it shows,
// and listens for changes so entries added elsewhere appear by themselves.
"use strict";

const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";
let lang = localStorage.getItem("iyashi-lang") || "";

// The page's key: handed over once in the address's fragment (which never
// reaches a server), then kept in this page's own storage, which the
// browser keeps apart from every other port. Everything that reads or
// writes the journal needs it besides the cookie (see security.rs).
// The tray's "Write a kind letter" adds `at=letters`: the page then opens
// at the letter form.
const arrived = new URLSearchParams(location.hash.slice(1));
if (arrived.has("key")) {
  localStorage.setItem("iyashi-key", arrived.get("key"));
  history.replaceState(null, "", "/");
}
let toLetters = arrived.get("at") === "letters";
const key = localStorage.getItem("iyashi-key") || "";
const keyed = (path) => path + (path.includes("?") ? "&" : "?") + "key=" + encodeURIComponent(key);
let labels = {};
let room = null;
// The scene on the page: its key (to know when today's differs), whether it
// was asked for still, and what Goro does through each part of its film.
let shown = { key: null, still: null, parts: {} };
let castDefs = null;
const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");
// The break the page is timing itself: its interval and when it began
// (null when there is none, or when `iyashi watch` keeps the time).
let pageBreak = null;

function label(key) {
  return labels[key] || "";
}

async function api(path, body) {
  const headers = { "X-Iyashi-Key": key };
  const options = body === undefined ? { headers } : {
    method: "POST",
    headers: Object.assign({ "Content-Type": "application/json" }, headers),
    body: JSON.stringify(Object.assign({ lang: lang || undefined }, body)),
  };
  const response = await fetch(path, options);
  // The door answers in a plain sentence, the API in JSON.
  const words = await response.text();
  let answer;
  try {
    answer = JSON.parse(words);
  } catch (e) {
    answer = { error: words };
  }
  if (!response.ok) throw new Error(answer.error || String(response.status));
  return answer;
}

function text(id, words) {
  $(id).textContent = words == null ? "" : words;
}

function element(tag, className, words) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (words != null) e.textContent = words;
  return e;
}

function say(words) {
  const bubble = $("bubble");
  bubble.textContent = words;
  bubble.hidden = false;
  clearTimeout(say.timer);
  say.timer = setTimeout(() => { bubble.hidden = true; }, 7000);
}

// Plays the film's reaction to a joy, from its first drawing.
function react(name) {
  const r = $("room");
  r.classList.remove(name);
  void r.offsetWidth;
  r.classList.add(name);
  const part = shown.parts[name];
  clearTimeout(react.timer);
  react.timer = setTimeout(() => r.classList.remove(name), part ? part.seconds * 1000 : 5000);
}

// While a break lasts Goro stretches, then breathes slowly to breathe along with.
function resting(on) {
  $("room").classList.toggle("rest", on);
}

// The cast's drawings, once: every scene draws with them.
async function cast() {
  if (castDefs) return castDefs;
  const response = await fetch("/cast.svg");
  const doc = new DOMParser().parseFromString(await response.text(), "image/svg+xml");
  castDefs = document.importNode(doc.querySelector("defs"), true);
  return castDefs;
}

// Today's scene: the room at this hour with a strip of drawings per
// companion, and the film (a stylesheet) that steps through them.
async function loadScene() {
  const still = reducedMotion.matches;
  const [defs, scene] = await Promise.all([cast(), api("/api/scene" + (still ? "?still=true" : ""))]);
  const link = $("film");
  const href = new URL(keyed(scene.film), location.href).href;
  if (link.href !== href) {
    // The new strips wait for their keyframes, so no drawing shows in the wrong slot.
    await new Promise((done) => {
      link.addEventListener("load", done, { once: true });
      link.addEventListener("error", done, { once: true });
      link.href = href;
    });
  }
  const doc = new DOMParser().parseFromString(scene.svg, "image/svg+xml");
  const layers = Array.from(doc.documentElement.childNodes, (n) => document.importNode(n, true));
  $("drawing").replaceChildren(defs, ...layers);
  shown = { key: scene.key, still, parts: Object.fromEntries(scene.parts.map((p) => [p.part, p])) };
  sayDoing();
}

// The scene's words: what Goro is doing in the part of the film playing
// now, written only when his movement changes.
function sayDoing() {
  if (!room) return;
  const strip = document.querySelector("#drawing .goro-take");
  let doing = "lounging";
  for (const a of strip ? strip.getAnimations() : []) {
    const timing = a.effect && a.effect.getComputedTiming();
    const part = shown.parts[String(a.animationName).split("-")[0]];
    if (!timing || timing.progress == null || !part) continue;
    const at = timing.progress * part.seconds;
    for (const [from, what] of part.doing) if (from <= at) doing = what;
  }
  if (doing !== sayDoing.shown || sayDoing.lang !== lang) {
    sayDoing.shown = doing;
    sayDoing.lang = lang;
    text("goro-doing", room.goro_doing[doing]);
  }
}

// Refreshes overlap (a change heard, the language button, the minute's
// tick): only the latest one's answer is shown, so an earlier answer that
// arrives late cannot put back the language or the day it was asked in.
let refreshes = 0;

async function refresh() {
  const mine = ++refreshes;
  const answer = await api("/api/room" + (lang ? "?lang=" + lang : ""));
  if (mine !== refreshes) return;
  room = answer;
  lang = room.lang;
  labels = room.labels;
  document.documentElement.lang = lang;
  document.title = label("title");
  for (const e of document.querySelectorAll("[data-label]")) e.textContent = label(e.dataset.label);
  for (const e of document.querySelectorAll("[data-placeholder]")) e.placeholder = label(e.dataset.placeholder);
  text("day", room.day_words);
  showMoods(room.moods);
  text("summary", room.summary);

  const shelf = $("joys");
  shelf.replaceChildren(...room.joys.map((joy) => {
    const li = element("li");
    li.append(element("span", "mark", joy.mark), element("span", "time", joy.time),
      element("span", "text", joy.text));
    return li;
  }));
  $("shelf-empty").hidden = room.joys.length > 0;

  const s = room.season;
  text("term", s && s.term);
  text("micro", s && s.micro);
  text("note", s && s.note);
  text("next", s && s.next);

  const r = room.rhythm;
  text("rhythm-line", r.line);
  text("work", r.working ? label("work_stop") : label("work_start"));
  text("break", pageBreak ? label("break_end") : label("break_start"));
  $("notify").hidden = !("Notification" in window) || Notification.permission !== "default";
  text("quiet-line", room.quiet);
  $("quiet-line").hidden = !room.quiet;
  $("quiet-off").hidden = !room.quiet;
  sayDoing();
  document.body.classList.remove("loading");
  if ((room.scene !== shown.key || reducedMotion.matches !== shown.still) && !loadScene.busy) {
    loadScene.busy = true;
    try {
      await loadScene();
    } finally {
      loadScene.busy = false;
    }
  }
}

// Keeps an entry; true when it was kept.
async function keep(kind, body, input) {
  try {
    const answer = await api("/api/entries", Object.assign({ kind }, body));
    text("said", answer.said);
    if (input) input.value = "";
    if (kind === "joy") react("joy");
    await refresh();
    return true;
  } catch (e) {
    text("said", e.message);
    return false;
  }
}

// Nothing is chosen until the person chooses. The choices are built anew
// only when their words change (the other language): a refresh while a
// person is on them with the keyboard must not take the focus or the choice
// away. When they are rebuilt, both carry over.
function showMoods(moods) {
  const picker = $("mood-value");
  const words = JSON.stringify(moods);
  if (picker.dataset.words === words) return;
  picker.dataset.words = words;
  const chosen = moodChosen();
  const focused = picker.contains(document.activeElement) ? document.activeElement.value : null;
  const choices = element("span", "choices");
  picker.replaceChildren(picker.querySelector("legend"), choices);
  choices.replaceChildren(...moods.map((m) => {
    const choice = element("label", "mood");
    const radio = element("input");
    radio.type = "radio";
    radio.name = "mood";
    radio.value = String(m.value);
    radio.checked = radio.value === chosen;
    choice.append(radio, element("span", null, m.value + " " + m.words));
    return choice;
  }));
  if (focused !== null) picker.querySelector(`input[value="${focused}"]`)?.focus();
}

// The mood the person chose ("1" to "5"), or "" before they choose.
function moodChosen() {
  const radio = $("mood-value").querySelector("input:checked");
  return radio ? radio.value : "";
}

function notify(body) {
  if ("Notification" in window && Notification.permission === "granted") {
    new Notification(room.rhythm.piyo, { body, tag: "iyashi-break" });
  }
}

function minutes(secs) {
  const m = Math.floor(secs / 60);
  const s = secs % 60;
  return m + ":" + String(s).padStart(2, "0");
}

// While a break lasts, say so to the letters service every half minute and
// show how many people are resting too (nothing when letters are off).
let togetherTimer = null;
async function restTogether() {
  const answer = await api("/api/breaks", { action: "resting" });
  const shown = $("resting-together");
  shown.hidden = !answer.resting;
  text("resting-together", answer.said || "");
}

function stopTogether() {
  clearInterval(togetherTimer);
  togetherTimer = null;
  $("resting-together").hidden = true;
}

async function endBreak() {
  if (!pageBreak) return;
  const total = room.rhythm.rest_secs;
  const rested = Math.min(total, Math.floor((Date.now() - pageBreak.began) / 1000));
  clearInterval(pageBreak.timer);
  pageBreak = null;
  resting(false);
  text("break", label("break_start"));
  stopTogether();
  $("break-left").hidden = true;
  const answer = await api("/api/breaks", { action: "done", rested_secs: rested });
  say(answer.said);
  notify(answer.said);
  await refresh();
}

async function startBreak() {
  const answer = await api("/api/breaks", { action: "start" });
  say(answer.said);
  resting(true);
  stopTogether();
  togetherTimer = setInterval(() => restTogether().catch(() => {}), 30000);
  restTogether().catch(() => {});
  if (answer.by_watch) {
    setTimeout(() => { stopTogether(); resting(false); }, room.rhythm.rest_secs * 1000);
    return;
  }
  const total = room.rhythm.rest_secs;
  const began = Date.now();
  $("break-left").hidden = false;
  text("break-left", minutes(total));
  const timer = setInterval(() => {
    const rested = Math.floor((Date.now() - began) / 1000);
    text("break-left", minutes(Math.max(0, total - rested)));
    if (rested >= total) endBreak().catch((e) => say(e.message));
  }, 1000);
  pageBreak = { timer, began };
  text("break", label("break_end"));
}

function chartDays(svg, days, value, max, draw) {
  svg.replaceChildren();
  const w = 620, h = Number(svg.getAttribute("viewBox").split(" ")[3]), left = 24, bottom = h - 16;
  const step = (w - left) / Math.max(days.length, 1);
  const line = document.createElementNS(SVG, "line");
  for (const [k, v] of Object.entries({ x1: left, x2: w, y1: bottom, y2: bottom })) line.setAttribute(k, v);
  line.setAttribute("class", "axis");
  svg.append(line);
  days.forEach((d, i) => {
    if ((i + 1) % 5 === 0 || i === 0) {
      const t = document.createElementNS(SVG, "text");
      t.setAttribute("x", left + i * step + step / 2);
      t.setAttribute("y", h - 3);
      t.setAttribute("class", "tick");
      t.setAttribute("text-anchor", "middle");
      t.textContent = String(Number(d.day.slice(8)));
      svg.append(t);
    }
  });
  draw(svg, (i) => left + i * step, step, (v) => bottom - (v / max) * (bottom - 8));
}

function drawMood(svg, days) {
  chartDays(svg, days, (d) => d.mood, 5, (svg, x, step, y) => {
    let path = "";
    days.forEach((d, i) => {
      if (d.mood == null) return;
      const cx = x(i) + step / 2, cy = y(d.mood);
      path += (path ? " L" : "M") + cx.toFixed(1) + " " + cy.toFixed(1);
      const dot = document.createElementNS(SVG, "circle");
      dot.setAttribute("cx", cx); dot.setAttribute("cy", cy); dot.setAttribute("r", 3.5);
      dot.setAttribute("class", "dot");
      svg.append(dot);
    });
    const curve = document.createElementNS(SVG, "path");
    curve.setAttribute("d", path);
    curve.setAttribute("class", "curve");
    svg.prepend(curve);
  });
}

function drawWork(svg, days) {
  const max = Math.max(60, ...days.map((d) => Math.max(d.worked_min, d.limit_min))) * 1.1;
  chartDays(svg, days, (d) => d.worked_min, max, (svg, x, step, y) => {
    days.forEach((d, i) => {
      if (d.worked_min <= 0) return;
      const bar = document.createElementNS(SVG, "rect");
      bar.setAttribute("x", x(i) + step * 0.15);
      bar.setAttribute("width", step * 0.7);
      bar.setAttribute("y", y(d.worked_min));
      bar.setAttribute("height", y(0) - y(d.worked_min));
      bar.setAttribute("class", d.worked_min > d.limit_min ? "bar over" : "bar");
      svg.append(bar);
    });
    const limit = days.length ? days[days.length - 1].limit_min : 0;
    if (limit > 0) {
      const l = document.createElementNS(SVG, "line");
      for (const [k, v] of Object.entries({ x1: x(0), x2: 620, y1: y(limit), y2: y(limit) })) l.setAttribute(k, v);
      l.setAttribute("class", "limit");
      svg.append(l);
    }
  });
}

async function openEpisode() {
  const ep = await api("/api/episode" + (lang ? "?lang=" + lang : ""));
  text("episode-title", ep.title);
  text("episode-text", ep.text.split("\n").slice(1).join("\n").trim());
  drawMood($("chart-mood"), ep.days);
  drawWork($("chart-work"), ep.days);
  const dialog = $("episode");
  if (!dialog.open) dialog.showModal();
}

// Kind letters, read after the room has drawn: the inbox comes from the
// letters service, another computer, so it never holds the first view.
// Strangers' words go on the page as text only.
// `said`: what a change just did, kept over the inbox's own line.
async function loadLetters(said) {
  const answer = await api("/api/letters" + (lang ? "?lang=" + lang : ""));
  $("letters").hidden = false;
  text("letters-said", said || answer.said);
  text("letters-thanks", answer.thanks || "");
  $("letters-thanks").hidden = !answer.thanks;
  $("letter-form").hidden = !answer.on;
  $("letter-text").maxLength = answer.letter_max;
  // While the service is away: the letters last read, or a calm line
  // where they will come, never an empty space.
  const inbox = answer.inbox || (answer.away ? { letters: [], replies: [] } : null);
  $("inbox").hidden = !inbox;
  if (inbox) {
    text("letters-from", answer.words.letters);
    text("letters-answers", answer.words.replies);
    $("letters-from").hidden = inbox.letters.length === 0;
    $("letters-answers").hidden = inbox.replies.length === 0;
    const none = inbox.letters.length + inbox.replies.length === 0;
    const empty = answer.inbox ? answer.words.nothing_yet : answer.words.come_when_back;
    text("letters-empty", none ? empty : "");
    $("letters-list").replaceChildren(...inbox.letters.map((l) => letterItem(l, answer)));
    $("answers-list").replaceChildren(...inbox.replies.map((r) => answerItem(r, answer)));
  }
  if (toLetters) {
    toLetters = false;
    const form = $("letter-form");
    (form.hidden ? $("letters") : form).scrollIntoView();
    if (!form.hidden) $("letter-text").focus();
  }
}

function button(words, act) {
  const b = element("button", null, words);
  b.type = "button";
  b.addEventListener("click", act);
  return b;
}

function letterItem(letter, answer) {
  const li = element("li");
  li.dataset.id = letter.id;
  li.append(element("p", "body", letter.body));
  const buttons = element("p", "buttons");
  if (letter.answered) {
    li.append(element("p", "quiet", label("letter_answered")));
    if (answer.thanked_letters.includes(letter.id)) {
      li.append(element("p", "thanked", answer.words.answer_thanked));
    }
  } else {
    const form = element("form", "line");
    const field = element("textarea");
    field.id = "reply-" + letter.id;
    field.rows = 2;
    field.maxLength = answer.reply_max;
    const name = element("label", null, label("letter_reply"));
    name.htmlFor = field.id;
    const send = element("button", null, label("letter_reply_send"));
    send.type = "submit";
    form.append(name, field, send);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      letterChange({ action: "reply", id: letter.id, text: field.value });
    });
    li.append(form);
  }
  buttons.append(button(label("letter_report"), () => letterChange({ action: "report", id: letter.id })));
  li.append(buttons);
  return li;
}

function answerItem(reply, answer) {
  const li = element("li");
  li.dataset.id = reply.id;
  const mine = element("p", "mine");
  mine.append(element("span", "unseen", answer.words.you_wrote + " "), reply.letter_body);
  li.append(mine, element("p", "body", reply.body));
  const buttons = element("p", "buttons");
  if (reply.thanked) {
    li.append(element("p", "quiet", label("letter_thanked")));
  } else {
    buttons.append(button(label("letter_thank"), () => letterChange({ action: "thank", id: reply.id })));
  }
  buttons.append(button(label("letter_report"), () => letterChange({ action: "report", id: reply.id })));
  li.append(buttons);
  return li;
}

// Every change to letters: say what happened where the person is looking,
// then read the inbox again.
async function letterChange(change) {
  let said;
  try {
    said = (await api("/api/letters", change)).said;
    if (change.action === "write") $("letter-text").value = "";
  } catch (e) {
    text("letters-said", e.message);
    return;
  }
  text("letters-said", said);
  await loadLetters(said).catch(() => {});
  $("letters-said").focus();
}

function listen() {
  const events = new EventSource(keyed("/api/events"));
  events.addEventListener("changed", () => refresh().catch(() => {}));
  // The stream only tells of changes after it opens: catch up on anything
  // written between the page's first answer and then (or while it was away).
  events.addEventListener("open", () => {
    $("offline").hidden = true;
    refresh().catch(() => {});
  });
  events.addEventListener("error", () => { $("offline").hidden = false; });
}

function wire() {
  $("joy-form").addEventListener("submit", (e) => {
    e.preventDefault();
    keep("joy", { text: $("joy-text").value }, $("joy-text"));
  });
  $("mood-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const chosen = moodChosen();
    if (!chosen) {
      text("said", label("choose_mood"));
      $("mood-value").querySelector("input").focus();
      return;
    }
    if (await keep("mood", { mood: Number(chosen), text: $("mood-text").value }, $("mood-text"))) {
      for (const radio of $("mood-value").querySelectorAll("input")) radio.checked = false;
    }
  });
  $("note-form").addEventListener("submit", (e) => {
    e.preventDefault();
    keep("note", { text: $("note-text").value }, $("note-text"));
  });
  $("lang").addEventListener("click", async () => {
    lang = lang === "ja" ? "en" : "ja";
    localStorage.setItem("iyashi-lang", lang);
    await refresh();
    if ($("episode").open) await openEpisode();
    await loadLetters().catch(() => {});
  });
  $("work").addEventListener("click", async () => {
    try {
      const answer = await api("/api/work", { action: room.rhythm.working ? "stop" : "start" });
      say(answer.said);
      await refresh();
    } catch (e) {
      say(e.message);
    }
  });
  $("break").addEventListener("click", () => {
    (pageBreak ? endBreak() : startBreak()).catch((e) => say(e.message));
  });
  // Quiet, as `iyashi quiet 1h|today|off` does: Piyo holds reminders back.
  for (const button of document.querySelectorAll("[data-quiet]")) {
    button.addEventListener("click", async () => {
      try {
        const answer = await api("/api/quiet", { quiet: button.dataset.quiet });
        say(answer.said);
        await refresh();
        // The button pressed may have gone (off, once quiet is over): the focus stays in the group.
        if (button.hidden) $("quiet-hour").focus();
      } catch (e) {
        say(e.message);
      }
    });
  }
  $("notify").addEventListener("click", async () => {
    await Notification.requestPermission();
    $("notify").hidden = Notification.permission !== "default";
  });
  $("episode-open").addEventListener("click", () => openEpisode().catch((e) => say(e.message)));
  $("letter-form").addEventListener("submit", (e) => {
    e.preventDefault();
    letterChange({ action: "write", text: $("letter-text").value });
  });
  $("letters-look").addEventListener("click", () => loadLetters().catch((e) => text("letters-said", e.message)));
}

wire();
refresh().then(listen).catch((e) => text("said", e.message))
  .then(() => loadLetters()).catch(() => {});
// New letters come slowly; the page looks for them now and then.
setInterval(() => loadLetters().catch(() => {}), 5 * 60000);
setInterval(sayDoing, 500);
// The light outside moves on while the page stays open.
setInterval(() => refresh().catch(() => {}), 60000);
reducedMotion.addEventListener("change", () => loadScene().catch(() => {}));
