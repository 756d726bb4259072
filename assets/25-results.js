/* The result cards, drawn here from the JSON the search answer puts in #result-list's
   data-hits (dashboard/components.py results_data): as Dash components, the ~260 components of
   a page of cards were re-examined by Dash's renderer on every step of every update. Every text
   is set as text (textContent, text nodes), never parsed as HTML: bulletin text is data. The
   item links move within the app as dcc.Link does (no page load), unless a modifier key asks
   for a new tab or window. */
(function () {
  "use strict";
  const SAFE = /^https?:\/\//i;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // plain text a string, a matched word a one-string list: <mark>
  function marked(node, parts) {
    (parts || []).forEach(function (part) {
      node.appendChild(typeof part === "string" ? document.createTextNode(part) : el("mark", "", String(part[0])));
    });
    return node;
  }

  function inApp(text, href, className) {
    const link = el("a", className, text);
    link.href = href;
    link.dataset.nav = "";
    return link;
  }

  function card(hit, n) {
    const article = el("article", "card card-body result mb-2");
    article.id = "result-" + n;
    const meta = el("div", "small mb-1 text-muted result-meta", hit.date);
    const badge = el("span", "badge category-badge me-2", hit.category);
    badge.style.color = hit.badge[0];
    badge.style.backgroundColor = hit.badge[1];
    meta.appendChild(badge);
    const heading = el("h3", "h5 mb-1");
    heading.appendChild(marked(inApp("", hit.href, "result-title"), hit.title));
    article.append(meta, heading, marked(el("p", "snippet mb-1"), hit.snippet));
    if (hit.partners) { article.appendChild(el("div", "small mb-1 partners", hit.partners)); }
    const links = el("div", "small");
    links.appendChild(inApp("Open item", hit.href, "me-3"));
    if (hit.source && SAFE.test(hit.source)) {
      const source = el("a", "", "Source ↗");
      source.href = hit.source;
      source.target = "_blank";
      source.rel = "noopener noreferrer";
      links.appendChild(source);
    } else if (hit.source || hit.source_text) {
      links.appendChild(el("span", "", hit.source || hit.source_text));
    }
    article.appendChild(links);
    return article;
  }

  function draw(list) {
    const data = list.getAttribute("data-hits") || "[]";
    if (list.drawn === data) { return; }
    list.drawn = data;
    let hits = [];
    try { hits = JSON.parse(data); } catch (error) { hits = []; }
    const cards = document.createDocumentFragment();
    hits.forEach(function (hit, n) { cards.appendChild(card(hit, n)); });
    list.replaceChildren(cards);
  }

  function check() {
    const list = document.getElementById("result-list");
    if (list) { draw(list); }
  }

  document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest("a[data-nav]");
    if (!link || event.button !== 0 || event.metaKey || event.shiftKey || event.altKey || event.ctrlKey) { return; }
    event.preventDefault();
    window.history.pushState({}, "", link.getAttribute("href"));
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
    window.scrollTo(0, 0);
  });
  new MutationObserver(check).observe(document.body, {childList: true, subtree: true, attributes: true,
                                                      attributeFilter: ["data-hits"]});
  check();
})();
