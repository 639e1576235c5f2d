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

  function setStatus(text) {
    var s = document.getElementById("status");
    if (s) { s.textContent = text; }
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

  function live() {
    if (!window.EventSource) { return; }
    var es = new EventSource("/events");
    var lost = false;
    es.addEventListener("reload", function () { lost = false; refresh(); });
    es.addEventListener("hello", function (e) {
      var v = JSON.parse(e.data).version;
      if (lost || String(v) !== document.body.getAttribute("data-version")) { refresh(); }
      lost = false;
      setStatus(document.body.getAttribute("data-readonly") ? "" : "");
    });
    es.onerror = function () { lost = true; };
  }

  window.tender = { api: api, token: token, refresh: refresh, hook: function (h) { hooks.push(h); } };

  takeToken();
  document.addEventListener("DOMContentLoaded", function () {
    enhance();
    live();
  });
})();
