/* Read aloud (scripts/features/read_aloud): the "Listen" control under a page's title reads the article,
 * block by block in reading order, with the device's own voices (speechSynthesis): nothing is sent
 * anywhere, and it works offline. The block being read is highlighted (class rc-listen-current).
 * Menus, the list of questions under the title, buttons, the page foot and the list of words explained are
 * skipped.
 * Pause stops the voice and keeps the block; play reads that block again from its start (the browsers'
 * own pause and resume are unreliable on phones). Previous, next and the speed appear once reading has
 * started. Without speechSynthesis the control is removed from view (until then site.css keeps its place);
 * without a voice in the page's language, it says so instead of reading with another language's voice. */
(function () {
  "use strict";
  var control = document.querySelector(".rc-listen");
  var speech = window.speechSynthesis;
  if (!control) return;
  if (!speech || !window.SpeechSynthesisUtterance) {
    control.hidden = true;
    return;
  }

  var BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, figcaption, blockquote";
  var SKIP = ".rc-listen, .rc-questions, .rc-glossary, .rc-page-foot, .rc-offline-note, .rc-download, nav, " +
    ".md-source-file";
  var NOT_SPOKEN = "button:not(.rc-term), .rc-term__definition, .rc-visually-hidden, .headerlink, svg, script, " +
    "[aria-hidden=true], [hidden]";
  var CURRENT = "rc-listen-current";
  var article = control.closest("article") || document.querySelector("article") || document.body;
  var play = control.querySelector(".rc-listen__play");
  var label = play.querySelector("span");
  var previous = control.querySelector(".rc-listen__previous");
  var next = control.querySelector(".rc-listen__next");
  var more = control.querySelector(".rc-listen__more");
  var rate = control.querySelector("select");
  var status = control.querySelector("[role=status]");
  var blocks = [], index = 0, playing = false, turn = 0;

  /* The text of a block as a person sees it, without the parts that are not read. */
  function spoken(block) {
    var copy = block.cloneNode(true);
    copy.querySelectorAll(NOT_SPOKEN).forEach(function (part) { part.remove(); });
    return copy.textContent.replace(/[ \t\n\r\f]+/g, " ").trim();  /* no-break spaces kept */
  }

  /* The article's blocks in reading order: the innermost ones, shown on screen, with words to say. */
  function findBlocks() {
    var all = Array.prototype.slice.call(article.querySelectorAll(BLOCKS));
    return all.filter(function (block) {
      return !block.closest(SKIP) && block.getClientRects().length > 0 && !block.querySelector(BLOCKS) &&
        spoken(block) !== "";
    });
  }

  /* The voice for a block: the tag of its language (fr-FR), else any voice of that language. */
  function voiceFor(tag) {
    var language = tag.split("-")[0].toLowerCase();
    var voices = speech.getVoices().filter(function (voice) {
      return voice.lang.replace("_", "-").split("-")[0].toLowerCase() === language;
    });
    return voices.filter(function (voice) { return voice.lang.replace("_", "-") === tag; })[0] || voices[0] || null;
  }

  /* A block's language tag: the page's voice (data-voice, e.g. "fr-FR") for its own language; for another one,
     the region the site gives it (the page's og:locale:alternate, e.g. "en_GB"), else the bare language. */
  function tagOf(block) {
    var lang = (block.closest("[lang]") || document.documentElement).getAttribute("lang") || "";
    var wanted = control.getAttribute("data-voice");
    if (lang.split("-")[0] === wanted.split("-")[0]) return wanted;
    var locales = document.querySelectorAll('meta[property="og:locale:alternate"]');
    for (var i = 0; i < locales.length; i++) {
      var tag = (locales[i].getAttribute("content") || "").replace("_", "-");
      if (tag.split("-")[0] === lang) return tag;
    }
    return lang;
  }

  function show(block) {
    blocks.forEach(function (other) { other.classList.remove(CURRENT); });
    if (!block) return;
    block.classList.add(CURRENT);
    var still = window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches;
    block.scrollIntoView({block: "nearest", behavior: still ? "auto" : "smooth"});
  }

  function setLabel(text) {
    label.textContent = control.getAttribute(text);
    control.toggleAttribute("data-playing", text === "data-pause");  /* the pause icon (site.css) */
  }

  function stop(atEnd) {
    playing = false;
    turn += 1;  /* the utterance being cancelled must not move on */
    speech.cancel();
    setLabel(atEnd ? "data-listen" : "data-resume");
    if (atEnd) {
      index = 0;
      show(null);
    }
  }

  function speak() {
    var block = blocks[index];
    if (!block) return stop(true);
    var tag = tagOf(block);
    var voice = voiceFor(tag);
    if (!voice) {
      stop(false);
      setLabel("data-listen");
      status.textContent = control.getAttribute("data-no-voice");
      return;
    }
    var utterance = new SpeechSynthesisUtterance(spoken(block));
    var mine = turn += 1;
    utterance.lang = tag;
    utterance.voice = voice;
    utterance.rate = Number(rate.value);
    utterance.onend = function () {
      if (mine !== turn || !playing) return;
      index += 1;
      speak();
    };
    utterance.onerror = utterance.onend;
    show(block);
    speech.speak(utterance);
  }

  function start() {
    blocks = findBlocks();
    if (index >= blocks.length) index = 0;
    status.textContent = "";
    playing = true;
    more.hidden = false;
    setLabel("data-pause");
    speech.cancel();
    speak();
  }

  /* The voices may arrive a moment after the page (voiceschanged): wait for them, at most a second. */
  function withVoices(then) {
    if (speech.getVoices().length) return then();
    var done = false;
    function once() {
      if (done) return;
      done = true;
      speech.removeEventListener("voiceschanged", once);
      then();
    }
    speech.addEventListener("voiceschanged", once);
    setTimeout(once, 1000);
  }

  play.addEventListener("click", function () {
    if (playing) return stop(false);
    withVoices(start);
  });

  function move(step) {
    if (!blocks.length) blocks = findBlocks();
    index = Math.min(Math.max(index + step, 0), blocks.length - 1);
    if (playing) {
      speech.cancel();
      speak();
    } else {
      show(blocks[index]);
    }
  }
  previous.addEventListener("click", function () { move(-1); });
  next.addEventListener("click", function () { move(1); });
  rate.addEventListener("change", function () {
    if (playing) {
      speech.cancel();
      speak();  /* the same block again, at the new speed */
    }
  });
  addEventListener("pagehide", function () { speech.cancel(); });
  control.setAttribute("data-ready", "");
})();
