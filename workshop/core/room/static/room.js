// Participants' page: live updates (server-sent events, polling as the fallback), a retry
// queue for submits (kept across reloads), "saved / waiting" shown. Without it, forms still post.
(function () {
  "use strict";
  var QUEUE = "workshop-room-queue";
  var net = document.getElementById("net");
  var live = document.getElementById("live");
  if (!live) { return; }
  var version = null;
  var flushing = false;
  var retryTimer = null;

  function newId() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function load() { try { return JSON.parse(localStorage.getItem(QUEUE) || "[]"); } catch (e) { return []; } }
  function store(q) { try { localStorage.setItem(QUEUE, JSON.stringify(q)); } catch (e) { /* private mode */ } }
  function show(kind, text) {
    if (!net) { return; }
    net.className = "net " + kind;
    net.textContent = text || net.getAttribute("data-" + kind) || "";
  }

  function flush() {
    if (flushing) { return; }
    var q = load();
    if (!q.length) { return; }
    flushing = true;
    show("waiting");
    var job = q[0];
    fetch(job.action, {
      method: "POST", body: job.body, credentials: "same-origin",
      headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        flushing = false;
        if (r.status >= 500 || r.status === 429) { throw new Error("retry"); }
        var rest = load().filter(function (j) { return j.id !== job.id; });
        store(rest);
        if (!r.ok) { show("waiting", data.message || ""); } else if (!rest.length) { show("saved"); }
        if (r.ok || !rest.length) { refresh(); }
        if (rest.length) { flush(); }
      });
    }).catch(function () {
      flushing = false;
      show("waiting", navigator.onLine === false ? net.getAttribute("data-offline") : "");
      clearTimeout(retryTimer);
      retryTimer = setTimeout(flush, 3000);
    });
  }

  // Items still on this phone (offline or being sent) are listed under "what you sent" too.
  function showQueued() {
    var old = live.querySelectorAll("li.queued");
    Array.prototype.forEach.call(old, function (li) { li.parentNode.removeChild(li); });
    load().filter(function (j) { return j.action === "/answer"; }).forEach(function (job) {
      var params = new URLSearchParams(job.body);
      var item = live.querySelector('li[data-ask="' + (params.get("ask") || "").replace(/[^a-z0-9._-]/gi, "") + '"] form');
      if (item) { mark(item, params.get("value")); }
    });
    var items = load().filter(function (j) { return j.action === "/item"; });
    if (!items.length) { return; }
    var list = live.querySelector("section.sent ul");
    if (!list) {
      var section = document.createElement("section");
      section.className = "sent";
      list = document.createElement("ul");
      section.appendChild(list);
      live.appendChild(section);
    }
    items.forEach(function (job) {
      var li = document.createElement("li");
      li.className = "queued";
      var text = document.createElement("span");
      text.className = "text";
      text.setAttribute("dir", "auto");
      text.textContent = new URLSearchParams(job.body).get("text") || "";
      var status = document.createElement("span");
      status.className = "status";
      status.textContent = net ? net.getAttribute("data-waiting") : "";
      li.appendChild(text);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(status);
      list.appendChild(li);
    });
  }

  // An answer (readiness, poll) shows as chosen at once, even before it is sent.
  function mark(form, value) {
    Array.prototype.forEach.call(form.querySelectorAll("button[name=value]"), function (b) {
      b.setAttribute("aria-pressed", b.value === value ? "true" : "false");
    });
  }

  function enqueue(form, submitter) {
    var id = form.elements.client_id ? form.elements.client_id.value : newId();
    var data = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
    var body = data.toString();
    if (submitter && submitter.name === "value") { mark(form, submitter.value); }
    var q = load();
    q.push({ id: id, action: form.getAttribute("action"), body: body });
    store(q);
    if (form.elements.client_id) { form.elements.client_id.value = newId(); }
    if (form.elements.text) { form.elements.text.value = ""; }
    showQueued();
    flush();
  }

  var lastButton = null;  // browsers without event.submitter
  document.addEventListener("click", function (event) {
    var target = event.target;
    lastButton = target && target.closest ? target.closest("button") : null;
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !live.contains(form)) { return; }
    event.preventDefault();
    var submitter = event.submitter || (lastButton && form.contains(lastButton) ? lastButton : null);
    enqueue(form, submitter);
  });

  function refresh() {
    fetch("/view", { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { if (r.status === 401) { location.reload(); } return r.json(); })
      .then(function (data) {
        version = data.version;
        var step = document.getElementById("step");
        var kept = {};
        var focused = document.activeElement;
        var focusKey = null;
        live.querySelectorAll("section[data-target]").forEach(function (s) {
          var ta = s.querySelector("textarea");
          if (ta) { kept[s.getAttribute("data-target")] = ta.value; if (ta === focused) { focusKey = s.getAttribute("data-target"); } }
        });
        if (step && step.getAttribute("data-step") !== data.step) {
          step.textContent = data.step_title;
          step.setAttribute("data-step", data.step);
        }
        live.innerHTML = data.html;
        live.querySelectorAll("section[data-target]").forEach(function (s) {
          var key = s.getAttribute("data-target");
          var ta = s.querySelector("textarea");
          if (ta && kept[key]) { ta.value = kept[key]; }
          if (ta && key === focusKey) { ta.focus(); }
        });
        showQueued();
      })
      .catch(function () { /* next event or poll tries again */ });
  }

  function changed(v) { if (String(v) !== String(version)) { refresh(); } }

  var polling = null;
  function poll() {
    if (polling) { return; }
    polling = setInterval(function () {
      fetch("/version", { credentials: "same-origin" }).then(function (r) { return r.text(); })
        .then(changed).catch(function () { /* offline: keep polling */ });
    }, 4000);
  }
  if (window.EventSource) {
    var source = new EventSource("/events");
    source.onmessage = function (e) { changed(e.data); };
    source.onerror = function () { if (source.readyState === 2) { poll(); } };
  } else {
    poll();
  }
  window.addEventListener("online", function () { flush(); refresh(); });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { flush(); refresh(); }
  });
  refresh();
  flush();
})();
