/*
 * Site search worker: Material's own search worker, with two changes.
 *
 * 1. Words are compared without accents and by stem, in the index and in the query:
 *    "hebergement" finds "hébergement", "ateliers" finds "atelier", "city" finds "cities".
 *    Common words ("de", "the") are left out of the query, as they are of the index: alone, Material
 *    would look for every word that starts with them. Results show the reader's words, not stems.
 * 2. Material's worker, lunr's language files and the index are only built when the reader first
 *    searches: a visit without a search does not download them (this worker answers "ready" at once).
 *
 * The page names this file in its __config (scripts/mkdocs_glue/search_index.py), with Material's worker file
 * as ?material=…; it lives beside that file, so Material's "../lunr/…" language files resolve.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  /* Material's SearchMessageType */
var MATERIAL = new URL(self.location.href).searchParams.get("material");

var language = "en";
var setup = null;      /* the page's SETUP message, kept until the first query */
var state = "idle";    /* idle -> loading (Material builds the index) -> ready */
var waiting = [];      /* queries that came while loading */
var forwarding = false;
var post = self.postMessage.bind(self);

/* "Éligibilité" -> "eligibilite", "cœur" -> "coeur" */
function fold(word) {
  return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/g, "oe").replace(/æ/g, "ae");
}

/* The stem of a word in the index's language (lunr's stemmers; English is built in) */
function stem(word) {
  var lunr = self.lunr;
  var stemmer = language === "en" ? lunr.stemmer : (lunr[language] || {}).stemmer;
  return stemmer ? stemmer(new lunr.Token(word)).toString() : word;
}

function normalise(word) {
  return stem(fold(word.toLowerCase()));
}

/* A word that cannot make a match: one letter ("l" of "l’accueil"), or a common word of the language
   ("de", "la", "the", "of": lunr's stop-word list, which the index leaves out too). */
function isStopWord(word) {
  var lunr = self.lunr;
  var filter = language === "en" ? lunr.stopWordFilter : (lunr[language] || {}).stopWordFilter;
  var lower = word.toLowerCase();
  return lower.length < 2 || Boolean(filter && !filter(new lunr.Token(lower)));
}

/* The reader's own words, by what the index compares ("titr" -> "titre"): results name the words the
   reader typed, never their stems (Material shows the words it did not find). */
var typed = {};

/* Query words get the same treatment as the index (Material adds a trailing wildcard, which skips
   lunr's pipeline); common words are left out; "field:" names and operators (+ - ~ ^ " *) are left
   as they are (Material drops an operator left alone). */
function normaliseQuery(query) {
  typed = {};
  return query.replace(/[\p{L}\p{N}]+/gu, function (word, offset) {
    if (query.charAt(offset + word.length) === ":")
      return word;
    if (isStopWord(word))
      return "";
    var compared = normalise(word);
    typed[compared] = word.toLowerCase();
    return compared;
  });
}

/* Material's result, with the reader's words in place of the compared ones */
function withTypedWords(data) {
  (data.items || []).forEach(function (group) {
    group.forEach(function (item) {
      var terms = {};
      Object.keys(item.terms || {}).forEach(function (term) {
        terms[typed[term] || term] = item.terms[term];
      });
      item.terms = terms;
    });
  });
  return data;
}

/* Pipeline functions: trim punctuation before the stop-word filter, fold and stem after it */
function trimToken(token) {
  return token.update(function (word) {
    return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  });
}
function normaliseToken(token) {
  return token.update(normalise);
}

/* Hand a message to Material's worker (its listener comes after ours) */
function forward(message) {
  forwarding = true;
  try {
    self.dispatchEvent(new MessageEvent("message", { data: message }));
  } finally {
    forwarding = false;
  }
}

/* Without a connection, and the search files not on the device yet: the page says search needs one
   (search-on-demand.js), and the next query tries again. */
var NEEDS_CONNECTION = "rc-search-needs-connection";

function loadMaterial() {
  state = "loading";
  try {
    if (!self.lunr)
      importScripts(MATERIAL);  /* defines self.lunr and Material's message listener */
    if (language !== "en")    /* what Material loads for the language: here, so that a failure is seen */
      importScripts("../lunr/min/lunr.stemmer.support.min.js", "../lunr/min/lunr." + language + ".min.js");
  } catch (error) {
    state = "idle";
    post({ type: NEEDS_CONNECTION });
    return;
  }
  var lunr = self.lunr;
  lunr.Pipeline.registerFunction(trimToken, "siteTrim");
  lunr.Pipeline.registerFunction(normaliseToken, "siteNormalise");
  /* Material builds the index inside lunr(): put our functions around its pipeline, once */
  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function (doc, attributes) {
    var stack = this.pipeline._stack;
    if (stack.indexOf(normaliseToken) < 0) {
      this.pipeline.reset();
      this.pipeline.add.apply(this.pipeline, [trimToken].concat(stack, [normaliseToken]));
    }
    return add.call(this, doc, attributes);
  };
  forward(setup);
}

/* Material answers READY once its index is built: the page already had ours, so run the queries */
self.postMessage = function (message) {
  if (message && message.type === READY) {
    state = "ready";
    waiting.splice(0).forEach(function (query) {
      forward({ type: QUERY, data: normaliseQuery(query) });
    });
    return;
  }
  if (message && message.type === RESULT && message.data)
    message.data = withTypedWords(message.data);
  post(message);
};

addEventListener("message", function (event) {
  var message = event.data;
  if (forwarding)
    return;
  if (message.type === SETUP) {
    event.stopImmediatePropagation();
    language = message.data.config.lang[0] || "en";
    setup = message;
    post({ type: READY });
  } else if (message.type === QUERY) {
    if (state === "ready") {
      message.data = normaliseQuery(message.data);  /* then Material's listener runs */
      return;
    }
    event.stopImmediatePropagation();
    if (state === "idle" && !message.data.trim()) {
      post({ type: RESULT, data: { items: [] } });  /* the page's first, empty query */
      return;
    }
    waiting = [message.data];  /* only the latest query matters */
    if (state === "idle")
      loadMaterial();
  }
});
