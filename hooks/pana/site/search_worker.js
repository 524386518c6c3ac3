/* Pana's search worker: a stand-in for the theme's, written into the site by search_loading.py.
 *
 * 1. It loads the theme's worker (THEME_WORKER) only with the first message, which the
 *    theme sends when a reader opens search: a page load costs these few bytes, not 12 KB.
 * 2. lunr runs no stemmer on a word with a trailing wildcard, and the theme gives every
 *    word one, so «убежища» would never meet the page's «убежищ». Here the word of a prefix
 *    query is stemmed before its wildcard, as the theme's own query analysis already assumes.
 *    It is done where every query clause is made (lunr.Query's `clause`), so the theme's own
 *    check of which typed words a result contains sees the stem too, and does not list
 *    «беженцы» as missing from a page that says «беженцев».
 */
"use strict";

var THEME_WORKER = "THEME_WORKER";
/* From file:// this runs in an iframe (the iframe-worker helper), whose address is the page's */
var HERE = self.document ? self.document.currentScript.src : self.location.href;

function stemPrefixQueries(lunr) {
  var pipeline = null;  /* the index's search pipeline (its stemmer), known once the index is built */
  var build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    pipeline = this.searchPipeline;
    return build.call(this);
  };
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (c) {
    var term = c.term;
    if (pipeline && typeof term === "string" && term.length > 1 && term.indexOf("*") === term.length - 1) {
      var stems = pipeline.runString(term.slice(0, -1), { fields: c.fields || this.allFields });
      if (stems.length === 1 && stems[0])
        c.term = stems[0] + "*";
    }
    return clause.call(this, c);
  };
}

self.addEventListener("message", function first(event) {
  self.removeEventListener("message", first);
  /* importScripts returns a promise under the iframe-worker shim used from file:// */
  Promise.resolve(importScripts(new URL(THEME_WORKER, HERE).href)).then(function () {
    stemPrefixQueries(self.lunr);
    self.dispatchEvent(new MessageEvent("message", { data: event.data }));
  });
});
