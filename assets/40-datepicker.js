/* Names for the parts of dcc.DatePickerSingle that come without one (axe-core: two critical
   and three serious violations, with the calendar open or closed): the box that opens the
   calendar is a combobox (its aria-expanded is not allowed on a bare div), its clear link (an
   <a> without href, with an aria-label) a button, the calendar a dialog named "Choose a date",
   its year field "Year". React does not manage these
   attributes, so they stay once set; the observer sets them on each calendar it opens. */
(function () {
  "use strict";
  function set(el, name, value) { if (el.getAttribute(name) !== value) { el.setAttribute(name, value); } }

  function name() {
    document.querySelectorAll(".dash-datepicker-input-wrapper").forEach(w => set(w, "role", "combobox"));
    document.querySelectorAll("a.dash-datepicker-clear").forEach(a => { set(a, "role", "button"); set(a, "tabindex", "0"); });
    document.querySelectorAll("[role=dialog]").forEach(d => {
      if (!d.querySelector(".dash-datepicker-calendar, table, [role=grid]") && !d.className.includes("datepicker")) { return; }
      if (!d.getAttribute("aria-label") && !d.getAttribute("aria-labelledby")) { set(d, "aria-label", "Choose a date"); }
      d.querySelectorAll("input[type=number]").forEach(i => { if (!i.getAttribute("aria-label")) { set(i, "aria-label", "Year"); } });
    });
  }
  new MutationObserver(name).observe(document.documentElement, {childList: true, subtree: true});
})();
