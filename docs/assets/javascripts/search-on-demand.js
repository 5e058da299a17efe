/* The search index is fetched when the reader first shows they want to search, not with every page:
   on a phone with little data, most visits never search. Material asks for search/search_index.json
   as its script starts (with XMLHttpRequest); this script, loaded just before Material's, holds that
   one request back until the reader focuses or opens the search box, presses one of Material's search
   keys, or arrives with a search in the address.
   Offline, when the index or the search engine is not on the device yet, the search box says that
   search needs a connection (overrides/partials/search.html), instead of waiting forever. */
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var NativeWorker = window.Worker;
  var waiting = [];
  var wanted = /[?&]q=/.test(location.search);

  function needsConnection(shown) {
    var note = document.querySelector(".rc-search-offline");
    var meta = document.querySelector(".md-search-result__meta");
    if (!note || !meta) return;
    note.hidden = !shown;
    meta.hidden = shown;
  }

  /* The search worker (workers/site-search.js) says when it could not load its files */
  if (NativeWorker) {
    window.Worker = function (url, options) {
      var worker = new NativeWorker(url, options);
      worker.addEventListener("message", function (event) {
        needsConnection(Boolean(event.data && event.data.type === "rc-search-needs-connection"));
      });
      return worker;
    };
    window.Worker.prototype = NativeWorker.prototype;
  }

  function release() {
    wanted = true;
    waiting.splice(0).forEach(function (request) { send.apply(request.xhr, request.args); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.rcSearchIndex = /\/search\/search_index\.json(?:$|\?)/.test(String(url));
    if (this.rcSearchIndex)
      this.addEventListener("loadend", function () { needsConnection(this.status !== 200); });
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.rcSearchIndex && !wanted) {
      waiting.push({ xhr: this, args: arguments });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function searchAsked(event) {
    var target = event.target;
    if (target && target.closest && target.closest("[data-md-component=search], label[for=__search]")) release();
  }
  document.addEventListener("focusin", searchAsked, true);
  document.addEventListener("pointerdown", searchAsked, true);
  document.addEventListener("click", searchAsked, true);
  document.addEventListener("keydown", function (event) {
    if (["f", "s", "/"].indexOf(event.key) >= 0 && !event.ctrlKey && !event.metaKey) release();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) release();
  }, true);
})();
