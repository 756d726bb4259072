/* The facets' filter boxes and "Show all" buttons work in the browser, without a round trip
   to the server; what each facet shows is remembered here, so it survives Dash redrawing the
   facets after every change. Each value's count comes as text, "Geneva (1,204)" (a component
   per count cost Dash's renderer ~190 ms a change at 10k items): shown here as its badge. */
(function () {
  "use strict";
  const shown = {};  // facet card id -> {all: boolean, text: string}

  function name(option) {
    const label = option.querySelector("label") || option;
    return (label.childNodes[0] ? label.childNodes[0].textContent : label.textContent).toLowerCase();
  }

  function apply(card) {
    const s = shown[card.id] || {all: false, text: ""};
    card.classList.toggle("show-all", s.all);
    card.classList.toggle("filtering", s.text !== "");
    const box = card.querySelector(".facet-filter");
    if (box && box.value !== s.text) { box.value = s.text; }
    const more = card.querySelector(".facet-more");
    const words = s.all ? "Show fewer" : more && more.dataset.all;
    if (more && more.textContent !== words) {
      more.textContent = words;
      more.setAttribute("aria-expanded", String(s.all));
    }
    const text = s.text.toLowerCase();
    card.querySelectorAll(".form-check").forEach(function (option) {
      const hide = text !== "" && !name(option).includes(text);
      if (option.classList.contains("no-match") !== hide) { option.classList.toggle("no-match", hide); }
    });
  }

  const COUNTED = /^([\s\S]*) \(([\d,]+)\)$/;

  // React writes a label's text again when its count changes (replacing these nodes), and the
  // observer below then makes the badge again, before the frame is painted.
  function badge(label) {
    if (label.lastChild && label.lastChild.nodeType === 1) { return; }
    const parts = COUNTED.exec(label.textContent);
    if (!parts) { return; }
    const count = document.createElement("span");
    count.className = "facet-count";
    count.textContent = parts[2];
    label.textContent = parts[1];
    label.appendChild(count);
  }

  function state(card) { return shown[card.id] || (shown[card.id] = {all: false, text: ""}); }

  document.addEventListener("input", function (event) {
    if (!event.target.classList.contains("facet-filter")) { return; }
    const card = event.target.closest(".facet");
    state(card).text = event.target.value.trim();
    apply(card);
  });
  document.addEventListener("click", function (event) {
    const button = event.target.closest(".facet-more");
    if (!button) { return; }
    const card = button.closest(".facet");
    state(card).all = !state(card).all;
    apply(card);
  });
  new MutationObserver(function () {
    document.querySelectorAll(".facet-list .form-check-label").forEach(badge);
    document.querySelectorAll(".facet").forEach(function (card) { if (shown[card.id]) { apply(card); } });
  }).observe(document.body, {childList: true, subtree: true});
})();
