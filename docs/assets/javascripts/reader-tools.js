/*
 * For every page (mkdocs.yml: extra_javascript), and the offline page:
 * 1. Offline reading: registers the site's service worker (/sw.js, written by the build from
 *    service-worker.js) once the page has loaded, then tells it what the page loaded, so that the
 *    page and the main pages of its language can be read without a network; once they are kept,
 *    <html> gets the attribute data-rc-kept.
 * 2. A file the reader downloads is kept too; the offline page shows the pages kept on this device.
 * 3. The share button (page foot): the browser's own sharing where it has one (Web Share API),
 *    otherwise "copy the link", with a visible confirmation. Without either, it stays hidden.
 * 4. On paper, each link's address is written after it (site.css, @media print): it is set here,
 *    complete, in data-address.
 */
(function () {
  var script = document.currentScript;
  var root = new URL("../../", script.src);  /* this file is assets/javascripts/reader-tools.js */

  if ("serviceWorker" in navigator && window.caches) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "kept")  /* this page and the main ones are on the device */
        document.documentElement.setAttribute("data-rc-kept", "");
    });
    addEventListener("load", function () {
      navigator.serviceWorker.register(new URL("sw.js", root).href).then(function () {
        return navigator.serviceWorker.ready;
      }).then(function (registration) {
        var loaded = performance.getEntriesByType("resource").map(function (entry) { return entry.name; });
        registration.active.postMessage({
          type: "visited", page: location.href, loaded: loaded,
          saveData: Boolean(navigator.connection && navigator.connection.saveData)
        });
      }).catch(function () { /* no offline reading; the site works as before */ });
    });
  }

  /* A file the reader downloads (a booklet's PDF, the calendar) is fetched through the service worker,
     which keeps it (a browser's own download would bypass it), then saved from memory under its name.
     If that fails, the browser downloads it itself. */
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a[download]");
    if (!link || link.href.indexOf(root.href) !== 0 || !navigator.serviceWorker || !navigator.serviceWorker.controller ||
        event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    fetch(link.href).then(function (response) {
      if (!response.ok)
        throw new Error(response.status);
      return response.blob();
    }).then(function (file) {
      var save = document.createElement("a");
      save.href = URL.createObjectURL(file);
      save.download = link.getAttribute("download") || decodeURIComponent(link.pathname.split("/").pop());
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(function () { URL.revokeObjectURL(save.href); }, 60000);
    }).catch(function () {
      location.href = link.href;
    });
  });

  document.querySelectorAll("[data-rc-saved] a").forEach(function (link) {
    if (window.caches)
      caches.match(link.href).then(function (kept) { link.parentNode.hidden = !kept; });
  });

  var share = document.querySelector(".rc-share");
  if (share && (navigator.share || navigator.clipboard)) {
    var button = share.querySelector("button");
    var status = share.querySelector("[role=status]");
    if (!navigator.share)
      button.querySelector("span").textContent = button.getAttribute("data-copy");
    button.addEventListener("click", function () {
      var address = location.href;
      if (navigator.share) {
        navigator.share({title: document.title, url: address}).catch(function () { /* closed by the reader */ });
        return;
      }
      status.textContent = "";
      navigator.clipboard.writeText(address).then(function () {
        status.textContent = button.getAttribute("data-copied");
      }, function () {
        status.textContent = address;  /* the reader can copy it by hand */
      });
    });
    share.hidden = false;
  }

  document.querySelectorAll(".md-content article a[href]").forEach(function (link) {
    var href = link.getAttribute("href");
    if (href.charAt(0) !== "#" && !link.closest(".rc-page-foot") && link.textContent.trim() !== link.href)
      link.setAttribute("data-address", link.href);
  });
})();
