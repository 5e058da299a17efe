/*
 * Navigation, for every page (mkdocs.yml: extra_javascript).
 *
 * 1. The language menu keeps the reader's place. Headings have the same id in every language, so
 *    on /faq/#compensation the "English" link leads to /en/faq/#compensation. Without JavaScript
 *    the link still leads to the same page in the other language.
 * 2. On narrow screens the menu button (Material's label for the #__drawer checkbox) can be reached
 *    and used from the keyboard; its name is the menu's own (e.g. "Navigation").
 */
document.addEventListener("click", function (event) {
  var link = event.target instanceof Element && event.target.closest("a[hreflang]");
  if (link && link.origin === location.origin)
    link.hash = location.hash;
});

(function () {
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector(".md-header label[for='__drawer']");
  var menu = document.querySelector("nav.md-nav--primary");
  if (!drawer || !button || !menu)
    return;
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", menu.getAttribute("aria-label"));
  button.setAttribute("aria-controls", "__drawer");
  function sync() { button.setAttribute("aria-expanded", String(drawer.checked)); }
  drawer.addEventListener("change", sync);
  sync();
  button.addEventListener("keydown", function (event) {
    if (event.key === " ") {  /* Enter is handled by Material */
      event.preventDefault();
      button.click();
    }
  });
})();
