/*
 * Navigation, for every page (mkdocs.yml: extra_javascript).
 *
 * 1. The language links (the header's word and the menu) keep the reader's place: the heading nearest the
 *    top of the screen. Headings have the same id in every language (checked by the build), so a reader
 *    of the FAQ's « compensation » question lands on /en/faq/#compensation. Without JavaScript
 *    the link still leads to the same page in the other language.
 * 2. On narrow screens the menu button (Material's label for the #__drawer checkbox, made a <button>)
 *    can be reached and used from the keyboard; its name is the menu's own (e.g. "Navigation").
 */
document.addEventListener("click", function (event) {
  var link = event.target instanceof Element && event.target.closest("a[hreflang]");
  if (link && link.origin === location.origin)
    link.hash = placeOnScreen();
});

/* The section the reader is reading: the last heading (with an id) above the reading line, a few lines below
   the sticky header (a heading the address led to lands just under the header); none at the top of the page.
   What is on screen, not the address: the reader may have scrolled far from the #section they arrived at. */
function placeOnScreen() {
  var header = document.querySelector(".md-header");
  var line = (header ? header.getBoundingClientRect().bottom : 0) + 100;
  var place = "";
  document.querySelectorAll(".md-content article :is(h2, h3, h4, h5, h6)[id]").forEach(function (heading) {
    if (heading.getBoundingClientRect().top <= line)
      place = "#" + heading.id;
  });
  return place;
}

(function () {
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector(".md-header label[for='__drawer']");
  var menu = document.querySelector("nav.md-nav--primary");
  if (!drawer || !label || !menu)
    return;
  /* A real button in place of Material's label (a label cannot take role="button"; axe: aria-allowed-role).
     Without JavaScript the label stays, and opens the menu on a tap as before. */
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " rc-menu-button";
  button.innerHTML = label.innerHTML;
  button.setAttribute("aria-label", menu.getAttribute("aria-label"));
  function sync() { button.setAttribute("aria-expanded", String(drawer.checked)); }
  button.addEventListener("click", function () {
    drawer.checked = !drawer.checked;
    drawer.dispatchEvent(new Event("change"));
  });
  drawer.addEventListener("change", sync);
  sync();
  label.replaceWith(button);
})();
