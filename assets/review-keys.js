// The Review page's keys, active while the focus is in the queue but not in a field:
// j / k: next / previous item; a: accept the item's labels; s: save its correction.
// (Character keys only where the list has focus: WCAG 2.1.4.)
(function () {
  "use strict";
  var queue = document.getElementById("review-queue");
  if (!queue) { return; }
  var items = function () { return Array.prototype.slice.call(queue.querySelectorAll("li.review-item")); };
  var current = function () {
    var here = document.activeElement && document.activeElement.closest ? document.activeElement.closest("li.review-item") : null;
    return here || items()[0] || null;
  };
  var go = function (step) {
    var all = items(), at = all.indexOf(current()), next = all[Math.max(0, Math.min(all.length - 1, at + step))];
    if (next) { next.focus(); next.scrollIntoView({block: "start"}); }
  };
  queue.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName)) { return; }
    var item = current(), button = null;
    if (event.key === "j") { go(1); } else if (event.key === "k") { go(-1); }
    else if (event.key === "a" && item) { button = item.querySelector("button.review-accept"); }
    else if (event.key === "s" && item) { button = item.querySelector("button.review-save"); }
    else { return; }
    event.preventDefault();
    if (button) { button.click(); }
  });
  var first = items()[0];
  if (first && !location.hash) { first.focus({preventScroll: true}); }
})();
