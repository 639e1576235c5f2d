// tender serve: the pages' only script. Reading works without it; it adds
// live reload, the milestone details, the what-if and the write button.
"use strict";

(function () {
  var TOKEN_KEY = "tender-token";

  // The address tender serve printed carries ?token=…: keep it for the
  // writes and take it out of the address bar (and so out of the history
  // and of screenshots).
  function takeToken() {
    var u = new URL(window.location.href);
    var t = u.searchParams.get("token");
    if (t) {
      try { window.localStorage.setItem(TOKEN_KEY, t); } catch (e) { /* private mode */ }
      u.searchParams.delete("token");
      window.history.replaceState(null, "", u.pathname + u.search + u.hash);
    }
  }

  function token() {
    try { return window.localStorage.getItem(TOKEN_KEY) || ""; } catch (e) { return ""; }
  }

  // api sends a JSON request with the token and answers {status, body}.
  function api(method, path, body) {
    var init = { method: method, headers: { "Accept": "application/json" } };
    if (method !== "GET") {
      init.headers["Content-Type"] = "application/json";
      init.headers["X-Tender-Token"] = token();
      init.body = JSON.stringify(body || {});
    }
    return fetch(path, init).then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try { data = JSON.parse(text); } catch (e) { data = { error: text }; }
        return { status: res.status, body: data };
      });
    });
  }

  var hooks = [];

  // enhance runs every page hook on the (new) content.
  function enhance() {
    hooks.forEach(function (h) { h(document); });
  }

  // refresh fetches the page again and swaps in its content and error
  // overlay, keeping the scroll position and the focus where they can be.
  function refresh() {
    return fetch(window.location.href, { headers: { "Accept": "text/html" } })
      .then(function (res) { return res.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        ["main", "overlay"].forEach(function (id) {
          var now = document.getElementById(id), next = doc.getElementById(id);
          if (!now || !next) { return; }
          var focused = document.activeElement && document.activeElement.id;
          now.innerHTML = next.innerHTML;
          now.hidden = next.hidden;
          if (focused) {
            var f = document.getElementById(focused);
            if (f) { f.focus(); }
          }
        });
        document.body.setAttribute("data-version", doc.body.getAttribute("data-version") || "");
        enhance();
        document.dispatchEvent(new CustomEvent("tender:reloaded"));
      });
  }

  // settled marks the page as following the server (data-live="ready"):
  // the stream is open and the content is the server's current version.
  // The browser tests wait for it instead of racing the first refresh.
  function settled() { document.body.setAttribute("data-live", "ready"); }

  function live() {
    if (!window.EventSource) { settled(); return; }
    var es = new EventSource("/events");
    var lost = false;
    es.addEventListener("reload", function () { lost = false; refresh(); });
    es.addEventListener("hello", function (e) {
      var v = JSON.parse(e.data).version;
      if (lost || String(v) !== document.body.getAttribute("data-version")) {
        refresh().then(settled, settled);
      } else {
        settled();
      }
      lost = false;
    });
    var status = document.getElementById("status");
    es.onerror = function () {
      lost = true;
      if (status) {
        status.textContent = document.body.getAttribute("data-offline") || "";
        status.className = "status offline";
      }
    };
    es.addEventListener("open", function () {
      if (status && status.classList.contains("offline")) {
        status.textContent = "";
        status.className = "status";
      }
    });
  }

  // The tender page: milestone details on hover and focus, the scenario
  // switcher, the what-if and the write button.
  function tenderPage(root) {
    var detail = document.getElementById("detail");
    function show(id) {
      var row = document.getElementById("ms-" + id);
      if (!detail || !row) { return; }
      var cells = row.querySelectorAll("td, th");
      var head = document.querySelectorAll("table.milestones thead th");
      var parts = [];
      for (var i = 0; i < cells.length; i++) {
        var items = cells[i].querySelectorAll("li");
        var t = items.length ? Array.from(items).map(function (li) { return li.textContent.trim(); }).join("; ")
          : cells[i].textContent.replace(/\s+/g, " ").trim();
        if (t && head[i]) { parts.push(head[i].textContent + ": " + t); }
      }
      detail.textContent = parts.join(" · ");
      detail.hidden = false;
      document.querySelectorAll(".hl").forEach(function (e) { e.classList.remove("hl"); });
      row.classList.add("hl");
      var g = document.querySelector('#gantt g.row[data-id="' + CSS.escape(id) + '"]');
      if (g) { g.classList.add("hl"); }
    }
    root.querySelectorAll("#gantt g.row[data-id]").forEach(function (g) {
      var id = g.getAttribute("data-id");
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-controls", "ms-" + id);
      g.addEventListener("mouseenter", function () { show(id); });
      g.addEventListener("focus", function () { show(id); });
      g.addEventListener("click", function () { pick(id); });
      g.addEventListener("keydown", function (e) { if (e.key === "Enter") { pick(id); } });
    });
    root.querySelectorAll("table.milestones tr[data-id]").forEach(function (tr) {
      var id = tr.getAttribute("data-id");
      tr.addEventListener("mouseenter", function () { show(id); });
      tr.addEventListener("focus", function () { show(id); });
    });
    var sc = document.getElementById("scenario");
    if (sc && !sc.dataset.bound) {
      sc.dataset.bound = "1";
      sc.addEventListener("change", function () { sc.form.submit(); });
    }
    var form = document.getElementById("whatif-form");
    if (form && !form.dataset.bound) {
      form.dataset.bound = "1";
      form.addEventListener("submit", function (e) { e.preventDefault(); ask(form); });
      form.addEventListener("change", function () {
        if (form.elements.move.value && form.elements.date.value) { ask(form); }
      });
    }
    var write = document.getElementById("write");
    if (write && !write.dataset.bound) {
      write.dataset.bound = "1";
      write.addEventListener("click", function () { doWrite(write); });
    }
  }

  // pick puts a milestone of the picture into the what-if form.
  function pick(id) {
    var form = document.getElementById("whatif-form");
    if (!form) { return; }
    form.elements.move.value = id;
    form.elements.date.focus();
  }

  // ask shows reschedule's answer for the form's move: the page's own
  // what-if section, computed by the server, swapped in.
  function ask(form) {
    var u = new URL(window.location.href);
    var params = new URLSearchParams(new FormData(form));
    u.search = params.toString();
    u.hash = "";
    window.history.replaceState(null, "", u.pathname + u.search + "#whatif");
    return fetch(u.pathname + u.search, { headers: { "Accept": "text/html" } })
      .then(function (res) { return res.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var now = document.getElementById("whatif-result"), next = doc.getElementById("whatif-result");
        // The same answer twice (a change, then the button) is left alone.
        if (now && next && now.innerHTML !== next.innerHTML) {
          now.innerHTML = next.innerHTML;
          enhance();
        }
        document.dispatchEvent(new CustomEvent("tender:answered"));
      });
  }

  // doWrite sends the move to /api/write. The answer goes to the page's
  // status line, outside the content: the write changes the file, and the
  // live reload that follows replaces the content (the what-if then shows
  // the file as written).
  function doWrite(button) {
    var status = document.getElementById("status");
    var body = JSON.parse(button.getAttribute("data-body"));
    button.disabled = true;
    api("POST", "/api/write", body).then(function (res) {
      button.disabled = false;
      var words = document.body.dataset;
      if (res.status === 200) {
        status.textContent = (words.written || "%s").replace("%s", res.body.written || body.region);
        status.className = "status ok";
      } else {
        status.textContent = (words.notwritten || "%s").replace("%s", res.body.error || String(res.status));
        status.className = "status error";
      }
      document.dispatchEvent(new CustomEvent("tender:written", { detail: res }));
    });
  }

  // dragDiamonds lets a milestone's diamond be dragged along the picture
  // to pick a what-if date, snapped to days: while it moves the date field
  // follows, and on release the page asks as the form does. The scale
  // comes from the picture itself: each diamond is centred on its planned
  // date, which the milestones table gives. The date field stays the
  // keyboard's way to do the same.
  function dragDiamonds(root) {
    var svg = root.querySelector("#gantt svg");
    var form = document.getElementById("whatif-form");
    if (!svg || !form || svg.getAttribute("data-drag")) { return; }
    var DAY = 864e5;
    var pts = [];
    svg.querySelectorAll("g.row[data-id]").forEach(function (g) {
      var paths = g.querySelectorAll("path:not(.baseline)");
      var p = paths[paths.length - 1];
      var cell = document.querySelector("#ms-" + CSS.escape(g.getAttribute("data-id")) + " td.date");
      var d = cell && /(\d{4})-(\d{2})-(\d{2})/.exec(cell.textContent);
      var x = p && /^M(-?[\d.]+) /.exec(p.getAttribute("d") || "");
      if (!d || !x) { return; }
      pts.push({ g: g, p: p, x: parseFloat(x[1]), day: Date.UTC(+d[1], +d[2] - 1, +d[3]) / DAY });
    });
    if (pts.length < 2) { return; }
    var lo = pts[0], hi = pts[0];
    pts.forEach(function (q) {
      if (q.day < lo.day) { lo = q; }
      if (q.day > hi.day) { hi = q; }
    });
    if (hi.day === lo.day) { return; }
    var scale = (hi.x - lo.x) / (hi.day - lo.day); // SVG units per day
    svg.setAttribute("data-drag", "1");
    function iso(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
    function dayAt(e) {
      var m = svg.getScreenCTM();
      if (!m) { return null; }
      var pt = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
      return Math.round(lo.day + (pt.x - lo.x) / scale);
    }
    pts.forEach(function (q) {
      q.p.classList.add("draggable");
      q.p.addEventListener("pointerdown", function (e) {
        if (e.button !== 0) { return; }
        e.preventDefault();
        var id = q.g.getAttribute("data-id"), start = dayAt(e), day = q.day;
        if (start === null) { return; }
        q.p.setPointerCapture(e.pointerId);
        q.g.classList.add("dragging");
        function move(ev) {
          var now = dayAt(ev);
          if (now === null) { return; }
          day = q.day + now - start;
          q.p.setAttribute("transform", "translate(" + ((day - q.day) * scale) + " 0)");
          form.elements.move.value = id;
          form.elements.date.value = iso(day);
        }
        function up(ev) {
          move(ev);
          q.p.removeEventListener("pointermove", move);
          q.p.removeEventListener("pointerup", up);
          q.p.removeEventListener("pointercancel", up);
          q.g.classList.remove("dragging");
          if (day !== q.day) { ask(form); } else { q.p.removeAttribute("transform"); }
        }
        q.p.addEventListener("pointermove", move);
        q.p.addEventListener("pointerup", up);
        q.p.addEventListener("pointercancel", up);
      });
    });
  }

  hooks.push(tenderPage, dragDiamonds);

  window.tender = { api: api, token: token, refresh: refresh, hook: function (h) { hooks.push(h); } };

  takeToken();
  document.addEventListener("DOMContentLoaded", function () {
    enhance();
    live();
  });
})();
