/* "Can I join?" self-check (eligibility page). No framework, no other host.
 * The form, its texts and the criteria are in the page (scripts/features/programme/render.py renders them from the
 * front matter). site.css already shows the chosen participant's questions and a short verdict from the
 * radios themselves, so the form answers right before this file runs, and without it. This file adds the
 * reasons: on the button, it writes the verdict into the live region, brings it into view below the header
 * and moves the focus to it. It reads the form as it really is (a tap before it ran, radios the browser
 * restored after the Back button), never a state of its own: no answer is never a "yes". */
(function () {
  "use strict";

  function chosen(fieldset) {
    return fieldset.querySelector("input[type=radio]:checked");
  }

  function labelOf(input) {
    var label = input.ownerDocument.querySelector('label[for="' + input.id + '"]');
    return label ? label.textContent : input.value;
  }

  function reason(fieldset, input, yourAnswer, detailed) {
    var item = document.createElement("li");
    var question = document.createElement("strong");
    question.textContent = fieldset.querySelector("legend").textContent;
    item.appendChild(question);
    item.appendChild(document.createTextNode(" " + yourAnswer + " " + labelOf(input) + ". "));
    if (detailed) {
      var explanation = fieldset.querySelector("template[data-explanation]");
      if (explanation) item.appendChild(explanation.content.cloneNode(true));
    }
    var advice = fieldset.querySelector('template[data-advice="' + input.value + '"]');
    if (advice) item.appendChild(advice.content.cloneNode(true));
    return item;
  }

  /* "yes" only when every answer given qualifies; one "no" answer makes it "no"; anything else "maybe". */
  function outcomeOf(inputs) {
    var outcomes = inputs.map(function (input) { return input.dataset.outcome; });
    if (outcomes.indexOf("no") >= 0) return "no";
    var allYes = outcomes.length > 0 && outcomes.every(function (outcome) { return outcome === "yes"; });
    return allYes ? "yes" : "maybe";
  }

  function init(section) {
    var form = section.querySelector("form");
    var button = form.querySelector("button[type=submit]");
    var result = section.querySelector("[data-result]");
    var who = form.querySelector('[data-criterion="participant"]');

    /* The participant question, then the questions of the participant chosen now (none if none is). */
    function questions() {
      var participant = chosen(who);
      var group = participant && section.querySelector('[data-participant="' + participant.value + '"]');
      return [who].concat(group ? Array.prototype.slice.call(group.querySelectorAll("fieldset")) : []);
    }

    function clear() {
      result.replaceChildren();
      result.className = "rc-selfcheck__result";
      Array.prototype.forEach.call(form.querySelectorAll(".rc-missing"), function (note) { note.remove(); });
    }

    function missingNote(missing) {
      var text = section.dataset.missing.replace("{count}", String(missing.length));
      var said = document.createElement("p");
      said.className = "rc-visually-hidden";
      said.textContent = text;
      result.replaceChildren(said);
      result.className = "rc-selfcheck__result rc-result--missing";
      var shown = document.createElement("p");  /* seen where the focus goes */
      shown.className = "rc-missing";
      shown.setAttribute("aria-hidden", "true");
      shown.textContent = text;
      missing[0].querySelector("legend").after(shown);
      missing[0].scrollIntoView({ block: "start" });
      missing[0].querySelector("input").focus({ preventScroll: true });
    }

    /* The verdict with its reasons; ``move``: bring it into view and give it the focus (the reader asked). */
    function show(move) {
      var asked = questions();
      var missing = asked.filter(function (fieldset) { return !chosen(fieldset); });
      clear();
      if (asked.length < 2 || missing.length) {
        if (move) missingNote(missing.length ? missing : [who]);
        return;
      }
      var answered = asked.slice(1).map(function (fieldset) { return [fieldset, chosen(fieldset)]; });
      var outcome = outcomeOf(answered.map(function (pair) { return pair[1]; }));
      var content = section.querySelector('template[data-outcome="' + outcome + '"]').content.cloneNode(true);
      var list = content.querySelector('[data-slot="why"]');
      answered.forEach(function (pair) {
        if (outcome === "yes" || pair[1].dataset.outcome === outcome) {
          list.appendChild(reason(pair[0], pair[1], section.dataset.yourAnswer, outcome !== "yes"));
        }
      });
      result.replaceChildren(content);
      result.className = "rc-selfcheck__result rc-result--" + outcome;
      if (move) {
        result.scrollIntoView({ block: "start" });  /* below the header: scroll-margin-top in site.css */
        result.querySelector(".rc-result__title").focus({ preventScroll: true });
      }
    }

    form.addEventListener("change", clear);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      show(true);
    });
    /* The state the browser gave the form (early taps, the Back button, a page kept in its cache). */
    addEventListener("pageshow", function () { if (!result.hasChildNodes()) show(false); });
    section.setAttribute("data-rc-ready", "");
    button.disabled = false;
    show(false);
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-rc-selfcheck]"), init);
})();
