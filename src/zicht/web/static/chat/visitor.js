// The visitor's side of the help chat. Everything this tab keeps lives in sessionStorage
// (gone when the tab closes); only an anonymous device code the visitor chose to keep
// goes to localStorage. Messages are shown with textContent: never as markup.
(() => {
  "use strict";
  const KEY = "zicht-chat";
  const DEVICE = "zicht-chat-device";
  const EXIT_TO = "/weer";
  const texts = JSON.parse(document.getElementById("texts").textContent);
  const lang = document.documentElement.lang;
  const $ = (id) => document.getElementById(id);
  let ws = null;
  let lastSeq = 0; // every message up to this number is here (what a reconnect asks after)
  const seen = new Set();
  let ended = false;
  let retry = 0;
  let state = load();

  function load() {
    try { return JSON.parse(sessionStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save() { sessionStorage.setItem(KEY, JSON.stringify(state)); }

  function quickExit() {
    try { if (ws && ws.readyState === 1) ws.send(JSON.stringify({ type: "leave" })); } catch (e) { /* leaving anyway */ }
    sessionStorage.clear();
    document.body.textContent = "";
    location.replace(EXIT_TO);
  }
  $("exit").addEventListener("click", quickExit);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") quickExit(); });

  function setStatus(text) { $("status").textContent = text; }
  function notice(text) {
    const n = $("notice");
    n.textContent = text || "";
    n.hidden = !text;
  }

  function deviceCode() {
    if (!$("remember").checked) { localStorage.removeItem(DEVICE); return null; }
    let code = localStorage.getItem(DEVICE);
    if (!code) {
      const bytes = new Uint8Array(24);
      crypto.getRandomValues(bytes);
      code = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      localStorage.setItem(DEVICE, code);
    }
    return code;
  }

  function render(from, body, seq, cid) {
    let item = cid ? document.querySelector(`#log li[data-cid="${CSS.escape(cid)}"]`) : null;
    if (!item) {
      item = document.createElement("li");
      const who = document.createElement("span");
      who.className = "who";
      who.textContent = from === "visitor" ? texts.you : texts.counsellor;
      const text = document.createElement("p");
      text.className = "text";
      text.textContent = body;
      item.append(who, text);
      if (cid) item.dataset.cid = cid;
      $("log").append(item);
    }
    item.className = "m-" + from + (seq ? "" : " pending");
    if (seq) { item.dataset.seq = String(seq); place(item, seq); }
    item.scrollIntoView({ block: "end" });
  }

  // A message is acknowledged once stored, so the counsellor's answer may arrive before
  // the visitor's own message comes back numbered: the log follows the numbers, and
  // messages still pending stay at the end.
  function place(item, seq) {
    const log = $("log");
    let before = null;
    for (const li of log.children) {
      if (li === item) continue;
      const other = Number(li.dataset.seq || 0);
      if (!other || other > seq) { before = li; break; }
    }
    log.insertBefore(item, before);
  }

  function markSeen(seq) {
    seen.add(seq);
    while (seen.has(lastSeq + 1)) lastSeq += 1;
  }

  function showStatus(status, blocked) {
    const map = { waiting: texts.waiting, active: texts.active };
    if (status === "ended") {
      ended = true;
      setStatus(blocked ? texts.blocked : texts.ended);
      $("compose").hidden = true;
      state = blocked ? { blocked: true } : {};
      save();
      $("new").hidden = !!blocked;
      if (ws) ws.close();
      return;
    }
    setStatus(map[status] || "");
    $("compose").hidden = false;
  }

  function handle(f) {
    if (f.type === "welcome") {
      retry = 0;
      state.token = f.token;
      save();
      showStatus(f.status, false);
      for (const m of state.outbox || []) ws.send(JSON.stringify({ type: "msg", cid: m.cid, body: m.body }));
    } else if (f.type === "msg") {
      if (seen.has(f.seq)) return;
      markSeen(f.seq);
      if (f.from === "visitor" && f.cid) {
        state.outbox = (state.outbox || []).filter((m) => m.cid !== f.cid);
        save();
      }
      render(f.from, f.body, f.seq, f.from === "visitor" ? f.cid : null);
    } else if (f.type === "status") {
      showStatus(f.status, f.blocked);
    } else if (f.type === "error") {
      notice(texts["error." + f.code] || texts["error.invalid"]);
      if (f.cid) {
        state.outbox = (state.outbox || []).filter((m) => m.cid !== f.cid);
        save();
        const item = document.querySelector(`#log li[data-cid="${CSS.escape(f.cid)}"]`);
        if (item) item.remove();
      }
    }
  }

  function connect() {
    $("begin").hidden = true;
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    ws = new WebSocket(scheme + location.host + "/chat/ws");
    ws.onopen = () => ws.send(JSON.stringify({
      type: "hello", lang, token: state.token || null, after: lastSeq, device: deviceCode(),
    }));
    ws.onmessage = (e) => handle(JSON.parse(e.data));
    ws.onclose = () => {
      if (ended) return;
      setStatus(texts.reconnecting);
      retry = Math.min(retry + 1, 6);
      setTimeout(connect, Math.min(250 * 2 ** retry, 5000));
    };
  }

  $("compose").addEventListener("submit", (e) => {
    e.preventDefault();
    const body = $("body").value.trim();
    if (!body) return;
    notice("");
    const cid = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
    state.outbox = (state.outbox || []).concat([{ cid, body }]);
    save();
    render("visitor", body, 0, cid);
    $("body").value = "";
    if (ws && ws.readyState === 1) ws.send(JSON.stringify({ type: "msg", cid, body }));
  });
  $("body").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); $("compose").requestSubmit(); }
  });
  $("leave").addEventListener("click", () => {
    if (ws && ws.readyState === 1) ws.send(JSON.stringify({ type: "leave" }));
  });
  $("start").addEventListener("click", connect);
  $("new").addEventListener("click", () => {
    state = {}; save(); ended = false; lastSeq = 0; seen.clear();
    $("log").textContent = ""; $("new").hidden = true; connect();
  });
  // Keep the language links inside this tab's conversation (no cookie holds the choice).
  $("remember").checked = !!localStorage.getItem(DEVICE);
  if (state.blocked) { setStatus(texts.blocked); $("begin").hidden = true; }
  else if (state.token) connect();
})();
