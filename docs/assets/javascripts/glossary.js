/* Glossary: each word explained on the page (scripts/features/glossary/render.py) becomes a button that
 * shows its definition right after it, in the text: tap, click, Enter or Space; Escape closes.
 * Without JavaScript the word stays a link to its definition in the list at the end of the page.
 * No framework, no other host; loaded only on pages that explain a word. */
(function () {
  "use strict";
  var section = document.querySelector(".rc-glossary");
  if (!section) return;
  var hint = section.getAttribute("data-hint") || "";

  function show(button, panel, open) {
    button.setAttribute("aria-expanded", String(open));
    panel.hidden = !open;
  }

  document.querySelectorAll("a.rc-term[data-term]").forEach(function (link) {
    var id = link.getAttribute("data-term");
    var entry = document.getElementById("glossary-" + id);
    var definition = entry && entry.querySelector(".rc-glossary__definition");
    if (!definition) return;
    var button = document.createElement("button");
    var panel = document.createElement("span");
    button.type = "button";
    button.className = "rc-term";
    button.id = link.id;  /* the list's "back to the text" links still lead here */
    button.setAttribute("aria-controls", "rc-term-definition-" + id);
    button.textContent = link.textContent;
    if (hint) {
      var extra = document.createElement("span");
      extra.className = "rc-visually-hidden";
      extra.textContent = " (" + hint + ")";
      button.appendChild(extra);
    }
    panel.className = "rc-term__definition";
    panel.id = "rc-term-definition-" + id;
    panel.textContent = definition.textContent;
    show(button, panel, false);
    button.addEventListener("click", function () { show(button, panel, panel.hidden); });
    link.replaceWith(button, panel);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("button.rc-term[aria-expanded=true]").forEach(function (button) {
      show(button, document.getElementById(button.getAttribute("aria-controls")), false);
    });
  });
})();
