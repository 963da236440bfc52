// The newskg explorer: search, filters, the relation-language switch and the evidence panel.
// Inlined into graph.html after the data (globals nodes, edges, options, explorer). Every string from
// the graph is untrusted article text: it reaches the page through textContent and text nodes only.
(function () {
  "use strict";

  var data = explorer;
  var claims = data.claims;
  var articles = data.articles;
  var TYPE_NAMES = { Person: "人物 Person", Organization: "组织 Organization", Product: "产品 Product" };
  var WIKIDATA_ID = /^Q[1-9][0-9]*$/;
  var MAX_RESULTS = 20;
  var MAX_ARTICLES = 10;

  var lang = "zh";
  var state = { types: new Set(), relations: new Set(), article: -1, from: "", to: "" };
  var allRelations = data.relations.map(function (r) { return r.key; });
  var visibleNodes = new Set();
  var visibleEdges = new Set();
  var current = null; // what the panel shows: { kind: "node" | "edge", id }

  // ------------------------------------------------------------------ small DOM helpers (text only)

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function byId(id) { return document.getElementById(id); }

  // The extractors' name_key: NFKC, case folded, no spaces, no question marks or name dots.
  function nameKey(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(/[\s?？•・‧．·]/g, "");
  }

  function relationName(key) {
    var names = data.relationNames[key];
    return names ? names[lang] || names.zh || key : key;
  }

  function typeName(node) { return TYPE_NAMES[node.entityType] || node.entityType; }

  // ------------------------------------------------------------------ the network

  nodes.forEach(function (n) { visibleNodes.add(n.id); });
  edges.forEach(function (e) { visibleEdges.add(e.id); });
  var network = new vis.Network(byId("mynetwork"), { nodes: nodes, edges: edges }, options);
  window.network = network;
  network.once("afterDrawing", function () { document.body.setAttribute("data-ready", "true"); });
  network.fit({ animation: false });

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  function select(id) {
    if (!nodes.get(id)) return;
    if (!visibleNodes.has(id)) resetFilters();
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(id);
  }

  // ------------------------------------------------------------------ search

  var index = nodes.get().map(function (n) {
    return { id: n.id, node: n, keys: n.names.map(nameKey) };
  });

  function search(query) {
    var wanted = nameKey(query);
    if (!wanted) return [];
    var found = [];
    index.forEach(function (entry) {
      var best = -1, bestRank = 3;
      entry.keys.forEach(function (key, i) {
        var at = key.indexOf(wanted);
        var rank = key === wanted ? 0 : at === 0 ? 1 : at > 0 ? 2 : 3;
        if (rank < bestRank) { best = i; bestRank = rank; }
      });
      if (best >= 0) found.push({ entry: entry, alias: entry.node.names[best], rank: bestRank });
    });
    found.sort(function (a, b) {
      return a.rank - b.rank || b.entry.node.claims.length - a.entry.node.claims.length ||
        (a.entry.node.label < b.entry.node.label ? -1 : a.entry.node.label > b.entry.node.label ? 1 : 0);
    });
    return found;
  }

  var searchInput = byId("search");
  var resultList = byId("search-results");

  function showResults() {
    resultList.replaceChildren();
    var found = search(searchInput.value);
    found.slice(0, MAX_RESULTS).forEach(function (hit) {
      var item = el("li");
      var button = el("button", "hit");
      button.type = "button";
      button.setAttribute("data-id", hit.entry.id);
      button.appendChild(el("span", "label", hit.entry.node.label));
      if (hit.alias !== hit.entry.node.label) button.appendChild(el("span", "alias", hit.alias));
      button.appendChild(el("span", "kind", typeName(hit.entry.node)));
      button.addEventListener("click", function () { resultList.replaceChildren(); select(hit.entry.id); });
      item.appendChild(button);
      resultList.appendChild(item);
    });
    if (found.length > MAX_RESULTS) resultList.appendChild(el("li", "more", "… 共 " + found.length + " 个"));
    if (searchInput.value && !found.length) resultList.appendChild(el("li", "none", "没有找到 / no match"));
    return found;
  }

  searchInput.addEventListener("input", showResults);
  document.addEventListener("click", function (event) {
    if (!byId("search-box").contains(event.target)) resultList.replaceChildren();
  });
  searchInput.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = showResults();
      if (found.length) { resultList.replaceChildren(); select(found[0].entry.id); }
    } else if (event.key === "Escape") {
      resultList.replaceChildren();
    }
  });

  // ------------------------------------------------------------------ filters

  function articlePasses(i) {
    if (state.article >= 0 && i !== state.article) return false;
    if (state.from || state.to) {
      var date = i >= 0 ? articles[i].date : "";
      if (!date || (state.from && date < state.from) || (state.to && date > state.to)) return false;
    }
    return true;
  }

  function applyFilters() {
    var byArticle = state.article >= 0 || Boolean(state.from || state.to);
    var byRelation = state.relations.size < allRelations.length;
    var touched = new Set();
    var edgeIds = new Set();
    edges.forEach(function (e) {
      if (!state.relations.has(e.relation)) return;
      if (byArticle && !e.claims.some(function (i) { return articlePasses(claims[i].article); })) return;
      edgeIds.add(e.id);
      touched.add(e.from);
      touched.add(e.to);
    });
    var shownBefore = visibleNodes, edgesBefore = visibleEdges;
    visibleNodes = new Set();
    nodes.forEach(function (n) {
      if (!state.types.has(n.entityType)) return;
      if (byRelation && !touched.has(n.id)) return;
      if (byArticle && !touched.has(n.id) && !n.articles.some(articlePasses)) return;
      visibleNodes.add(n.id);
    });
    visibleEdges = new Set();
    edges.forEach(function (e) {
      if (edgeIds.has(e.id) && visibleNodes.has(e.from) && visibleNodes.has(e.to)) visibleEdges.add(e.id);
    });
    // Only what changed is updated: a filter on 5,000 nodes stays a fraction of a second.
    nodes.update(changes(nodes, shownBefore, visibleNodes));
    edges.update(changes(edges, edgesBefore, visibleEdges));
    showStatus();
  }

  function changes(dataSet, before, after) {
    var changed = [];
    dataSet.forEach(function (item) {
      var shown = after.has(item.id);
      if (shown !== before.has(item.id)) changed.push({ id: item.id, hidden: !shown });
    });
    return changed;
  }

  function showStatus() {
    byId("status").textContent = "显示 " + visibleNodes.size + " 个实体 · " + visibleEdges.size + " 条关系";
  }

  document.querySelectorAll("input.type-filter").forEach(function (box) {
    state.types.add(box.value);
    box.addEventListener("change", function () {
      if (box.checked) state.types.add(box.value); else state.types.delete(box.value);
      applyFilters();
    });
  });

  var relationOptions = byId("relation-options");
  function buildRelationOptions() {
    relationOptions.replaceChildren();
    data.relations.forEach(function (relation) {
      var label = el("label");
      var box = el("input", "relation-filter");
      box.type = "checkbox";
      box.value = relation.key;
      box.checked = state.relations.has(relation.key);
      box.addEventListener("change", function () {
        if (box.checked) state.relations.add(relation.key); else state.relations.delete(relation.key);
        applyFilters();
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + (lang === "en" ? relation.en : relation.zh) + " "));
      label.appendChild(el("span", "count", relation.count));
      relationOptions.appendChild(label);
    });
  }
  allRelations.forEach(function (key) { state.relations.add(key); });
  buildRelationOptions();

  var articleSelect = byId("article-filter");
  articles.forEach(function (article, i) {
    var option = el("option", null, (article.title || article.id) + (article.date ? " · " + article.date : ""));
    option.value = String(i);
    option.title = article.id;
    articleSelect.appendChild(option);
  });
  articleSelect.addEventListener("change", function () {
    state.article = Number(articleSelect.value);
    applyFilters();
  });

  var dates = articles.map(function (a) { return a.date; }).filter(Boolean).sort();
  ["date-from", "date-to"].forEach(function (id) {
    var input = byId(id);
    if (!dates.length) { input.disabled = true; return; }
    input.min = dates[0];
    input.max = dates[dates.length - 1];
    input.addEventListener("change", function () {
      state[id === "date-from" ? "from" : "to"] = input.value;
      applyFilters();
    });
  });

  function resetFilters() {
    state.article = -1;
    state.from = state.to = "";
    articleSelect.value = "-1";
    byId("date-from").value = byId("date-to").value = "";
    document.querySelectorAll("input.type-filter").forEach(function (box) {
      box.checked = true;
      state.types.add(box.value);
    });
    allRelations.forEach(function (key) { state.relations.add(key); });
    buildRelationOptions();
    applyFilters();
  }
  byId("reset").addEventListener("click", resetFilters);

  // ------------------------------------------------------------------ relation names: 中文 / English

  var langButton = byId("lang-switch");
  langButton.addEventListener("click", function () {
    lang = lang === "zh" ? "en" : "zh";
    langButton.textContent = lang === "zh" ? "EN" : "中文";
    edges.update(edges.get().map(function (e) { return { id: e.id, label: lang === "en" ? e.labelEn : e.labelZh }; }));
    buildRelationOptions();
    if (current) (current.kind === "node" ? showNode : showEdge)(current.id);
  });

  // ------------------------------------------------------------------ the evidence panel

  var panel = byId("panel");
  var panelBody = byId("panel-body");
  byId("panel-close").addEventListener("click", function () { panel.hidden = true; current = null; });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && event.target === document.body) { panel.hidden = true; current = null; }
  });

  function openPanel(kind, id) {
    current = { kind: kind, id: id };
    panelBody.replaceChildren();
    panel.hidden = false;
    panel.scrollTop = 0;
    return panelBody;
  }

  // A name that jumps to its node when the node is on the page.
  function entityButton(id, label) {
    var button = el("button", "entity", label);
    button.type = "button";
    if (id && nodes.get(id)) button.addEventListener("click", function () { select(id); });
    else button.disabled = true;
    return button;
  }

  function relationLine(claim) {
    var line = el("span", "relation-line");
    line.appendChild(entityButton(claim.subject, claim.subjectLabel));
    line.appendChild(document.createTextNode(" —" + relationName(claim.relation) + "→ "));
    if (claim.object) line.appendChild(entityButton(claim.object, claim.objectLabel));
    else line.appendChild(document.createTextNode(claim.objectLabel));
    return line;
  }

  // The sentence with the anchor marked. Offsets are code points (as in the graph), hence Array.from.
  function sentence(evidence) {
    var quote = el("blockquote", "evidence");
    var chars = Array.from(evidence.sentence);
    var start = evidence.mark[0], end = evidence.mark[1];
    if (!(start >= 0 && start <= end && end <= chars.length)) start = end = 0;
    quote.appendChild(document.createTextNode(chars.slice(0, start).join("")));
    if (end > start) quote.appendChild(el("mark", null, chars.slice(start, end).join("")));
    quote.appendChild(document.createTextNode(chars.slice(end).join("")));
    return quote;
  }

  function source(articleIndex) {
    var article = articles[articleIndex];
    if (!article) return el("p", "source", "");
    var parts = [];
    if (article.title) parts.push("《" + article.title + "》");
    if (article.date) parts.push(article.date);
    parts.push(article.id);
    return el("p", "source", "—— " + parts.join(" · "));
  }

  function qualifiers(claim, withAmount) {
    var parts = [];
    if (withAmount && claim.amount) parts.push("金额 " + claim.amount);
    if (claim.stake) parts.push("股份 " + claim.stake);
    if (claim.role) parts.push("职位 " + claim.role);
    if (claim.date) parts.push("日期 " + claim.date);
    if (claim.outlet) parts.push("据 " + claim.outlet);
    if (claim.confidence) parts.push("置信度 " + claim.confidence);
    return parts.join(" · ");
  }

  function evidenceBlock(container, claim) {
    claim.evidence.forEach(function (evidence) {
      container.appendChild(sentence(evidence));
      container.appendChild(source(evidence.article));
    });
    if (claim.extractor) container.appendChild(el("p", "meta", "抽取规则 " + claim.extractor));
  }

  function claimCard(claim) {
    var card = el("div", "claim");
    var text = qualifiers(claim, true);
    if (text) card.appendChild(el("p", "qualifiers", text));
    evidenceBlock(card, claim);
    return card;
  }

  // Several figures for one statement (140亿 vs 143亿美元): one table, one row per claim.
  function figuresTable(group) {
    var table = el("table", "figures");
    table.appendChild(el("caption", null, "不同来源的数字 / conflicting figures"));
    var head = el("tr");
    ["金额", "来源", "证据"].forEach(function (title) { head.appendChild(el("th", null, title)); });
    table.appendChild(el("thead")).appendChild(head);
    var body = table.appendChild(el("tbody"));
    group.forEach(function (claim) {
      var row = el("tr", "figure");
      row.appendChild(el("td", "amount", claim.amount));
      var outlet = [claim.outlet || "—"];
      if (claim.stake) outlet.push("股份 " + claim.stake);
      if (claim.confidence) outlet.push("置信度 " + claim.confidence);
      row.appendChild(el("td", "outlet", outlet.join(" · ")));
      var cell = el("td", "sentence");
      evidenceBlock(cell, claim);
      row.appendChild(cell);
      body.appendChild(row);
    });
    return table;
  }

  function claimGroup(container, indices, withHeading) {
    var group = indices.map(function (i) { return claims[i]; });
    if (withHeading && group.length) {
      var heading = el("h3");
      heading.appendChild(relationLine(group[0]));
      container.appendChild(heading);
    }
    var withAmount = group.filter(function (c) { return c.amount; });
    var figures = new Set(withAmount.map(function (c) { return c.amount; }));
    if (figures.size > 1) {
      container.appendChild(figuresTable(withAmount));
      group = group.filter(function (c) { return !c.amount; });
    }
    group.forEach(function (claim) { container.appendChild(claimCard(claim)); });
  }

  function showNode(id) {
    var node = nodes.get(id);
    if (!node) return;
    var body = openPanel("node", id);
    var kind = [typeName(node)].concat(node.types).join(" · ");
    body.appendChild(el("p", "kind", kind));
    body.appendChild(el("h2", null, node.label));
    if (node.names.length > 1) {
      var names = el("div", "names");
      names.appendChild(el("span", "caption", "又名"));
      node.names.slice(1).forEach(function (name) { names.appendChild(el("span", "name", name)); });
      body.appendChild(names);
    }
    var meta = el("p", "meta");
    if (WIKIDATA_ID.test(node.wikidata)) {
      var link = el("a", "wikidata", "Wikidata " + node.wikidata);
      link.href = "https://www.wikidata.org/wiki/" + node.wikidata;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      meta.appendChild(link);
      meta.appendChild(document.createTextNode(" · "));
    }
    meta.appendChild(document.createTextNode("提及 " + node.mentions + " 次 · " + node.claims.length + " 条主张"));
    body.appendChild(meta);
    if (node.articles.length) {
      var seen = el("ul", "articles");
      node.articles.slice(0, MAX_ARTICLES).forEach(function (i) {
        var article = articles[i];
        seen.appendChild(el("li", "source", (article.title ? "《" + article.title + "》 · " : "") +
          (article.date ? article.date + " · " : "") + article.id));
      });
      if (node.articles.length > MAX_ARTICLES) seen.appendChild(el("li", "source", "… 共 " + node.articles.length + " 篇"));
      body.appendChild(el("p", "meta", "出现在"));
      body.appendChild(seen);
    }
    // One group per statement: relation, subject and object.
    var groups = new Map();
    node.claims.forEach(function (i) {
      var claim = claims[i];
      var key = claim.relation + " " + claim.subject + " " + (claim.object || "");
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(i);
    });
    // The statements with most claims (a deal several outlets report) first.
    Array.from(groups.values())
      .sort(function (a, b) { return b.length - a.length || a[0] - b[0]; })
      .forEach(function (indices) { claimGroup(body, indices, true); });
  }

  function showEdge(id) {
    var edge = edges.get(id);
    if (!edge) return;
    var body = openPanel("edge", id);
    body.appendChild(el("p", "kind", relationName(edge.relation) + " · " + edge.claims.length + " 条主张"));
    var heading = el("h2");
    heading.appendChild(entityButton(edge.from, nodes.get(edge.from).label));
    heading.appendChild(document.createTextNode(" —" + (lang === "en" ? edge.labelEn : edge.labelZh) + "→ "));
    heading.appendChild(entityButton(edge.to, nodes.get(edge.to).label));
    body.appendChild(heading);
    claimGroup(body, edge.claims, false);
  }

  showStatus();
})();
