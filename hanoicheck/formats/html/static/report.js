/* hanoicheck HTML report: filters, search and pages, offline.
   The page is complete without this script (every card is in the HTML); the script
   only hides and shows cards. It reads the cards' data-* attributes and text from the
   DOM, so no article text is ever inside a <script>. */
(function () {
  "use strict";
  var PAGE = 50;
  var form = document.getElementById("filters");
  if (!form) { return; }
  document.documentElement.classList.add("js");
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.groups"));
  var texts = null;
  var matching = cards;
  var page = 0;
  var shown = document.getElementById("shown");
  var pagers = Array.prototype.slice.call(document.querySelectorAll(".pager"));

  Array.prototype.forEach.call(document.querySelectorAll("details.chunk"), function (chunk) {
    chunk.open = true;
  });
  form.hidden = false;
  pagers.forEach(function (pager) { pager.hidden = false; });

  function levels() {
    var on = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=level]"), function (box) {
      on[box.value] = box.checked;
    });
    return on;
  }

  function apply() {
    var on = levels();
    var kind = form.elements.kind.value;
    var story = form.elements.story ? form.elements.story.value : "";
    var terms = form.elements.q.value.toLowerCase().split(/\s+/).filter(Boolean);
    if (terms.length && texts === null) {
      texts = cards.map(function (card) { return card.textContent.toLowerCase(); });
    }
    matching = cards.filter(function (card, i) {
      var data = card.dataset;
      return on[data.level] &&
        (kind === "" || data.kind === kind) &&
        (story === "" || data.story === story) &&
        terms.every(function (term) { return texts[i].indexOf(term) >= 0; });
    });
    page = 0;
    show();
  }

  function show() {
    var pages = Math.max(1, Math.ceil(matching.length / PAGE));
    page = Math.min(Math.max(page, 0), pages - 1);
    var from = page * PAGE;
    var to = Math.min(from + PAGE, matching.length);
    var visible = new Set(matching.slice(from, to));
    cards.forEach(function (card) { card.hidden = !visible.has(card); });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector(".card:not([hidden])");
    });
    shown.textContent = matching.length === 0 ? "No card matches the filters." :
      "Showing " + (from + 1) + "\u2013" + to + " of " + matching.length +
      (matching.length === cards.length ? " cards" : " matching cards (" + cards.length + " in all)");
    pagers.forEach(function (pager) {
      pager.querySelector(".prev").disabled = page === 0;
      pager.querySelector(".next").disabled = page >= pages - 1;
      pager.querySelector(".at").textContent = "Page " + (page + 1) + " of " + pages;
    });
  }

  function focus(card) {
    var target = card.tagName === "DETAILS" ? card.querySelector("summary") : card;
    target.focus({ preventScroll: true });
  }

  function turn(step) {
    page += step;
    show();
    var first = matching[page * PAGE];
    if (first) { focus(first); first.scrollIntoView(); }
  }

  function clear() {
    /* The filters' defaults, set directly: form.reset() would also queue the Reset
       button's own apply(), which would turn back to the first page. */
    Array.prototype.forEach.call(form.elements, function (control) {
      if (control.type === "checkbox") { control.checked = control.defaultChecked; }
      else if (control.tagName === "SELECT") { control.selectedIndex = 0; }
      else if (control.type === "search") { control.value = ""; }
    });
    apply();
  }

  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var card = id ? document.getElementById(id) : null;
    if (!card || !card.classList.contains("card")) { return; }
    if (matching.indexOf(card) < 0) { clear(); }
    page = Math.floor(matching.indexOf(card) / PAGE);
    show();
    card.scrollIntoView();
    focus(card);
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  pagers.forEach(function (pager) {
    pager.querySelector(".prev").addEventListener("click", function () { turn(-1); });
    pager.querySelector(".next").addEventListener("click", function () { turn(1); });
  });
  window.addEventListener("hashchange", reveal);
  window.addEventListener("beforeprint", function () {
    var all = new Set(matching);
    cards.forEach(function (card) { card.hidden = !all.has(card); });
  });
  window.addEventListener("afterprint", show);
  apply();
  reveal();
}());
