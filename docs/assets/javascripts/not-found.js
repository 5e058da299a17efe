/*
 * 404 page (overrides/404.html): it holds the text in every language. Keep the one whose home the
 * address starts with (/en/… -> English, anything else -> French); without JavaScript all show.
 */
(function () {
  var sections = Array.prototype.slice.call(document.querySelectorAll("section[data-home]"));
  var chosen = null;
  sections.forEach(function (section) {
    var home = section.getAttribute("data-home");
    if (location.pathname.indexOf(home) === 0 &&
        (!chosen || home.length > chosen.getAttribute("data-home").length))
      chosen = section;
  });
  if (!chosen)
    return;
  sections.forEach(function (section) {
    section.hidden = section !== chosen;
  });
  document.documentElement.lang = chosen.lang;
  document.title = chosen.getAttribute("data-title");
})();
