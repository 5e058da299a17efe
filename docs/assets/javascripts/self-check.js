/* "Can I join?" self-check (eligibility page). No framework, no other host.
 * The form, its texts and the criteria are in the page (scripts/features/programme/render.py renders them from the
 * front matter) and shown from the first paint, so that nothing moves when this file arrives; this
 * file follows the answers and writes the result into the live region. Without JavaScript the form
 * is hidden by site.css (@media (scripting: none)) and the criteria list is complete. */
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
    item.appendChild(document.createTextNode(" " + yourAnswer + " " + labelOf(input) + "."));
    if (detailed) {
      var explanation = fieldset.querySelector("template[data-explanation]");
      if (explanation) item.appendChild(explanation.content.cloneNode(true));
    }
    var advice = fieldset.querySelector('template[data-advice="' + input.value + '"]');
    if (advice) item.appendChild(advice.content.cloneNode(true));
    return item;
  }

  function init(section) {
    var form = section.querySelector("form");
    var result = section.querySelector("[data-result]");
    var groups = Array.prototype.slice.call(section.querySelectorAll("[data-participant]"));
    var who = form.querySelector('[data-criterion="participant"]');

    function visibleQuestions() {
      var group = groups.filter(function (g) { return !g.hidden; })[0];
      var questions = group ? Array.prototype.slice.call(group.querySelectorAll("fieldset")) : [];
      return [who].concat(questions);
    }

    function update(event) {
      if (event.target.name === "rc-participant") {
        groups.forEach(function (group) { group.hidden = group.dataset.participant !== event.target.value; });
      }
      result.replaceChildren();
      result.className = "rc-selfcheck__result";
    }

    function answer(event) {
      event.preventDefault();
      var questions = visibleQuestions();
      var missing = questions.filter(function (fieldset) { return !chosen(fieldset); });
      if (missing.length) {
        var note = document.createElement("p");
        note.textContent = section.dataset.missing.replace("{count}", String(missing.length));
        result.replaceChildren(note);
        result.className = "rc-selfcheck__result rc-result--missing";
        missing[0].querySelector("input").focus();
        return;
      }
      var answered = questions.slice(1).map(function (fieldset) { return [fieldset, chosen(fieldset)]; });
      var outcomes = answered.map(function (pair) { return pair[1].dataset.outcome; });
      var outcome = outcomes.indexOf("no") >= 0 ? "no" : outcomes.indexOf("maybe") >= 0 ? "maybe" : "yes";
      var content = section.querySelector('template[data-outcome="' + outcome + '"]').content.cloneNode(true);
      var list = content.querySelector('[data-slot="why"]');
      answered.forEach(function (pair) {
        if (outcome === "yes" || pair[1].dataset.outcome === outcome) {
          list.appendChild(reason(pair[0], pair[1], section.dataset.yourAnswer, outcome !== "yes"));
        }
      });
      result.replaceChildren(content);
      result.className = "rc-selfcheck__result rc-result--" + outcome;
      result.scrollIntoView({ block: "nearest" });
    }

    form.addEventListener("change", update);
    form.addEventListener("submit", answer);
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-rc-selfcheck]"), init);
})();
