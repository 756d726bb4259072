/* The controls write the URL in the browser: the views answer the URL, and a round trip to
   the server just to write it cost ~100 ms of every facet tick. This is dashboard/state.py's
   state_from_url, url_from_state and CONTROLS (and callbacks.next_search) for the controls
   that need no server: facets, the query, sort, dates, pages, the view and Clear all. Chart
   clicks and the histogram's range are still written by the server (they need its data).
   It also shows the view the URL names (render.visibility) and sets the controls from the URL
   (callbacks.control_values).
   tests/dashboard/test_browser_url.py checks this against the Python for many changes. */
(function () {
  "use strict";

  function unique(values) { return Array.from(new Set(values)); }

  function codePoints(text, n) { return Array.from(text).slice(0, n).join(""); }

  // date.fromisoformat's common forms: 2024-03-05 and 20240305; anything else is no date
  function isoDate(value) {
    const m = /^(\d{4})-?(\d\d)-?(\d\d)$/.exec(value || "");
    if (!m) { return null; }
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const day = new Date(Date.UTC(y, mo - 1, d));
    if (y < 1 || day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) { return null; }
    return m[1] + "-" + m[2] + "-" + m[3];
  }

  function page(value, rules) {
    return /^[0-9]+$/.test(value || "") && Number(value) >= 1 ? Math.min(Number(value), rules.max_page) : 1;
  }

  function parse(search, rules) {
    const all = {};
    for (const [key, value] of new URLSearchParams((search || "").replace(/^\?/, ""))) {
      if (value !== "") { (all[key] = all[key] || []).push(value); }
    }
    const first = key => (all[key] ? all[key][0].trim() : "");
    const filters = {};
    for (const facet of rules.filters) {
      const values = unique((all[facet] || []).map(v => v.trim()).filter(v => v !== ""));
      if (values.length) { filters[facet] = values; }
    }
    const view = first("view") || "search";
    return {q: codePoints(first("q"), rules.max_query), filters: filters, from: isoDate(first("from")),
            to: isoDate(first("to")), sort: rules.sorts.includes(first("sort")) ? first("sort") : "relevance",
            page: page(first("page"), rules), view: rules.views.includes(view) ? view : "search",
            item: first("id") || null};
  }

  // Python's urlencode (quote_plus): only letters, digits and _.-~ stay as they are
  function encode(text) {
    return encodeURIComponent(text).replace(/[!'()*]/g, c => "%" + c.charCodeAt(0).toString(16).toUpperCase())
      .replace(/%20/g, "+");
  }

  function serialize(s, rules) {
    const pairs = [];
    if (s.q.trim()) { pairs.push(["q", s.q]); }
    for (const facet of rules.filters) { for (const v of unique(s.filters[facet] || [])) { pairs.push([facet, v]); } }
    if (s.from) { pairs.push(["from", s.from]); }
    if (s.to) { pairs.push(["to", s.to]); }
    if (s.sort !== "relevance") { pairs.push(["sort", s.sort]); }
    if (s.page !== 1) { pairs.push(["page", String(s.page)]); }
    if (s.view !== "search") { pairs.push(["view", s.view]); }
    if (s.view === "item" && s.item) { pairs.push(["id", s.item]); }
    return pairs.length ? "?" + pairs.map(([k, v]) => encode(k) + "=" + encode(v)).join("&") : "";
  }

  const CONTROLS = {
    q: (s, v, rules) => {
      const text = typeof v === "string" ? codePoints(v, rules.max_query) : "";
      return text === s.q ? s : Object.assign({}, s, {q: text, page: 1, item: null, view: s.view === "item" ? "search" : s.view});
    },
    // a control set to what the URL already says changes nothing (not even the page)
    sort: (s, v, rules) => {
      const sort = rules.sorts.includes(v) ? v : "relevance";
      return sort === s.sort ? s : Object.assign({}, s, {sort: sort, page: 1});
    },
    from: (s, v) => (isoDate(v) === s.from ? s : Object.assign({}, s, {from: isoDate(v), page: 1})),
    to: (s, v) => (isoDate(v) === s.to ? s : Object.assign({}, s, {to: isoDate(v), page: 1})),
    page: (s, v, rules) => Object.assign({}, s, {page: v ? page(String(v), rules) : 1}),
    view: (s, v) => (["search", "trends"].includes(v) && v !== s.view ? Object.assign({}, s, {view: v, item: null, page: 1}) : s),
    clear: s => ({q: "", filters: {}, from: null, to: null, sort: s.sort, page: 1, view: s.view === "item" ? "search" : s.view, item: null}),
  };

  function withFacet(s, facet, values) {
    const chosen = unique(values), now = s.filters[facet] || [];
    if (chosen.length === now.length && chosen.every(v => now.includes(v))) { return s; }  // the same values: page kept
    const filters = Object.assign({}, s.filters, {[facet]: chosen});
    for (const key of Object.keys(filters)) { if (!filters[key].length) { delete filters[key]; } }
    return Object.assign({}, s, {filters: filters, page: 1});
  }

  /* The URL after the controls in `triggered` ([{id, prop, value}]) changed; `values` maps a
     control ("q", "sort", ...) to its value, `facets` is [{id, value}] of every checklist. */
  function nextSearch(search, triggered, values, facets, rules) {
    let s = parse(search, rules);
    for (const t of triggered) {
      if (t.id && typeof t.id === "object" && t.id.type === rules.facet_type) {
        const ticked = facets.filter(f => f.id.facet === t.id.facet).flatMap(f => f.value || []);
        s = withFacet(s, t.id.facet, ticked);
      } else if (rules.control_of[t.id + "." + t.prop]) {
        const control = rules.control_of[t.id + "." + t.prop];
        s = CONTROLS[control](s, values[control], rules);
      }
    }
    return serialize(s, rules);
  }

  /* The URL as the controls would write it: a change that leaves the state as it is writes
     nothing, though the URL's words are in another order ("?view=trends&partner=X" typed or
     shared, which the view tab set on load rewrote, asking every view for it twice). */
  function canonical(search, rules) { return serialize(parse(search || "", rules), rules); }

  function triggeredList(ctx) {
    return ctx.triggered.filter(t => t.prop_id !== ".").map(t => {
      const dot = t.prop_id.lastIndexOf(".");
      const raw = t.prop_id.slice(0, dot);
      return {id: raw.startsWith("{") ? JSON.parse(raw) : raw, prop: t.prop_id.slice(dot + 1), value: t.value};
    });
  }

  /* callbacks.control_values: what (query box, sort, from, to, view) show for the URL, `keep`
     where a control is left alone: on page load all but what the URL sets; when the controls
     wrote this URL (pushed), the query box (it is the typist's). */
  function controlValues(search, pushed, pageLoad, rules, keep) {
    const s = parse(search, rules);
    const values = [s.q, s.sort, s.from, s.to, s.view !== "item" ? s.view : keep];
    if (pageLoad) { return values.map(v => (["", null, "relevance", "search"].includes(v) ? keep : v)); }
    if (search === pushed) { return [keep].concat(values.slice(1)); }
    return values;
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.url = {
    next_search: nextSearch,
    control_values: controlValues,
    // the callback: the controls follow the URL at once, in the browser (a server answer for
    // an older URL could set back a date the user had just cleared); a control already
    // showing its value is left alone (setting a date picker's date again resets its text,
    // undoing what is being typed into it)
    sync: function (search, pushed, rules, ...current) {
      const ctx = window.dash_clientside.callback_context, keep = window.dash_clientside.no_update;
      const pageLoad = !ctx.triggered.length || ctx.triggered[0].prop_id === ".";
      const values = controlValues(search || "", pushed, pageLoad, rules, keep);
      return values.map((v, i) => (v === current[i] || (v === null && current[i] === undefined) ? keep : v));
    },
    // render.visibility: styles of (search view, trends view, item view, sidebar column)
    visibility: function (search, rules) {
      const view = parse(search, rules).view, hidden = {display: "none"};
      return [view === "search" ? {} : hidden, view === "trends" ? {} : hidden, view === "item" ? {} : hidden,
              view === "item" ? hidden : {}];
    },
    // the callback: (q, n_submit, sort, from, to, view, clear, facets, search, rules)
    write: function (q, _submit, sort, from, to, view, _clear, _facets, search, rules) {
      const ctx = window.dash_clientside.callback_context;
      const triggered = triggeredList(ctx);
      const values = {q: q, sort: sort, from: from, to: to, view: view};
      const next = nextSearch(search || "", triggered, values, ctx.inputs_list[7], rules);
      const keep = window.dash_clientside.no_update;
      const box = triggered.some(t => t.id === rules.clear_id) ? "" : keep;  // Clear all empties the box
      if (next === canonical(search, rules)) {
        if (box === keep) { throw window.dash_clientside.PreventUpdate; }
        return [keep, keep, box];
      }
      return [next, next, box];
    },
    // the pager's own writer (the search answer sets its page: see callbacks.register)
    page: function (pageNo, search, rules) {
      const triggered = triggeredList(window.dash_clientside.callback_context);
      const next = nextSearch(search || "", triggered, {page: pageNo}, [], rules);
      if (next === canonical(search, rules)) { throw window.dash_clientside.PreventUpdate; }
      return [next, next];
    },
  };
})();
