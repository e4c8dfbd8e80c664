/* govgraph chart: draws the page's embedded data with vis-network and wires the controls.
 *
 * Safety: model text reaches the page only through textContent, form values and
 * vis-network (which draws labels on a canvas and sets tooltips with innerText).
 * Nothing here uses innerHTML, and nothing is fetched.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("govgraph-data").textContent);
  var meta = data.meta;

  // The details, holders, names and findings (and the memberships, when members are not
  // drawn) follow this script in the page (the chart is drawn before the browser has read
  // them): read once, when first needed, as data.details etc. They are complete once the
  // element after them has been parsed.
  var more = null;
  function ready() {
    var element = document.getElementById("govgraph-details");
    return Boolean(element && element.nextElementSibling) || document.readyState !== "loading";
  }
  // Runs ``action`` now if the details have been read, else once the page has been.
  function whenReady(action) {
    if (ready()) return action();
    document.addEventListener("DOMContentLoaded", function () { action(); });
    return undefined;
  }
  ["details", "holders", "names", "findings", "memberships"].forEach(function (key) {
    if (key in data) return;
    Object.defineProperty(data, key, {
      enumerable: true,
      get: function () {
        if (!more) more = JSON.parse(document.getElementById("govgraph-details").textContent);
        return more[key];
      }
    });
  });

  // The data leaves out empty and default-valued fields: read them through these.
  var NONE = [];
  function list(value) { return value || NONE; }
  function roleOf(membership) { return membership.role || "member"; }

  // Memberships, names, reporting lines, holders and posts held come as rows: lists of
  // fields in the order data.fields gives, empty ones null and trailing empty ones left
  // out (govgraph/render/rows.py). Read as objects.
  function record(row, layout) {
    var out = {};
    for (var i = 0; i < row.length; i++) if (row[i] !== null) out[layout[i]] = row[i];
    return out;
  }
  function records(rows, layout) {
    return list(rows).map(function (row) { return record(row, layout); });
  }

  // Every membership in the data, by body (in the body's order) and by member (in model
  // order, each with its body), read once when first needed.
  var seatIndex = null;
  function seating() {
    if (!seatIndex) {
      var layout = data.fields.membership, byBody = new Map(), byMember = new Map();
      data.memberships.forEach(function (entry) {
        var body = entry[0];
        byBody.set(body, entry[1].map(function (row) {
          var m = record(row, layout);
          m.body = body;
          if (!byMember.has(m.member)) byMember.set(m.member, []);
          byMember.get(m.member).push(m);
          return m;
        }));
      });
      seatIndex = { byBody: byBody, byMember: byMember };
    }
    return seatIndex;
  }
  function membersOf(body) { return seating().byBody.get(body) || NONE; }
  function seatsOf(member) { return seating().byMember.get(member) || NONE; }
  var DAY = 86400000;
  var FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
  var OLD = { background: "#f2f2f2", border: "#bdbdbd", highlight: { background: "#f2f2f2", border: "#000000" }, hover: { background: "#f2f2f2", border: "#000000" } };
  var FAINT = { background: "#fafafa", border: "#e3e3e3", highlight: { background: "#fafafa", border: "#000000" }, hover: { background: "#fafafa", border: "#000000" } };

  var container = document.getElementById("network");
  var slider = document.getElementById("date-slider");
  var dateLabel = document.getElementById("date-label");
  var panel = document.getElementById("details-body");
  var searchBox = document.getElementById("search");
  var searchStatus = document.getElementById("search-status");
  document.getElementById("noscript").hidden = true;

  var look = data.look;
  var nodeById = new Map();
  data.nodes.forEach(function (n) { nodeById.set(n.id, n); });
  var drawnAs = new Map();  // id -> the state key last drawn, so updates touch only what changed
  var labelled = new Set();  // ids of edges that have been drawn with a label
  var state = { day: meta.as_of, problemsOnly: false, hidden: new Set(), selected: null, allMembers: false };

  // --- small helpers ---------------------------------------------------------------

  function make(tag, text, className) {
    var element = document.createElement(tag);
    if (text !== undefined && text !== null) element.textContent = String(text);
    if (className) element.className = className;
    return element;
  }

  function isCurrent(start, end, day) {
    // ISO dates compare as text; end dates are the last day in effect (inclusive).
    return (!start || start <= day) && (!end || end >= day);
  }

  function nodeCurrent(id) {
    var node = nodeById.get(id);
    return !node || isCurrent(node.start, node.end, state.day);
  }

  // Any entity the data refers to: its name and dates (a drawn one's from its node).
  function named(id) {
    var node = nodeById.get(id);
    if (node) return node;
    var row = data.names[id];
    return row ? record(row, data.fields.name) : { name: id };
  }

  // What a drawn node is, in words ("Board", "Person").
  function kindLabel(id) {
    return (look.kinds[nodeById.get(id).kind] || look.kinds.other).singular;
  }

  function refCurrent(id) {
    var entity = named(id);
    return isCurrent(entity.start, entity.end, state.day);
  }

  function dayAt(index) {
    var first = Date.parse(slider.dataset.first + "T00:00:00Z");
    return new Date(first + Number(index) * DAY).toISOString().slice(0, 10);
  }

  function indexOf(day) {
    var first = Date.parse(slider.dataset.first + "T00:00:00Z");
    return Math.round((Date.parse(day + "T00:00:00Z") - first) / DAY);
  }

  function span(from, to) {
    if (!from && !to) return "no dates";
    return (from ? "from " + from : "until") + (to ? (from ? " to " : " ") + to : "");
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // --- the links, and what the pointer shows over a node or link -------------------------

  var DIRECTION_LABEL = { both: "", up: "up only", down: "down only" };
  var ABOUT = { both: "reports to", up: "reports (up only) to", down: "hears (down only) from" };

  // The links to draw: each reporting line in data.edges, then (when members are drawn) one
  // per membership of a drawn body. "reports:BODY:N" is BODY's Nth line in its reports_to,
  // "member:BODY:N" its Nth membership.
  function buildLinks() {
    var out = data.edges.map(function (e) {
      var link = { id: "reports:" + e.from + ":" + e.line, from: e.from, to: e.to, relation: "reports", direction: e.direction, line: e.line };
      if (DIRECTION_LABEL[e.direction]) link.label = DIRECTION_LABEL[e.direction];
      return link;
    });
    if (!meta.members) return out;
    data.memberships.forEach(function (entry) {
      var body = entry[0];
      if (!nodeById.has(body)) return;  // a body not drawn, listed for its drawn members' seats
      membersOf(body).forEach(function (m, i) {
        var link = { id: "member:" + body + ":" + i, from: m.member, to: body, relation: "member" };
        if (m.role) link.role = m.role;
        if (m.from) link.start = m.from;
        if (m.to) link.end = m.to;
        out.push(link);
      });
    });
    return out;
  }

  // "⚠ 1 error, 2 warnings": how a node's label and tooltip count its findings.
  function badge(n) {
    var parts = [];
    if (n.errors) parts.push(plural(n.errors, "error"));
    if (n.warnings) parts.push(plural(n.warnings, "warning"));
    return parts.length ? "⚠ " + parts.join(", ") : "";
  }

  // A node's label: its short name or name, wrapped (vis-network's own wrapping,
  // widthConstraint, measures every word and triples the time to first draw), and its badge.
  function labelOf(n) {
    var body = n.entity === "body", marked = badge(n);
    return govgraphWrap(n.short || n.name, body ? 22 : 18) + (marked ? "\n" + marked : "");
  }

  // The tooltips: plain text (vis-network sets it with innerText), written when the pointer
  // first rests on a node or link (see "hoverNode" below), from the names and details.
  function nodeTitle(id) {
    var n = nodeById.get(id), lines;
    if (n.entity === "body") {
      lines = [n.short ? n.name + " (" + n.short + ")" : n.name, kindLabel(id) + " · " + id];
      if (n.start || n.end) lines.push((n.start || "…") + " to " + (n.end || "now"));
    } else {
      lines = [n.name, kindLabel(id) + " · " + id, plural(seatsOf(id).length, "membership") + " in the model"];
    }
    var marked = badge(n);
    if (marked) lines.push(marked);
    if (!isCurrent(n.start, n.end, state.day)) lines.push("Not current on " + state.day);
    return lines.join("\n");
  }

  function edgeTitle(id) {
    var e = edgeById.get(id), lines;
    if (e.relation === "reports") {
      var line = record(data.details[e.from].reports_to[e.line], data.fields.line);
      lines = [named(e.from).name + " " + ABOUT[e.direction] + " " + named(e.to).name];
      if (line.frequency) lines.push("frequency: " + line.frequency);
      if (line.last_reported) lines.push("last reported: " + line.last_reported);
    } else {
      lines = [named(e.from).name + ": " + roleOf(e) + " of " + named(e.to).name + ", " + (e.start || "…") + " to " + (e.end || "now")];
    }
    if (!edgeCurrent(e)) lines.push("Not current on " + state.day);
    return lines.join("\n");
  }

  // --- how each node and edge looks on the current date and filters -----------------

  // How a node looks when current and not dimmed: its kind's style, marked by its findings.
  function baseNode(n) {
    var style = look.kinds[n.kind] || look.kinds.other;
    var mark = look.marks[n.severity];
    var body = n.entity === "body";
    var color = { background: style.fill, border: mark ? mark.border : style.border };
    color.highlight = color.hover = { background: style.fill, border: "#000000" };
    return {
      shape: style.shape, color: color, borderWidth: mark ? mark.width : 1.5,
      shapeProperties: { borderRadius: style.rounded ? 6 : 0, borderDashes: mark ? mark.dashes : false },
      font: { size: body ? 14 : 12, color: body ? "#111111" : "#333333" },
      size: body ? 25 : 10, margin: body ? 8 : 5
    };
  }

  function nodeView(n) {
    var current = isCurrent(n.start, n.end, state.day);
    var dimmed = state.problemsOnly && !n.severity;
    var view = baseNode(n);
    view.id = n.id;
    view.current = current;
    view.dimmed = dimmed;
    view.hidden = state.hidden.has(n.kind);
    if (!current) {
      view.color = OLD;
      view.font = { color: "#9a9a9a", size: view.font.size };
      view.shapeProperties = { borderRadius: view.shapeProperties.borderRadius, borderDashes: [2, 3] };
      view.borderWidth = 1.5;
    } else if (dimmed) {
      view.color = FAINT;
      view.font = { color: "#c4c4c4", size: view.font.size };
    }
    return view;
  }

  function edgeCurrent(e) {
    return e.relation === "member"
      ? isCurrent(e.start, e.end, state.day) && nodeCurrent(e.to)
      : nodeCurrent(e.from) && nodeCurrent(e.to);
  }

  function edgeView(e) {
    var current = edgeCurrent(e);
    var from = nodeById.get(e.from), to = nodeById.get(e.to);
    var dimmed = state.problemsOnly && !from.severity && !to.severity;
    var reports = e.relation === "reports";
    var colour = look.links[e.relation];
    var view = {
      id: e.id, current: current, dimmed: dimmed,
      hidden: state.hidden.has(from.kind) || state.hidden.has(to.kind),
      arrows: {
        to: { enabled: reports && e.direction !== "down" },
        from: { enabled: reports && e.direction !== "up" }
      },
      dashes: reports && e.direction !== "both" ? [10, 6] : false,
      width: reports || roleOf(e) === "chair" ? 2 : 1,
      color: { color: colour, highlight: "#000000", hover: "#000000" },
      // vis-network keeps an edge's old label when given "": a space clears one it had.
      label: e.label || (labelled.has(e.id) ? " " : "")
    };
    if (!current) {
      view.color = { color: "#c8c8c8", highlight: "#000000", hover: "#000000" };
      view.dashes = [2, 5];
      view.width = 1;
      if (reports) view.label = (e.label ? e.label + ", " : "") + "not current";
    } else if (dimmed) {
      view.color = { color: "#e6e6e6", highlight: "#000000", hover: "#000000" };
    }
    return view;
  }

  function withView(item, view) { return Object.assign({}, item, view); }

  // --- the network --------------------------------------------------------------------

  data.nodes.forEach(function (n) { n.label = labelOf(n); });
  var links = buildLinks();
  var nodes = new vis.DataSet(changed(data.nodes, nodeView).map(function (v) { return withView(nodeById.get(v.id), v); }));
  var edgeById = new Map();
  links.forEach(function (e) { edgeById.set(e.id, e); });
  var edges = new vis.DataSet(remember(changed(links, edgeView)).map(function (v) { return withView(edgeById.get(v.id), v); }));
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    physics: false,  // positions come from govgraph's layout: nothing moves, 2,000 nodes draw at once
    layout: { improvedLayout: false, hierarchical: { enabled: false } },
    interaction: { hover: true, tooltipDelay: 150, navigationButtons: false, keyboard: { enabled: true, bindToWindow: false } },
    nodes: { font: { face: FONT }, borderWidthSelected: 4 },
    edges: {
      smooth: false, selectionWidth: 2,
      font: { face: FONT, size: 11, color: "#333333", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      arrows: { to: { scaleFactor: 0.7 }, from: { scaleFactor: 0.7 } }
    }
  });

  // A white background, so a saved PNG is not transparent.
  network.on("beforeDrawing", function (ctx) {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
  });
  network.once("afterDrawing", function () {
    container.dataset.drawnMs = String(Math.round(performance.now()));  // for benchmarks
    container.dataset.ready = "true";
  });
  network.on("click", function (params) {
    if (params.nodes.length) showDetails(params.nodes[0]);
  });
  // vis-network shows a tooltip a moment (tooltipDelay) after the pointer comes to rest on
  // an item: its title is written here, for the slider's date, before that.
  network.on("hoverNode", function (params) {
    whenReady(function () { nodes.update({ id: params.node, title: nodeTitle(params.node) }); });
  });
  network.on("hoverEdge", function (params) {
    whenReady(function () { edges.update({ id: params.edge, title: edgeTitle(params.edge) }); });
  });

  function updateCounts() {
    container.dataset.nodes = String(nodes.length);
    container.dataset.edges = String(edges.length);
    container.dataset.visibleNodes = String(nodes.get({ filter: function (n) { return !n.hidden; } }).length);
  }

  // The part of the state that changes how an item looks; only items whose key changed are
  // sent to vis-network, so moving the slider over a 2,000-node chart stays quick.
  function changed(items, view) {
    var out = [];
    items.forEach(function (item) {
      var v = view(item);
      var key = [v.current, v.dimmed, v.hidden].join();
      if (drawnAs.get(item.id) !== key) { drawnAs.set(item.id, key); out.push(v); }
    });
    return out;
  }

  function remember(views) {
    views.forEach(function (v) { if (v.label.trim()) labelled.add(v.id); });
    return views;
  }

  function applyState() {
    nodes.update(changed(data.nodes, nodeView));
    edges.update(remember(changed(links, edgeView)));
    document.querySelectorAll("tr[data-node]").forEach(function (row) {
      row.classList.toggle("not-current", !isCurrent(row.dataset.start, row.dataset.end, state.day));
    });
    updateCounts();
    if (state.selected) showDetails(state.selected, true);
  }

  // --- focusing a node ----------------------------------------------------------------

  function focusNode(id, moveFocus) {
    var node = nodeById.get(id);
    if (!node) {
      var name = named(id).name;
      searchStatus.textContent = name + " is not drawn in this chart (render with --focus " + id + " to see it).";
      return false;
    }
    if (state.hidden.has(node.kind)) {
      var box = document.querySelector('input[data-kind="' + CSS.escape(node.kind) + '"]');
      if (box) box.checked = true;
      state.hidden.delete(node.kind);
      applyState();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false });
    showDetails(id);
    if (moveFocus) document.getElementById("details-heading").focus();
    return true;
  }

  // --- the details panel ---------------------------------------------------------------

  function addList(parent, heading, entries, render, empty) {
    parent.appendChild(make("h4", heading));
    if (!entries.length) { parent.appendChild(make("p", empty || "None.", "muted")); return; }
    var list = make("ul");
    entries.forEach(function (entry) { list.appendChild(render(entry)); });
    parent.appendChild(list);
  }

  // Another entity, by id: a button that focuses it when it is drawn, else its name.
  function refElement(id) {
    if (nodeById.has(id)) {
      var button = make("button", named(id).name, "link");
      button.type = "button";
      button.addEventListener("click", function () { focusNode(id, true); });
      return button;
    }
    return make("span", id ? named(id).name : "—");
  }

  // facts: [label, value, isReference]; empty values are left out.
  function addFacts(parent, facts) {
    var list = make("dl");
    facts.forEach(function (fact) {
      if (fact[1] === null || fact[1] === undefined || fact[1] === "") return;
      list.appendChild(make("dt", fact[0]));
      var value = make("dd");
      if (fact[2]) value.appendChild(refElement(fact[1]));
      else value.textContent = String(fact[1]);
      list.appendChild(value);
    });
    parent.appendChild(list);
  }

  function lineItem(line) {
    var item = make("li");
    item.appendChild(refElement(line.body));
    var facts = [{ up: "up only", down: "down only" }[line.direction] || "both ways"];
    if (line.frequency) facts.push(line.frequency);
    facts.push(line.last_reported ? "last reported " + line.last_reported : "no report recorded");
    if (!refCurrent(line.body)) facts.push("not current on " + state.day);
    item.appendChild(make("span", " (" + facts.join(", ") + ")"));
    return item;
  }

  // Who holds the post ``id`` on the slider's date (nobody when ``id`` is not a post).
  function holdersOn(id) {
    return records(data.holders[id], data.fields.holder).filter(function (h) { return isCurrent(h.from, h.to, state.day); })
      .map(function (h) { return named(h.person).name; });
  }

  function membersTable(parent, members) {
    var shown = members.filter(function (m) { return state.allMembers || isCurrent(m.from, m.to, state.day); });
    var others = members.length - shown.length;
    var heading = state.allMembers ? "All members (" + members.length + ")" : "Members on " + state.day + " (" + shown.length + ")";
    parent.appendChild(make("h4", heading));
    if (shown.length) {
      var table = make("table");
      var head = make("tr");
      ["Member", "Role", "Dates", "Notes"].forEach(function (h) {
        var th = make("th", h); th.scope = "col"; head.appendChild(th);
      });
      table.appendChild(make("thead")).appendChild(head);
      var body = table.appendChild(make("tbody"));
      shown.forEach(function (m) {
        var row = make("tr");
        var who = make("td");
        who.appendChild(refElement(m.member));
        var held = holdersOn(m.member);
        if (data.holders[m.member]) who.appendChild(make("span", held.length ? " (held by " + held.join(", ") + ")" : " (vacant)", "muted"));
        row.appendChild(who);
        row.appendChild(make("td", roleOf(m) + (m.voting === false ? ", non-voting" : "")));
        row.appendChild(make("td", span(m.from, m.to)));
        var notes = [];
        if (m.term_ends) notes.push("term ends " + m.term_ends);
        if (m.reviewed) notes.push("reviewed " + m.reviewed);
        if (m.note) notes.push(m.note);
        if (!isCurrent(m.from, m.to, state.day)) notes.push("not current on " + state.day);
        row.appendChild(make("td", notes.join("; ")));
        body.appendChild(row);
      });
      parent.appendChild(table);
    } else {
      parent.appendChild(make("p", "No current members.", "muted"));
    }
    if (others || state.allMembers) {
      var toggle = make("button", state.allMembers ? "Show only current members" : "Show all " + members.length + " memberships (" + others + " not current)");
      toggle.type = "button";
      toggle.addEventListener("click", function () { state.allMembers = !state.allMembers; showDetails(state.selected, true); });
      parent.appendChild(toggle);
    }
  }

  function findingsList(parent, indices) {
    addList(parent, "Its findings (" + indices.length + ")", indices, function (i) {
      var f = data.findings[i];
      var item = make("li");
      item.appendChild(make("span", f.severity + ": ", "problem-" + f.severity));
      item.appendChild(make("span", f.message + " [" + f.check + ", " + f.file + (f.line ? ":" + f.line : "") + "]"));
      return item;
    }, "No findings on " + meta.as_of + ".");
  }

  function showBody(id, d, out) {
    var node = nodeById.get(id), members = membersOf(id);
    var chairs = members.filter(function (m) { return m.role === "chair" && isCurrent(m.from, m.to, state.day); })
      .map(function (m) { var held = holdersOn(m.member); return named(m.member).name + (held.length ? " (" + held.join(", ") + ")" : ""); });
    addFacts(out, [
      ["Short name", node.short], ["Kind", kindLabel(id) + (d.root ? " (a root of the structure)" : "")],
      ["Established", node.start], ["Dissolved", node.end], ["Predecessor", d.predecessor, true],
      ["Hosted by", d.hosted_by, true], ["Meets", d.meets],
      ["Chair on " + state.day, chairs.length ? chairs.join(", ") : "none"],
      ["Written in", d.file ? d.file + (d.line ? ":" + d.line : "") : null]
    ]);
    membersTable(out, members);
    addList(out, "Reports to", records(d.reports_to, data.fields.line), lineItem, "Reports to no body.");
    addList(out, "Receives reports from", records(d.reported_by, data.fields.line), lineItem, "No body reports to it.");
  }

  function showMember(id, d, out) {
    var node = nodeById.get(id), type = node.entity, org = type === "organisation";
    addFacts(out, [
      ["Kind", d.kind], ["Tags", d.tags && d.tags.length ? d.tags.join(", ") : null],
      ["Established", org ? node.start : null], ["Dissolved", org ? node.end : null],
      ["Succeeded by", d.succeeded_by, true],
      ["Organisation", d.organisation, true], ["Left", type === "person" ? node.end : null],
      ["Written in", d.file ? d.file + (d.line ? ":" + d.line : "") : null]
    ]);
    if (type === "post") {
      addList(out, "Holders", records(data.holders[id], data.fields.holder), function (h) {
        var item = make("li", named(h.person).name + ", " + span(h.from, h.to));
        if (isCurrent(h.from, h.to, state.day)) item.appendChild(make("strong", " (holds it on " + state.day + ")"));
        return item;
      }, "No holders recorded.");
    }
    if (type === "person") {
      addList(out, "Posts held", records(d.holds, data.fields.held), function (h) {
        var item = make("li"); item.appendChild(refElement(h.post));
        item.appendChild(make("span", ", " + span(h.from, h.to))); return item;
      }, "No posts recorded.");
    }
    addList(out, "Sits on", seatsOf(id), function (s) {
      var item = make("li"); item.appendChild(refElement(s.body));
      var note = ": " + roleOf(s) + (s.voting === false ? " (non-voting)" : "") + ", " + span(s.from, s.to);
      if (!isCurrent(s.from, s.to, state.day) || !refCurrent(s.body)) note += " (not current on " + state.day + ")";
      item.appendChild(make("span", note)); return item;
    }, "No memberships.");
  }

  function showDetails(id, refresh) {
    if (!ready()) { whenReady(function () { showDetails(id, refresh); }); return; }
    var d = data.details[id];
    if (!d) return;
    if (!refresh && state.selected !== id) state.allMembers = false;
    state.selected = id;
    var out = document.createDocumentFragment();
    out.appendChild(make("h3", named(id).name));
    var node = nodeById.get(id);
    var line = kindLabel(id) + " · " + id;
    if (node && !isCurrent(node.start, node.end, state.day)) line += " · not current on " + state.day;
    out.appendChild(make("p", line, "muted"));
    if (node.entity === "body") showBody(id, d, out); else showMember(id, d, out);
    findingsList(out, list(d.findings));
    panel.replaceChildren(out);
    panel.dataset.node = id;
  }

  // --- search -----------------------------------------------------------------------------

  var names = null;  // what search looks through, built on first use
  function searchable() {
    if (!names) {
      names = data.nodes.map(function (n) {
        return { id: n.id, name: n.name, short: n.short || "", body: n.entity === "body" };
      });
    }
    return names;
  }

  // The suggestions are only needed once someone uses the box: built then, not before the
  // chart is drawn (thousands of <option>s).
  function suggest() {
    searchBox.removeEventListener("focus", suggest);
    searchBox.removeEventListener("input", suggest);
    if (!ready()) { whenReady(suggest); return; }
    var options = document.createDocumentFragment();
    searchable().slice().sort(function (a, b) { return a.name.localeCompare(b.name); }).forEach(function (entry) {
      var option = document.createElement("option");
      option.value = entry.name;
      options.appendChild(option);
    });
    document.getElementById("search-names").appendChild(options);
  }
  searchBox.addEventListener("focus", suggest);
  searchBox.addEventListener("input", suggest);

  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q || !ready()) return null;  // (search() waits for the page instead)
    var tests = [
      function (e) { return e.id === q; },
      function (e) { return e.name.toLowerCase() === q || e.short.toLowerCase() === q; },
      function (e) { return e.name.toLowerCase().indexOf(q) === 0 || e.short.toLowerCase().indexOf(q) === 0; },
      function (e) { return e.name.toLowerCase().indexOf(q) >= 0 || e.id.indexOf(q) >= 0; }
    ];
    for (var t = 0; t < tests.length; t++) {
      var hits = searchable().filter(tests[t]);
      if (hits.length) return hits.filter(function (e) { return e.body; })[0] || hits[0];
    }
    return null;
  }

  function search() {
    if (!ready()) { whenReady(search); return null; }
    var hit = find(searchBox.value);
    if (!hit) {
      searchStatus.textContent = "Nothing in this chart matches “" + searchBox.value.trim() + "”.";
      return null;
    }
    focusNode(hit.id);
    searchStatus.textContent = "Found " + hit.name + " (" + hit.id + ").";
    return hit.id;
  }

  document.getElementById("search-go").addEventListener("click", search);
  searchBox.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); search(); }
  });

  // --- controls ---------------------------------------------------------------------------

  function setDate(day) {
    state.day = day;
    slider.value = String(indexOf(day));
    slider.setAttribute("aria-valuetext", day);
    dateLabel.textContent = day;
    applyState();
  }

  function setProblemsOnly(on) {
    state.problemsOnly = Boolean(on);
    document.getElementById("problems-only").checked = state.problemsOnly;
    applyState();
  }

  slider.addEventListener("input", function () { setDate(dayAt(slider.value)); });
  document.getElementById("date-reset").addEventListener("click", function () { setDate(meta.as_of); });
  document.getElementById("problems-only").addEventListener("change", function (event) { setProblemsOnly(event.target.checked); });
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false }); });

  document.querySelectorAll("input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) state.hidden.delete(box.dataset.kind); else state.hidden.add(box.dataset.kind);
      applyState();
    });
  });

  // Findings and the text view hold buttons naming a node: one listener for all of them.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-node]");
    if (!button) return;
    if (button.dataset.node) { focusNode(button.dataset.node, true); return; }
    var finding = data.findings[Number(button.dataset.finding)];
    var about = finding ? named(finding.subject.split("/")[0]).name : "That finding";
    searchStatus.textContent = about + " is not drawn in this chart.";
  });

  document.getElementById("save-png").addEventListener("click", function () {
    var canvas = container.querySelector("canvas");
    var link = document.createElement("a");
    link.href = canvas.toDataURL("image/png");
    link.download = (meta.model.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "chart") + ".png";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });

  updateCounts();
  if (meta.focus) focusNode(meta.focus);

  // For people scripting the page (and for govgraph's browser tests).
  window.govgraph = {
    network: network, nodes: nodes, edges: edges, data: data, state: state,
    setDate: setDate, setProblemsOnly: setProblemsOnly, focusNode: focusNode, find: find, search: search,
    nodeTitle: nodeTitle, edgeTitle: edgeTitle, wrapText: govgraphWrap
  };
}());
