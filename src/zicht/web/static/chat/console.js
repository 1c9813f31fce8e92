// The counsellor console: the queue with waiting times, several conversations at once,
// canned texts, transfer with a note, end and block, and the detector's suggestions
// beside each conversation (shown, never acted on). Text is always set as textContent.
(() => {
  "use strict";
  const T = JSON.parse(document.getElementById("console-texts").textContent);
  const $ = (id) => document.getElementById(id);
  const convs = new Map();
  let ws = null;
  let queue = [];
  let queueAt = Date.now();
  let colleagues = [];
  let retry = 0;
  let counter = 0;

  function send(frame) { if (ws && ws.readyState === 1) ws.send(JSON.stringify(frame)); }
  function mmss(s) { return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0"); }

  function drawQueue() {
    const list = $("queue");
    const elapsed = Math.floor((Date.now() - queueAt) / 1000);
    list.textContent = "";
    $("queue-empty").hidden = queue.length > 0;
    for (const item of queue) {
      const li = document.createElement("li");
      li.dataset.id = item.id;
      const label = document.createElement("span");
      label.textContent = `${T.conversation} ${item.id} · ${item.lang} · ${T.waiting} ${mmss(item.waiting_seconds + elapsed)} · ${item.messages} ${T.messages}`;
      label.className = "wait";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "accept";
      button.textContent = T.accept;
      button.addEventListener("click", () => send({ type: "accept", conversation: item.id }));
      li.append(label, button);
      list.append(li);
    }
  }
  setInterval(drawQueue, 1000);

  function fillColleagues(conv) {
    const select = conv.el.querySelector(".to");
    select.textContent = "";
    for (const name of colleagues) {
      const o = document.createElement("option");
      o.value = name; o.textContent = name;
      select.append(o);
    }
  }

  function view(id) {
    if (convs.has(id)) return convs.get(id);
    const el = $("conv-template").content.firstElementChild.cloneNode(true);
    el.dataset.id = id;
    el.querySelector(".conv-name").textContent = `${T.conversation} ${id}`;
    const conv = { id, el, seqs: new Set() };
    el.querySelector(".canned").addEventListener("change", (e) => {
      const area = el.querySelector(".body");
      area.value = (area.value ? area.value + " " : "") + e.target.value;
      e.target.value = "";
      area.focus();
    });
    el.querySelector(".compose").addEventListener("submit", (e) => {
      e.preventDefault();
      const area = el.querySelector(".body");
      const body = area.value.trim();
      if (!body) return;
      send({ type: "msg", conversation: id, body, cid: "c" + Date.now().toString(36) + (counter++) });
      area.value = "";
    });
    el.querySelector(".end").addEventListener("click", () => send({ type: "end", conversation: id }));
    el.querySelector(".block").addEventListener("click", () => send({ type: "block", conversation: id }));
    el.querySelector(".transfer").addEventListener("submit", (e) => {
      e.preventDefault();
      send({ type: "transfer", conversation: id, to: el.querySelector(".to").value,
             note: el.querySelector(".note").value });
    });
    const close = el.querySelector(".close-link");
    close.href = `/chat/console/${id}/close`;
    convs.set(id, conv);
    fillColleagues(conv);
    $("conversations").prepend(el);
    return conv;
  }

  function addMessage(conv, m) {
    if (conv.seqs.has(m.seq)) return;
    conv.seqs.add(m.seq);
    const li = document.createElement("li");
    li.className = "m-" + m.from;
    li.dataset.seq = m.seq;
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = m.from === "visitor" ? T.visitor : (m.author || T.counsellor);
    const text = document.createElement("p");
    text.className = "text";
    text.textContent = m.body;
    li.append(who, text);
    // In number order: a message comes back to its writer only once stored, so the
    // other side's next message may arrive first.
    const log = conv.el.querySelector(".log");
    const after = Array.from(log.children).find((other) => Number(other.dataset.seq) > m.seq);
    log.insertBefore(li, after || null);
  }

  function setState(conv, status, blocked) {
    conv.el.querySelector(".conv-state").textContent =
      (T["status." + status] || status) + (blocked ? ` (${T.blocked})` : "");
    conv.el.dataset.status = status;
    const ended = status === "ended";
    conv.el.querySelector(".compose").hidden = ended;
    conv.el.querySelector(".end").hidden = ended;
    conv.el.querySelector(".block").hidden = ended;
    conv.el.querySelector(".transfer").hidden = ended;
    conv.el.querySelector(".close-link").hidden = !ended;
  }

  function presence(conv, on) {
    conv.el.querySelector(".conv-presence").textContent = on ? T.connected : T.disconnected;
  }

  function suggestions(conv, f) {
    const list = conv.el.querySelector(".suggest-list");
    list.textContent = "";
    for (const s of f.items || []) {
      const li = document.createElement("li");
      const name = document.createElement("strong");
      name.textContent = s.label;
      const why = document.createElement("small");
      why.textContent = ` ${s.indicator} (${s.form}): ${s.why}`;
      li.append(name, why);
      list.append(li);
    }
    conv.el.querySelector(".suggest-note").textContent =
      f.note || ((f.items || []).length ? "" : T.nosuggest);
  }

  function handle(f) {
    if (f.type === "queue") { queue = f.items; queueAt = Date.now(); drawQueue(); }
    else if (f.type === "colleagues") { colleagues = f.items; convs.forEach(fillColleagues); }
    else if (f.type === "conversation") {
      const conv = view(f.id);
      for (const m of f.messages) addMessage(conv, m);
      setState(conv, f.status, f.blocked);
      presence(conv, f.visitor_connected);
      const note = conv.el.querySelector(".conv-note");
      if (f.note) { note.textContent = T.note.replace("{by}", f.noted_by) + " " + f.note; note.hidden = false; }
      suggestions(conv, { items: f.suggestions, note: f.suggest_note });
    } else if (f.type === "msg") { const c = convs.get(f.conversation); if (c) addMessage(c, f); }
    else if (f.type === "status") { const c = convs.get(f.conversation); if (c) setState(c, f.status, f.blocked); }
    else if (f.type === "presence") { const c = convs.get(f.conversation); if (c) presence(c, f.visitor_connected); }
    else if (f.type === "suggestions") { const c = convs.get(f.conversation); if (c) suggestions(c, f); }
    else if (f.type === "transferred") {
      const c = convs.get(f.conversation);
      if (c) { c.el.remove(); convs.delete(f.conversation); }
      $("console-status").textContent = `${T.transferred} ${f.to}`;
    } else if (f.type === "error") { $("console-status").textContent = f.message || f.code; }
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    ws = new WebSocket(scheme + location.host + "/chat/console/ws");
    ws.onopen = () => { retry = 0; $("console-status").textContent = T.online; };
    ws.onmessage = (e) => handle(JSON.parse(e.data));
    ws.onclose = () => {
      $("console-status").textContent = T.offline;
      retry = Math.min(retry + 1, 6);
      setTimeout(connect, Math.min(250 * 2 ** retry, 5000));
    };
  }
  connect();
})();
