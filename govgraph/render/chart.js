/* govgraph chart: draws the page's embedded data with vis-network and wires the controls.
 *
 * The picture is a tiered chart of bodies composed from blocks (govgraph/render/screen.py):
 * one block per top body, laid out in rows; a block is drawn collapsed (one box with its
 * counts) or expanded (its bodies at the positions govgraph's layout gave them). A chart
 * that fits on a screen opens expanded, a larger one on its overview (all collapsed).
 * vis-network holds only the boxes (for panning, zooming, selection and hit testing); the
 * boxes, the right-angled reporting lines and the member links are drawn here, from the
 * state, so moving the date slider only redraws.
 *
 * Safety: model text reaches the page only through textContent, form values, the canvas
 * and vis-network's tooltip (innerText). Nothing here uses innerHTML, and nothing is
 * fetched.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("govgraph-data").textContent);
  var meta = data.meta;

  // The details, holders, names and findings (and the memberships, when members are not
  // drawn) follow this script in the page: read once, when first needed, as data.details
  // etc. They are complete once the element after them has been parsed.
  var more = null;
  function ready() {
    var element = document.getElementById("govgraph-details");
    return Boolean(element && element.nextElementSibling) || document.readyState !== "loading";
  }
  function whenReady(action) {
    if (ready()) return action();
    document.addEventListener("DOMContentLoaded", function () { action(); });
    return undefined;
  }
  ["member_nodes", "details", "holders", "names", "findings", "memberships"].forEach(function (key) {
    if (key in data) return;
    Object.defineProperty(data, key, {
      enumerable: true,
      get: function () {
        if (!more) {
          more = JSON.parse(document.getElementById("govgraph-details").textContent);
          more.member_nodes.forEach(function (n) { nodeById.set(n.id, n); });
        }
        return more[key];
      }
    });
  });

  // Reads the rest of the data (the member nodes among it) once the page has been read.
  function loadRest() { if (!more && ready()) void data.names; }

  var NONE = [];
  function list(value) { return value || NONE; }
  function roleOf(membership) { return membership.role || "member"; }

  // Rows (govgraph/render/rows.py) read as objects by the layouts in data.fields.
  function record(row, layout) {
    var out = {};
    for (var i = 0; i < row.length; i++) if (row[i] !== null) out[layout[i]] = row[i];
    return out;
  }
  function records(rows, layout) {
    return list(rows).map(function (row) { return record(row, layout); });
  }

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
  // Bidi isolation for model text drawn on the canvas or in a tooltip: a name holding
  // U+202E cannot reverse what follows it.
  var FSI = "\u2068", PDI = "\u2069";
  function isolated(text) { return FSI + text + PDI; }

  var container = document.getElementById("network");
  var slider = document.getElementById("date-slider");
  var dateBox = document.getElementById("date-box");
  var dateLabel = document.getElementById("date-label");
  var panel = document.getElementById("details-body");
  var searchBox = document.getElementById("search");
  var searchStatus = document.getElementById("search-status");
  var announce = document.getElementById("chart-status");
  document.getElementById("noscript").hidden = true;

  var look = data.look;
  var nodeById = new Map();
  data.nodes.forEach(function (n) { nodeById.set(n.id, n); });
  var state = {
    day: meta.as_of, problemsOnly: false, hidden: new Set(), selected: null,
    allMembers: false, members: "none", membersOf: null  // the body whose members are shown
  };

  // --- small helpers ---------------------------------------------------------------------

  function make(tag, text, className) {
    var element = document.createElement(tag);
    if (text !== undefined && text !== null) element.textContent = String(text);
    if (className) element.className = className;
    return element;
  }
  // Model text inside a sentence: isolated, so its direction cannot leak into the sentence.
  function bidiText(text) { return make("bdi", text); }

  function isCurrent(start, end, day) {
    return (!start || start <= day) && (!end || end >= day);
  }
  function nodeCurrent(id) {
    var node = nodeById.get(id);
    return !node || isCurrent(node.start, node.end, state.day);
  }
  function named(id) {
    loadRest();
    var node = nodeById.get(id);
    if (node) return node;
    var row = data.names[id];
    return row ? record(row, data.fields.name) : { name: id };
  }
  function kindLabel(id) {
    var node = nodeById.get(id);
    return (look.kinds[node ? node.kind : "other"] || look.kinds.other).singular;
  }
  function refCurrent(id) {
    var entity = named(id);
    return isCurrent(entity.start, entity.end, state.day);
  }
  function firstDay() { return Date.parse(slider.dataset.first + "T00:00:00Z"); }
  function dayAt(index) { return new Date(firstDay() + Number(index) * DAY).toISOString().slice(0, 10); }
  function indexOf(day) { return Math.round((Date.parse(day + "T00:00:00Z") - firstDay()) / DAY); }
  function span(from, to) {
    if (!from && !to) return "no dates";
    return (from ? "from " + from : "until") + (to ? (from ? " to " : " ") + to : "");
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  // Findings come from one audit, on meta.as_of: they are shown on that date only.
  function findingsShown() { return state.day === meta.as_of; }

  // --- the structure: reporting lines between drawn bodies -------------------------------

  var parentsOf = new Map(), childrenOf = new Map();
  data.edges.forEach(function (e) {
    if (!parentsOf.has(e.from)) parentsOf.set(e.from, []);
    if (parentsOf.get(e.from).indexOf(e.to) < 0) parentsOf.get(e.from).push(e.to);
    if (!childrenOf.has(e.to)) childrenOf.set(e.to, []);
    if (childrenOf.get(e.to).indexOf(e.from) < 0) childrenOf.get(e.to).push(e.from);
  });

  // --- blocks and how they are composed ----------------------------------------------------

  var layout = data.layout;
  function tierSize(tier) { var t = layout.tiers[Math.min(tier || 0, layout.tiers.length - 1)]; return { w: t[0], h: t[1] }; }
  var GAP = layout.gap, BAND = 70;
  var directions = new Map();  // "child parent" -> both, up or down
  data.edges.forEach(function (e) { directions.set(e.from + " " + e.to, e.direction); });
  var blocks = layout.blocks.map(function (b) {
    var boxes = b[5].map(function (r) { return { id: r[0], x: r[1], y: r[2], tier: r[3], lines: r[4], shortened: Boolean(r[5]) }; });
    var top = boxes.filter(function (box) { return box.id === b[0]; })[0];
    return {
      top: b[0], x: b[1], y: b[2], w: b[3], h: b[4], boxes: boxes, topBox: top,
      lines: b[6].map(function (c) { return { child: c[0], parent: c[1], points: c[2], second: Boolean(c[3]) }; })
    };
  });
  var links = layout.links.map(function (c) { return { child: c[0], parent: c[1], points: c[2], second: Boolean(c[3]) }; });
  var blockOf = new Map();
  blocks.forEach(function (block) { block.boxes.forEach(function (box) { blockOf.set(box.id, block); }); });
  var expanded = new Set(layout.overview ? [] : blocks.map(function (b) { return b.top; }));
  function collapsible(block) { return block.boxes.length > 1; }
  function isCollapsed(id) {
    var block = blockOf.get(id);
    return Boolean(block && block.top === id && collapsible(block) && !expanded.has(id));
  }

  var at = new Map();   // id -> {x, y (centre), w, h, lines}: where each drawn body or member is
  var routes = [];      // the reporting lines drawn: {child, parent, points, second}
  var bounds = { w: 0, h: 0 };

  function place(box, dx, dy) {
    var size = tierSize(box.tier);
    at.set(box.id, { x: dx + box.x + size.w / 2, y: dy + box.y + size.h / 2, w: size.w, h: size.h, lines: box.lines, shortened: box.shortened });
  }
  function moved(line, dx, dy) {
    return { child: line.child, parent: line.parent, second: line.second, points: line.points.map(function (p) { return [p[0] + dx, p[1] + dy]; }) };
  }

  // The overview's rows: as many boxes a row as make them largest on this screen (worked
  // out once, so that a box expands in place). govgraph's layout packs them for paper.
  var rowsOnScreen = null;
  function overviewRows() {
    if (rowsOnScreen) return rowsOnScreen;
    var cellW = tierSize(0).w + GAP, cellH = tierSize(0).h + GAP, n = blocks.length;
    var width = Math.max(container.clientWidth, 300), height = Math.max(container.clientHeight, 300);
    var best = 1, bestScale = 0;
    for (var c = 1; c <= n; c++) {
      var scale = Math.min(width / (c * cellW - GAP), height / (Math.ceil(n / c) * cellH - GAP));
      if (scale > bestScale) { best = c; bestScale = scale; }
    }
    rowsOnScreen = [];
    for (var i = 0; i < n; i += best) {
      var row = [];
      for (var j = i; j < Math.min(n, i + best); j++) row.push(j);
      rowsOnScreen.push(row);
    }
    return rowsOnScreen;
  }

  // Every block expanded: where govgraph's layout put them (as on paper). Otherwise the
  // overview's rows, each block as its top's box or expanded in place.
  function compose() {
    at.clear();
    routes = [];
    var allOpen = blocks.every(function (b) { return !collapsible(b) || expanded.has(b.top); });
    if (allOpen) {
      blocks.forEach(function (block) {
        block.boxes.forEach(function (box) { place(box, block.x, block.y); });
        block.lines.forEach(function (line) { routes.push(moved(line, block.x, block.y)); });
      });
      routes = routes.concat(links);
      bounds = { w: layout.width, h: layout.height };
    } else {
      var y = 0, widest = 0;
      overviewRows().forEach(function (row) {
        var x = 0, height = 0;
        row.forEach(function (index) {
          var block = blocks[index], open = !collapsible(block) || expanded.has(block.top);
          var w = open ? block.w : tierSize(0).w, h = open ? block.h : tierSize(0).h;
          if (open) {
            block.boxes.forEach(function (box) { place(box, x, y); });
            block.lines.forEach(function (line) { routes.push(moved(line, x, y)); });
          } else {
            place({ id: block.top, x: 0, y: 0, tier: 0, lines: block.topBox.lines, shortened: block.topBox.shortened }, x, y);
          }
          x += w + GAP;
          height = Math.max(height, h);
        });
        widest = Math.max(widest, x - GAP);
        y += height + GAP;
      });
      links.forEach(function (line) {  // between blocks: routed again for where they now are
        var points = route(line.child, line.parent);
        if (points) routes.push({ child: line.child, parent: line.parent, second: true, points: points });
      });
      bounds = { w: widest, h: Math.max(0, y - GAP) };
    }
    placeMembers();
  }

  // --- members: none, those of the selected body, or all of the drawn bodies' -------------

  function shownMembers() {
    if (!meta.members || state.members === "none") return [];
    var bodies = state.members === "all" ? Array.from(at.keys()).filter(function (id) { return nodeById.get(id).entity === "body"; })
      : state.membersOf && at.has(state.membersOf) ? [state.membersOf] : [];
    var seen = new Map();
    bodies.forEach(function (body) {
      if (state.hidden.has(nodeById.get(body).kind)) return;
      membersOf(body).forEach(function (m) {
        if (!nodeById.has(m.member)) return;
        if (!seen.has(m.member)) seen.set(m.member, []);
        seen.get(m.member).push(m);
      });
    });
    return Array.from(seen.entries());
  }

  // A band below the bodies, each member under the mean x of the bodies it sits on,
  // staggered over rows so that labels do not collide (as govgraph always placed them).
  var memberLinks = [];
  function placeMembers() {
    memberLinks = [];
    var members = shownMembers();
    if (!members.length) return;
    var spacing = 110, rows = Math.min(8, Math.max(2, Math.ceil(members.length * spacing / Math.max(bounds.w, 600))));
    var wanted = members.map(function (entry) {
      var xs = entry[1].map(function (seat) { return at.get(seat.body).x; });
      return { id: entry[0], on: entry[1], x: xs.reduce(function (a, b) { return a + b; }, 0) / xs.length };
    }).sort(function (a, b) { return a.x - b.x || (nodeById.get(a.id).name < nodeById.get(b.id).name ? -1 : 1); });
    var last = null, gap = spacing / rows, shift = 0;
    wanted.forEach(function (m) { m.placed = last === null ? m.x : Math.max(m.x, last + gap); last = m.placed; shift += m.placed - m.x; });
    shift /= wanted.length;
    var band = bounds.h + BAND;
    wanted.forEach(function (m, i) {
      at.set(m.id, { x: m.placed - shift, y: band + (i % rows) * 46, w: 18, h: 18, member: true });
      m.on.forEach(function (seat) { memberLinks.push({ from: m.id, to: seat.body, start: seat.from, end: seat.to }); });
    });
    bounds.h = band + rows * 46;
  }

  // --- labels ----------------------------------------------------------------------------

  // Box text as govgraph's layout measured it: 12 px DejaVu Sans (or a close sans-serif),
  // 14 px a line, and a 10.5 px counts line (govgraph/render/tiers.py, paint.py).
  var BOX_FONT = "'DejaVu Sans', Verdana, sans-serif";
  var NAME_SIZE = 12, LINE_HEIGHT = 14, CAPTION_SIZE = 10.5, CAPTION_HEIGHT = 13;
  var measurer = document.createElement("canvas").getContext("2d");

  // "⚠ 1 error, 2 warnings"
  function badge(n) {
    if (!findingsShown()) return "";
    var parts = [];
    if (n.errors) parts.push(plural(n.errors, "error"));
    if (n.warnings) parts.push(plural(n.warnings, "warning"));
    return parts.length ? "⚠ " + parts.join(", ") : "";
  }

  // Members current on the slider's date: counted by Python for the audit's date, here for
  // any other (once the memberships have been read).
  function seatCount(id) {
    if (state.day === meta.as_of || !ready()) return nodeById.get(id).seats;
    return membersOf(id).filter(function (m) { return isCurrent(m.from, m.to, state.day); }).length;
  }

  var blockCounts = new Map();
  function countsOf(block) {
    var key = block.top + "@" + state.day;
    if (blockCounts.has(key)) return blockCounts.get(key);
    var members = new Set(), findings = 0, current = 0;
    block.boxes.forEach(function (box) {
      var n = nodeById.get(box.id);
      if (isCurrent(n.start, n.end, state.day)) current += 1;
      findings += (n.errors || 0) + (n.warnings || 0);
      if (ready()) membersOf(box.id).forEach(function (m) { if (isCurrent(m.from, m.to, state.day)) members.add(m.member); });
    });
    var counts = { bodies: block.boxes.length, current: current, members: ready() ? members.size : null, findings: findings };
    if (ready()) blockCounts.set(key, counts);
    return counts;
  }

  // The first of ``choices`` that fits the box's width at its meta font.
  function fitting(choices, box) {
    measurer.font = CAPTION_SIZE + "px " + BOX_FONT;
    for (var i = 0; i < choices.length; i++) if (measurer.measureText(choices[i]).width <= box.w - 10) return choices[i];
    return choices[choices.length - 1];
  }

  // The line under a box's name: its members and findings, or a collapsed block's counts,
  // in words when they fit, else in short (the tooltip and the details have them in full).
  function metaLine(n) { return captionLines(n).join(" · "); }

  // A collapsed block's box says how many bodies, members and findings it holds: on two
  // lines when its name leaves room for them.
  // Worked out once for each state the words depend on (measuring text each frame would
  // cost a frame on a chart of thousands).
  function captionLines(n) {
    var key = [state.day, ready(), isCollapsed(n.id), (at.get(n.id) || {}).w].join();
    if (n.captionKey !== key) { n.captions = captionsOf(n); n.captionKey = key; }
    return n.captions;
  }

  function captionsOf(n) {
    var box = at.get(n.id) || tierSize(n.tier);
    if (isCollapsed(n.id)) {
      var c = countsOf(blockOf.get(n.id));
      var bodies = "▸ " + plural(c.bodies, "body").replace("bodys", "bodies");
      var people = c.members === null ? "" : plural(c.members, "member");
      var found = findingsShown() && c.findings ? "⚠ " + plural(c.findings, "finding") : "";
      var room = (box.lines || []).length * LINE_HEIGHT + 2 * CAPTION_HEIGHT <= box.h - 4;
      if (room) {
        var first = fitting([people ? bodies + " · " + people : bodies, bodies], box);
        var short = found ? "⚠ " + c.findings : "";
        var second = first !== bodies || !people ? found
          : fitting(found ? [people + " · " + found, people + " · " + short, people] : [people], box);
        return second ? [first, fitting([second, short], box)] : [first];
      }
      return [fitting([bodies + (people ? " · " + people : "") + (found ? " · " + found : ""), bodies + (found ? " · ⚠ " + c.findings : ""), bodies], box)];
    }
    return [metaOfBody(n, box)];
  }

  function metaOfBody(n, box) {
    var members = plural(seatCount(n.id), "member"), marked = badge(n);
    if (!marked) return members;
    var total = plural((n.errors || 0) + (n.warnings || 0), "finding");
    return fitting([members + " · " + marked, members + " · ⚠ " + total, members + " · ⚠ " + ((n.errors || 0) + (n.warnings || 0))], box);
  }

  // --- how a body looks on the date, with the filters --------------------------------------

  function visualOf(n) {
    var style = look.kinds[n.kind] || look.kinds.other;
    var mark = findingsShown() ? look.marks[n.severity] : null;
    var current = isCurrent(n.start, n.end, state.day);
    var dimmed = state.problemsOnly && !(findingsShown() && n.severity);
    var v = {
      fill: style.fill, border: mark ? mark.border : style.border, width: mark ? 3 : 1.5,
      dashes: mark && mark.dashes ? mark.dashes : null, ink: "#000000",
      muted: n.errors && findingsShown() ? look.marks.error.border : "#333333",
      radius: style.shape === "ellipse" ? 16 : style.rounded ? 7 : 1.5, shape: style.shape
    };
    if (!current) {
      v.fill = "#f2f2f2"; v.border = "#9e9e9e"; v.width = 1.5; v.dashes = [3, 3]; v.ink = "#6b6b6b"; v.muted = "#6b6b6b";
    } else if (dimmed) {
      v.fill = "#fafafa"; v.border = "#d0d0d0"; v.ink = "#9a9a9a"; v.muted = "#a8a8a8"; v.width = 1;
    }
    if (isCollapsed(n.id)) v.width = Math.max(v.width, 2.5);
    return v;
  }

  function roundedRect(ctx, x, y, w, h, r) {
    ctx.beginPath();
    if (!r) { ctx.rect(x, y, w, h); return; }
    ctx.moveTo(x + r, y);
    ctx.arcTo(x + w, y, x + w, y + h, r);
    ctx.arcTo(x + w, y + h, x, y + h, r);
    ctx.arcTo(x, y + h, x, y, r);
    ctx.arcTo(x, y, x + w, y, r);
    ctx.closePath();
  }

  // Where a box's text goes (as paint.py writes it): the name's baselines, the counts'.
  function textRows(box, captions) {
    var lines = box.lines || [], count = captions || 1;
    var top = -box.h / 2 + (box.h - (lines.length * LINE_HEIGHT + count * CAPTION_HEIGHT)) / 2;
    var below = top + lines.length * LINE_HEIGHT;
    var at = [];
    for (var i = 0; i < count; i++) at.push(below + (i + 1) * CAPTION_HEIGHT - 3);
    return {
      lines: lines.map(function (line, i) { return { text: line, y: top + i * LINE_HEIGHT + NAME_SIZE * 0.95 }; }),
      caption: at[0], captions: at
    };
  }

  // vis-network calls this for every body it draws (a "custom" shape): the box, its name
  // and its counts.
  function drawBody(args) {
    var n = nodeById.get(args.id), box = at.get(args.id) || tierSize(n.tier);
    var ctx = args.ctx, x = args.x - box.w / 2, y = args.y - box.h / 2;
    return {
      nodeDimensions: { width: box.w, height: box.h },
      drawNode: function () {
        var v = visualOf(n);
        if (isCollapsed(n.id)) {  // a stack: the block's other bodies are behind it
          roundedRect(ctx, x + 5, y + 5, box.w, box.h, v.radius);
          ctx.fillStyle = "#ffffff"; ctx.fill(); ctx.lineWidth = 1.5; ctx.strokeStyle = v.border; ctx.stroke();
        }
        roundedRect(ctx, x, y, box.w, box.h, v.radius);
        ctx.fillStyle = v.fill; ctx.fill();
        ctx.setLineDash(v.dashes || []);
        ctx.lineWidth = args.state.selected ? 4 : v.width;
        ctx.strokeStyle = args.state.selected ? "#000000" : args.state.hover ? "#333333" : v.border;
        ctx.stroke();
        ctx.setLineDash([]);
        var captions = captionLines(n), rows = textRows(box, captions.length);
        ctx.textAlign = "center"; ctx.textBaseline = "alphabetic";
        ctx.fillStyle = v.ink; ctx.font = NAME_SIZE + "px " + BOX_FONT;
        rows.lines.forEach(function (line) { ctx.fillText(isolated(line.text), args.x, args.y + line.y); });
        ctx.fillStyle = v.muted; ctx.font = CAPTION_SIZE + "px " + BOX_FONT;
        captions.forEach(function (text, i) { ctx.fillText(text, args.x, args.y + rows.captions[i]); });
      }
    };
  }

  var MEMBER_SHAPES = { organisation: "hexagon", post: "diamond", person: "dot" };
  function memberPath(ctx, shape, x, y, r) {
    ctx.beginPath();
    if (shape === "diamond") { ctx.moveTo(x, y - r); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r); ctx.lineTo(x - r, y); ctx.closePath(); }
    else if (shape === "hexagon") {
      for (var i = 0; i < 6; i++) { var a = Math.PI / 3 * i; ctx[i ? "lineTo" : "moveTo"](x + r * Math.cos(a), y + r * Math.sin(a)); }
      ctx.closePath();
    } else ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
  function drawMember(args) {
    var n = nodeById.get(args.id), ctx = args.ctx;
    return {
      nodeDimensions: { width: 18, height: 18 },
      drawNode: function () {
        var style = look.kinds[n.kind], current = isCurrent(n.start, n.end, state.day);
        var mark = findingsShown() ? look.marks[n.severity] : null;
        memberPath(ctx, MEMBER_SHAPES[n.kind], args.x, args.y, 8);
        ctx.fillStyle = current ? style.fill : "#f2f2f2"; ctx.fill();
        ctx.lineWidth = args.state.selected ? 4 : mark ? mark.width : 1.5;
        ctx.strokeStyle = args.state.selected ? "#000000" : mark ? mark.border : current ? style.border : "#9e9e9e";
        ctx.stroke();
      },
      drawExternalLabel: function () {
        if (10 * network.getScale() < 3) return;  // too small to read
        if (!n.wrapped) n.wrapped = govgraphWrap(n.name, 18).split("\n").map(isolated);
        ctx.textAlign = "center"; ctx.textBaseline = "top"; ctx.font = "10px " + BOX_FONT;
        ctx.fillStyle = isCurrent(n.start, n.end, state.day) ? "#222222" : "#8a8a8a";
        n.wrapped.forEach(function (line, i) { ctx.fillText(line, args.x, args.y + 11 + i * 12); });
      }
    };
  }

  // --- reporting lines: right-angled connectors, drawn before the boxes --------------------

  // A line between blocks the overview has moved: from the child's top up to a bus above
  // it, across, and up (or down) to the parent's bottom.
  function route(childId, parentId) {
    var child = at.get(childId), parent = at.get(parentId);
    if (!child || !parent) return null;
    var from = [child.x, child.y - child.h / 2], to = [parent.x, parent.y + parent.h / 2];
    var bus = from[1] > to[1] ? from[1] - Math.min(GAP / 2, (from[1] - to[1]) / 2) : Math.min(from[1], to[1]) - GAP / 2;
    return [from, [from[0], bus], [to[0], bus], to];
  }
  function lineShown(line) {
    var child = nodeById.get(line.child), parent = nodeById.get(line.parent);
    return at.has(line.child) && at.has(line.parent) && !state.hidden.has(child.kind) && !state.hidden.has(parent.kind);
  }
  function lineLook(line) {
    var direction = directions.get(line.child + " " + line.parent) || "both";
    var current = nodeCurrent(line.child) && nodeCurrent(line.parent);
    var dimmed = state.problemsOnly && !(findingsShown() && (nodeById.get(line.child).severity || nodeById.get(line.parent).severity));
    return {
      colour: !current ? "#c4c4c4" : dimmed ? "#dddddd" : line.second ? "#8a8a8a" : look.links.reports,
      width: line.second ? 1 : 1.5,
      dashes: !current ? [2, 4] : direction === "both" ? null : [6, 4],
      up: direction === "up", down: direction === "down"
    };
  }
  // A triangle with its tip at ``end``, pointing along start -> end (as paint.py draws it).
  function arrowhead(start, end) {
    var size = 7, ux = Math.sign(end[0] - start[0]), uy = Math.sign(end[1] - start[1]);
    var bx = end[0] - ux * size, by = end[1] - uy * size;
    return [end, [bx - uy * size / 2, by + ux * size / 2], [bx + uy * size / 2, by - ux * size / 2]];
  }
  function visibleArea() {
    var a = network.DOMtoCanvas({ x: 0, y: 0 }), b = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    return { left: a.x, top: a.y, right: b.x, bottom: b.y };
  }
  function fillPolygon(ctx, points) {
    ctx.beginPath(); ctx.moveTo(points[0][0], points[0][1]);
    for (var i = 1; i < points.length; i++) ctx.lineTo(points[i][0], points[i][1]);
    ctx.closePath(); ctx.fill();
  }
  // Text too small to read: the boxes are drawn as plain shapes, many to a path.
  function lowDetail() { return network !== null && NAME_SIZE * network.getScale() < 4; }

  function drawBoxesInBatches(ctx, view) {
    var groups = new Map();
    at.forEach(function (place, id) {
      var n = nodeById.get(id);
      if (place.member || state.hidden.has(n.kind)) return;
      var left = place.x - place.w / 2, top = place.y - place.h / 2;
      if (left > view.right || left + place.w < view.left || top > view.bottom || top + place.h < view.top) return;
      var v = visualOf(n), key = v.fill + "|" + v.border + "|" + v.width;
      if (!groups.has(key)) groups.set(key, { look: v, boxes: [] });
      groups.get(key).boxes.push([left, top, place.w, place.h]);
    });
    groups.forEach(function (group) {
      ctx.beginPath();
      group.boxes.forEach(function (b) { ctx.rect(b[0], b[1], b[2], b[3]); });
      ctx.fillStyle = group.look.fill; ctx.fill();
      ctx.strokeStyle = group.look.border; ctx.lineWidth = group.look.width; ctx.stroke();
    });
    var chosen = state.selected && at.get(state.selected);
    if (chosen && !chosen.member) {
      ctx.strokeStyle = "#000000"; ctx.lineWidth = 4 / Math.max(network.getScale(), 0.05) / 4 * 3;
      ctx.strokeRect(chosen.x - chosen.w / 2, chosen.y - chosen.h / 2, chosen.w, chosen.h);
    }
  }

  function drawLines(ctx) {
    var view = visibleArea();
    // Member links: current ones in one path, the rest in another (two strokes, not one a
    // link), those wholly off screen left out.
    ctx.lineWidth = 1;
    [true, false].forEach(function (current) {
      ctx.beginPath();
      memberLinks.forEach(function (link) {
        if (isCurrent(link.start, link.end, state.day) !== current) return;
        var m = at.get(link.from), b = at.get(link.to), top = b.y + b.h / 2;
        if (Math.max(m.x, b.x) < view.left || Math.min(m.x, b.x) > view.right || m.y < view.top || top > view.bottom) return;
        ctx.moveTo(m.x, m.y - 8); ctx.lineTo(b.x, top);
      });
      ctx.strokeStyle = current ? look.links.member : "#e0e0e0";
      ctx.stroke();
    });
    // Reporting lines: one path for all the lines that look alike (a stroke each would
    // cost a frame on a chart of thousands), those wholly off screen left out.
    var groups = new Map();
    routes.forEach(function (line) {
      if (!lineShown(line)) return;
      var p = line.points, left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
      for (var k = 0; k < p.length; k++) {
        left = Math.min(left, p[k][0]); right = Math.max(right, p[k][0]);
        top = Math.min(top, p[k][1]); bottom = Math.max(bottom, p[k][1]);
      }
      if (right < view.left || left > view.right || bottom < view.top || top > view.bottom) return;
      var l = lineLook(line), key = [l.colour, l.width, l.dashes].join("|");
      if (!groups.has(key)) groups.set(key, { look: l, lines: [], heads: [] });
      var group = groups.get(key);
      group.lines.push(p);
      if (l.up) group.heads.push(arrowhead(p[p.length - 2], p[p.length - 1]));
      if (l.down) group.heads.push(arrowhead(p[1], p[0]));
    });
    groups.forEach(function (group) {
      var l = group.look;
      ctx.strokeStyle = l.colour; ctx.fillStyle = l.colour; ctx.lineWidth = l.width;
      ctx.setLineDash(l.dashes || []);
      ctx.beginPath();
      group.lines.forEach(function (p) {
        ctx.moveTo(p[0][0], p[0][1]);
        for (var i = 1; i < p.length; i++) ctx.lineTo(p[i][0], p[i][1]);
      });
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.beginPath();
      group.heads.forEach(function (h) { ctx.moveTo(h[0][0], h[0][1]); ctx.lineTo(h[1][0], h[1][1]); ctx.lineTo(h[2][0], h[2][1]); ctx.closePath(); });
      ctx.fill();
    });
  }

  // --- the network ---------------------------------------------------------------------------

  var nodes = new vis.DataSet();
  var network = null;
  // Zoomed out past reading, vis-network's own work for each box costs more than drawing
  // it: the boxes leave vis-network and are drawn in batches (drawBoxesInBatches), and a
  // click finds its box here (boxAt).
  var batched = false;
  function hiddenInNetwork(id) {
    var n = nodeById.get(id);
    return state.hidden.has(n.kind) || (batched && n.entity === "body");
  }
  function syncDetail() {
    if (lowDetail() === batched) return;
    batched = !batched;
    var updates = [];
    at.forEach(function (place, id) { if (!place.member) updates.push({ id: id, hidden: hiddenInNetwork(id) }); });
    nodes.update(updates);
  }
  function boxAt(point) {
    var found = null;
    at.forEach(function (place, id) {
      if (found || place.member || state.hidden.has(nodeById.get(id).kind)) return;
      if (Math.abs(point.x - place.x) <= place.w / 2 && Math.abs(point.y - place.y) <= place.h / 2) found = id;
    });
    return found;
  }
  function visNode(id) {
    var n = nodeById.get(id), place = at.get(id);
    return {
      id: id, x: place.x, y: place.y, shape: "custom",
      ctxRenderer: n.entity === "body" ? drawBody : drawMember,
      hidden: hiddenInNetwork(id)
    };
  }
  // Sends vis-network the boxes now drawn: new ones added, gone ones removed, moved ones moved.
  function syncNodes() {
    var shown = new Set(at.keys()), gone = [];
    nodes.getIds().forEach(function (id) { if (!shown.has(id)) gone.push(id); });
    if (gone.length) nodes.remove(gone);
    var updates = [];
    at.forEach(function (place, id) {
      var old = nodes.get(id), hidden = hiddenInNetwork(id);
      if (!old) updates.push(visNode(id));
      else if (old.x !== place.x || old.y !== place.y || old.hidden !== hidden) updates.push({ id: id, x: place.x, y: place.y, hidden: hidden });
    });
    if (updates.length) nodes.update(updates);
  }

  // The chart fills the screen below the controls, so that its bottom is on screen.
  function sizeChart() {
    var top = container.getBoundingClientRect().top + window.scrollY;
    var room = window.innerHeight - top - 12;
    if (window.innerWidth > 640 && room >= 360) container.style.height = room + "px";
  }
  sizeChart();
  compose();
  syncNodes();
  network = new vis.Network(container, { nodes: nodes, edges: new vis.DataSet() }, {
    physics: false,
    layout: { improvedLayout: false, hierarchical: { enabled: false } },
    interaction: { hover: true, tooltipDelay: 150, navigationButtons: false, keyboard: { enabled: false }, selectConnectedEdges: false },
    nodes: { font: { face: FONT } }
  });

  network.on("beforeDrawing", function (ctx) {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
    drawLines(ctx);
    if (lowDetail() !== batched) setTimeout(syncDetail, 0);
    if (batched) drawBoxesInBatches(ctx, visibleArea());
  });
  // The first view: the whole chart, unless that would make the labels too small to read
  // (a phone): then the top of the first block, at a readable size, to pan from.
  function firstView() {
    fit();
    if (NAME_SIZE * network.getScale() >= 8 || !blocks.length) return;
    var top = at.get(blocks[0].top), scale = 11 / NAME_SIZE;
    var half = container.clientHeight / 2 / scale;
    network.moveTo({ position: { x: top.x, y: top.y - top.h / 2 - 12 + half }, scale: scale, animation: false });
  }
  firstView();
  network.once("afterDrawing", function () {
    container.dataset.drawnMs = String(Math.round(performance.now()));  // for benchmarks
    container.dataset.ready = "true";
  });
  network.on("click", function (params) {
    var hit = params.nodes.length ? params.nodes[0] : batched ? boxAt(params.pointer.canvas) : null;
    if (hit) choose(hit, { toggle: true });
    else if (!params.edges.length && params.event && params.event.srcEvent && params.event.srcEvent.detail !== 0) clearSelection();
  });
  network.on("hoverNode", function (params) {
    whenReady(function () { nodes.update({ id: params.node, title: nodeTitle(params.node) }); });
  });

  // The first click selects the body under the pointer: taking focus must not scroll the
  // page (which would move the chart under the pointer between press and release).
  container.addEventListener("mousedown", function (event) {
    if (document.activeElement !== container) { event.preventDefault(); container.focus({ preventScroll: true }); }
  }, true);

  function nodeTitle(id) {
    var n = nodeById.get(id), lines;
    if (n.entity === "body") {
      lines = [isolated(n.name) + (n.short ? " (" + isolated(n.short) + ")" : ""), kindLabel(id) + " · " + id];
      if (n.aka) lines.push("also called " + n.aka.map(isolated).join(", "));
      if (n.start || n.end) lines.push((n.start || "…") + " to " + (n.end || "now"));
      if (isCollapsed(id)) {
        var c = countsOf(blockOf.get(id));
        lines.push(plural(c.bodies, "body").replace("bodys", "bodies") + (c.members === null ? "" : ", " + plural(c.members, "member")) +
          (findingsShown() ? ", " + plural(c.findings, "finding") : ""));
        lines.push("Click or press Enter to expand it in place");
      }
    } else {
      lines = [isolated(n.name), kindLabel(id) + " · " + id, plural(seatsOf(id).length, "membership") + " in the model"];
    }
    var marked = badge(n);
    if (marked) lines.push(marked);
    if (!isCurrent(n.start, n.end, state.day)) lines.push("Not current on " + state.day);
    return lines.join("\n");
  }

  function updateCounts() {
    var visible = 0;
    at.forEach(function (place, id) { if (!state.hidden.has(nodeById.get(id).kind)) visible += 1; });
    container.dataset.nodes = String(nodes.length);
    container.dataset.visibleNodes = String(visible);
    container.dataset.expanded = String(expanded.size);
  }

  function visibleIds() {
    var ids = [];
    at.forEach(function (place, id) { if (!state.hidden.has(nodeById.get(id).kind)) ids.push(id); });
    return ids;
  }
  // Fit ``ids`` (every visible box) to the screen, boxes and labels included (vis-network's
  // own fit sees the centres only).
  function fitTo(ids, most) {
    var left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
    ids.forEach(function (id) {
      var p = at.get(id);
      if (!p) return;
      var below = p.member ? 40 : 0;
      left = Math.min(left, p.x - p.w / 2 - (p.member ? 45 : 0)); right = Math.max(right, p.x + p.w / 2 + (p.member ? 45 : 0) + 8);
      top = Math.min(top, p.y - p.h / 2); bottom = Math.max(bottom, p.y + p.h / 2 + below + 8);
    });
    if (left === Infinity) return;
    var pad = 8, width = container.clientWidth - 2 * pad, height = container.clientHeight - 2 * pad;
    var scale = Math.min(width / (right - left), height / (bottom - top), most || 2);
    network.moveTo({ position: { x: (left + right) / 2, y: (top + bottom) / 2 }, scale: scale, animation: false });
  }
  function fit() { fitTo(visibleIds()); }

  // Everything drawn follows the state: lay out again (members may come or go), redraw.
  function refresh(refit) {
    compose();
    syncNodes();
    updateCounts();
    if (refit) fit();
    network.redraw();
  }

  function applyState() {
    document.querySelectorAll("tr[data-node]").forEach(function (row) {
      row.classList.toggle("not-current", !isCurrent(row.dataset.start, row.dataset.end, state.day));
    });
    document.body.classList.toggle("findings-elsewhere", !findingsShown());
    var notice = document.getElementById("findings-date");  // after this script in the page
    if (notice) notice.hidden = findingsShown();
    document.getElementById("day-summary").textContent = daySummary();
    refresh(false);
    if (state.selected) showDetails(state.selected, true);
  }

  // The summary line for the slider's date (the page's header has the audit's date).
  function daySummary() {
    if (findingsShown()) return "";
    var bodies = 0;
    data.nodes.forEach(function (n) { if (n.entity === "body" && isCurrent(n.start, n.end, state.day)) bodies += 1; });
    return "On " + state.day + ": " + plural(bodies, "body").replace("bodys", "bodies") + " existed. The findings are for " + meta.as_of + " only.";
  }

  // --- selection, expanding, keyboard -------------------------------------------------------

  function expand(top, open) {
    if (open === expanded.has(top)) return;
    if (open) expanded.add(top); else expanded.delete(top);
    refresh(false);
    if (open) fitTo(blockOf.get(top).boxes.map(function (box) { return box.id; }), 1.5);
    announce.textContent = (open ? "Expanded " : "Collapsed ") + named(top).name;
  }

  // Shows ``id``: its block expanded, its kind ticked, on screen.
  function reveal(id) {
    var node = nodeById.get(id);
    if (!node) return false;
    if (state.hidden.has(node.kind)) {
      var box = document.querySelector('input[data-kind="' + CSS.escape(node.kind) + '"]');
      if (box) box.checked = true;
      state.hidden.delete(node.kind);
    }
    var block = blockOf.get(id);
    if (block && block.top !== id && !expanded.has(block.top)) { expanded.add(block.top); }
    refresh(false);
    return at.has(id);
  }

  function onScreen(id) {
    var place = at.get(id), view = visibleArea();
    return place && place.x - place.w / 2 >= view.left && place.x + place.w / 2 <= view.right &&
      place.y - place.h / 2 >= view.top && place.y + place.h / 2 <= view.bottom;
  }

  // Select ``id`` (click, keys or search): the details panel shows it; a collapsed block's
  // box expands on click or Enter, an expanded top collapses again.
  function choose(id, how) {
    how = how || {};
    var block = blockOf.get(id);
    if (how.toggle && block && block.top === id && collapsible(block) && (layout.overview || isCollapsed(id))) {
      expand(id, !expanded.has(id));
    }
    state.selected = id;
    // "Members of the selected body": a member chosen keeps its body's members shown.
    if (nodeById.get(id).entity === "body" && state.membersOf !== id) {
      state.membersOf = id;
      if (state.members === "selected") refresh(false);
    }
    network.selectNodes(at.has(id) ? [id] : []);
    if (how.move && at.has(id) && !onScreen(id)) network.moveTo({ position: { x: at.get(id).x, y: at.get(id).y }, animation: false });
    showDetails(id);
    announce.textContent = "Selected " + named(id).name + ", " + kindLabel(id);
  }

  function clearSelection() {
    state.selected = null;
    state.membersOf = null;
    network.unselectAll();
    if (state.members === "selected") refresh(false);
    panel.replaceChildren(make("p", "Select a body or member on the chart, search for one, or use “Show on chart” in the text view."));
    delete panel.dataset.node;
    openDrawer(false);
    announce.textContent = "Nothing selected";
  }

  function byX(ids) {
    return ids.filter(function (id) { return at.has(id) && !state.hidden.has(nodeById.get(id).kind); })
      .sort(function (a, b) { return at.get(a).y - at.get(b).y || at.get(a).x - at.get(b).x; });
  }
  function tops() {
    return byX(blocks.map(function (b) { return b.top; }));
  }
  // The bodies the arrow keys go to from ``id``.
  function neighbour(id, key) {
    var node = nodeById.get(id);
    if (!node || node.entity !== "body") return null;
    var parents = byX(parentsOf.get(id) || NONE);
    if (key === "ArrowUp") return parents[0] || null;
    if (key === "ArrowDown") {
      if (isCollapsed(id)) expand(id, true);
      return byX(childrenOf.get(id) || NONE)[0] || null;
    }
    var row = parents.length ? byX(childrenOf.get(parents[0]) || NONE) : tops();
    var i = row.indexOf(id), step = key === "ArrowRight" ? 1 : -1;
    return i < 0 ? null : row[i + step] || null;
  }

  container.addEventListener("keydown", function (event) {
    var key = event.key;
    if (key === "Escape") { clearSelection(); event.preventDefault(); return; }
    if (key === "Enter" || key === " ") {
      if (state.selected) {
        choose(state.selected, { toggle: true });
        document.getElementById("details-heading").scrollIntoView({ block: "nearest" });
      }
      event.preventDefault();
      return;
    }
    if (["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"].indexOf(key) < 0) {
      if (key === "+" || key === "=" || key === "-") {
        network.moveTo({ scale: network.getScale() * (key === "-" ? 0.8 : 1.25), animation: false });
        event.preventDefault();
      }
      return;
    }
    event.preventDefault();
    var next = state.selected && nodeById.get(state.selected).entity === "body" ? neighbour(state.selected, key) : tops()[0];
    if (next) choose(next, { move: true });
    else announce.textContent = { ArrowUp: "No body above", ArrowDown: "No body below", ArrowLeft: "No body to the left", ArrowRight: "No body to the right" }[key];
  });

  // --- the details panel ---------------------------------------------------------------------

  function addList(parent, heading, entries, render, empty) {
    parent.appendChild(make("h4", heading));
    if (!entries.length) { parent.appendChild(make("p", empty || "None.", "muted")); return; }
    var ul = make("ul");
    entries.forEach(function (entry) { ul.appendChild(render(entry)); });
    parent.appendChild(ul);
  }

  function refElement(id) {
    if (nodeById.has(id)) {
      var button = make("button", named(id).name, "link");
      button.type = "button";
      button.dir = "auto";
      button.addEventListener("click", function () { focusNode(id, true); });
      return button;
    }
    return bidiText(id ? named(id).name : "—");
  }

  function addFacts(parent, facts) {
    var dl = make("dl");
    facts.forEach(function (fact) {
      if (fact[1] === null || fact[1] === undefined || fact[1] === "") return;
      dl.appendChild(make("dt", fact[0]));
      var value = make("dd");
      if (fact[2]) value.appendChild(refElement(fact[1]));
      else { value.textContent = String(fact[1]); value.dir = "auto"; }
      dl.appendChild(value);
    });
    parent.appendChild(dl);
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
      ["Member", "Role", "Dates", "Notes"].forEach(function (h) { var th = make("th", h); th.scope = "col"; head.appendChild(th); });
      table.appendChild(make("thead")).appendChild(head);
      var body = table.appendChild(make("tbody"));
      shown.forEach(function (m) {
        var row = make("tr");
        var who = make("td");
        who.appendChild(refElement(m.member));
        var held = holdersOn(m.member);
        if (data.holders[m.member]) {
          var note = make("span", held.length ? " (held by " : " (vacant)", "muted");
          if (held.length) { note.appendChild(bidiText(held.join(", "))); note.appendChild(document.createTextNode(")")); }
          who.appendChild(note);
        }
        if (m.on_behalf_of) {
          var behalf = make("span", " on behalf of ", "muted behalf");
          behalf.appendChild(bidiText(named(m.on_behalf_of).name));
          who.appendChild(behalf);
        }
        row.appendChild(who);
        row.appendChild(make("td", roleOf(m) + (m.voting === false ? ", non-voting" : "")));
        row.appendChild(make("td", span(m.from, m.to)));
        var notes = [];
        if (m.term_ends) notes.push("term ends " + m.term_ends);
        if (m.reviewed) notes.push("reviewed " + m.reviewed);
        if (m.note) notes.push(m.note);
        if (!isCurrent(m.from, m.to, state.day)) notes.push("not current on " + state.day);
        var cell = make("td", notes.join("; "));
        cell.dir = "auto";
        row.appendChild(cell);
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
    if (!findingsShown()) {
      parent.appendChild(make("h4", "Its findings"));
      parent.appendChild(make("p", "The findings are for " + meta.as_of + "; move the date back to see them.", "muted"));
      return;
    }
    addList(parent, "Its findings (" + indices.length + ")", indices, function (i) {
      var f = data.findings[i];
      var item = make("li");
      item.appendChild(make("span", f.severity + ": ", "problem-" + f.severity));
      var message = make("span", f.message + " [" + f.check + ", " + f.file + (f.line ? ":" + f.line : "") + "]");
      message.dir = "auto";
      item.appendChild(message);
      return item;
    }, "No findings on " + meta.as_of + ".");
  }

  function showBody(id, d, out) {
    var node = nodeById.get(id), members = membersOf(id);
    var chairs = members.filter(function (m) { return m.role === "chair" && isCurrent(m.from, m.to, state.day); })
      .map(function (m) { var held = holdersOn(m.member); return named(m.member).name + (held.length ? " (" + held.join(", ") + ")" : ""); });
    addFacts(out, [
      ["Short name", node.short], ["Also called", node.aka ? node.aka.join(", ") : null],
      ["Kind", kindLabel(id) + (d.root ? " (a root of the structure)" : "")],
      ["Established", node.start], ["Dissolved", node.end], ["Predecessor", d.predecessor, true],
      ["Hosted by", d.hosted_by, true], ["Meets", d.meets],
      ["Chair on " + state.day, chairs.length ? chairs.join(", ") : "none"],
      ["Written in", d.file ? d.file + (d.line ? ":" + d.line : "") : null]
    ]);
    var block = blockOf.get(id);
    if (block && block.top === id && collapsible(block)) {
      var c = countsOf(block);
      var toggle = make("button", (expanded.has(id) ? "Collapse" : "Expand") + " its " + plural(c.bodies - 1, "body").replace("bodys", "bodies") + " on the chart");
      toggle.type = "button";
      toggle.addEventListener("click", function () { expand(id, !expanded.has(id)); showDetails(id, true); });
      out.appendChild(toggle);
    }
    membersTable(out, members);
    addList(out, "Reports to", records(d.reports_to, data.fields.line), lineItem, "Reports to no body.");
    addList(out, "Receives reports from", records(d.reported_by, data.fields.line), lineItem, "No body reports to it.");
  }

  function showMember(id, d, out) {
    var node = nodeById.get(id), type = node.entity, org = type === "organisation";
    addFacts(out, [
      ["Kind", d.kind], ["Also called", node.aka ? node.aka.join(", ") : null],
      ["Tags", d.tags && d.tags.length ? d.tags.join(", ") : null],
      ["Established", org ? node.start : null], ["Dissolved", org ? node.end : null],
      ["Succeeded by", d.succeeded_by, true],
      ["Organisation", d.organisation, true], ["Left", type === "person" ? node.end : null],
      ["Written in", d.file ? d.file + (d.line ? ":" + d.line : "") : null]
    ]);
    if (type === "post") {
      addList(out, "Holders", records(data.holders[id], data.fields.holder), function (h) {
        var item = make("li");
        item.appendChild(bidiText(named(h.person).name));
        item.appendChild(document.createTextNode(", " + span(h.from, h.to)));
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
      item.appendChild(make("span", note));
      if (s.on_behalf_of) {
        item.appendChild(make("span", ", on behalf of ", "behalf"));
        item.appendChild(bidiText(named(s.on_behalf_of).name));
      }
      return item;
    }, "No memberships.");
  }

  function showDetails(id, again) {
    if (!ready()) { whenReady(function () { showDetails(id, again); }); return; }
    var d = data.details[id];
    if (!d) return;
    if (!again && panel.dataset.node !== id) state.allMembers = false;
    var out = document.createDocumentFragment();
    var heading = make("h3", named(id).name);
    heading.dir = "auto";
    out.appendChild(heading);
    var node = nodeById.get(id);
    var line = kindLabel(id) + " · " + id;
    if (node && !isCurrent(node.start, node.end, state.day)) line += " · not current on " + state.day;
    out.appendChild(make("p", line, "muted"));
    if (node.entity === "body") showBody(id, d, out); else showMember(id, d, out);
    findingsList(out, list(d.findings));
    panel.replaceChildren(out);
    panel.dataset.node = id;
    openDrawer(true);
  }

  // The details drawer: over the chart's right side, the selected box kept clear of it.
  var drawer = document.getElementById("details");
  function openDrawer(open) {
    drawer.hidden = !open;
    if (!open) return;
    drawer.style.top = container.offsetTop + 1 + "px";
    drawer.style.maxHeight = container.clientHeight + "px";
    var place = state.selected && at.get(state.selected);
    if (!place || getComputedStyle(drawer).position !== "absolute") return;
    var dom = network.canvasToDOM({ x: place.x + place.w / 2, y: place.y });
    var room = container.clientWidth - drawer.offsetWidth - 12;
    if (dom.x > room) {
      var shift = (dom.x - room) / network.getScale();
      var view = network.getViewPosition();
      network.moveTo({ position: { x: view.x + shift, y: view.y }, animation: false });
    }
  }
  document.getElementById("details-close").addEventListener("click", function () { clearSelection(); container.focus({ preventScroll: true }); });

  // Focus a node from search, the findings list or the text view.
  function focusNode(id, moveFocus) {
    loadRest();
    if (!nodeById.has(id)) {
      searchStatus.textContent = named(id).name + " is not drawn in this chart (render with --focus " + id + " to see it).";
      return false;
    }
    var node = nodeById.get(id);
    if (node.entity !== "body" && meta.members && state.members === "none") setMembers("selected", true);
    if (node.entity !== "body") {
      var seat = seatsOf(id).filter(function (s) { return nodeById.has(s.body) && isCurrent(s.from, s.to, state.day); })[0] ||
        seatsOf(id).filter(function (s) { return nodeById.has(s.body); })[0];
      if (seat) { reveal(seat.body); state.membersOf = seat.body; refresh(false); }
    }
    reveal(id);
    choose(id);
    if (at.has(id)) network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: false });
    if (moveFocus) document.getElementById("details-heading").focus();
    return true;
  }

  // --- search ----------------------------------------------------------------------------------

  var index = null;
  function searchable() {
    if (!index) {
      index = data.nodes.concat(data.member_nodes).map(function (n) {
        return {
          id: n.id, name: n.name, body: n.entity === "body", node: n,
          words: [n.name, n.short || ""].concat(n.aka || []).map(function (w) { return w.toLowerCase(); })
        };
      });
    }
    return index;
  }

  // How well ``entry`` matches ``q`` (lower is better), or -1: its id, a whole name (or
  // short or other name), the start of one, a word in one, anywhere in one.
  function quality(entry, q) {
    if (entry.id === q) return 0;
    var best = -1;
    entry.words.forEach(function (w) {
      if (!w) return;
      var score = w === q ? 1 : w.indexOf(q) === 0 ? 2 : (" " + w).indexOf(" " + q) >= 0 ? 3 : w.indexOf(q) >= 0 ? 4 : -1;
      if (score >= 0 && (best < 0 || score < best)) best = score;
    });
    if (best < 0 && entry.id.indexOf(q) >= 0) best = 5;
    return best;
  }

  // Every match, best first: current on the slider's date first, then by how well it
  // matches, bodies before members, then by name.
  function matches(query) {
    var q = query.trim().toLowerCase();
    if (!q || !ready()) return [];
    var hits = [];
    searchable().forEach(function (entry) {
      var score = quality(entry, q);
      if (score >= 0) hits.push({ entry: entry, score: score, current: isCurrent(entry.node.start, entry.node.end, state.day) });
    });
    hits.sort(function (a, b) {
      return (b.current - a.current) || (a.score - b.score) || (b.entry.body - a.entry.body) || a.entry.name.localeCompare(b.entry.name);
    });
    return hits.map(function (h) { return h.entry; });
  }
  function find(query) { return matches(query)[0] || null; }

  function suggest() {
    searchBox.removeEventListener("focus", suggest);
    searchBox.removeEventListener("input", suggest);
    if (!ready()) { whenReady(suggest); return; }
    var options = document.createDocumentFragment();
    var names = new Set();
    searchable().forEach(function (entry) { names.add(entry.node.name); (entry.node.aka || []).forEach(function (a) { names.add(a); }); });
    Array.from(names).sort(function (a, b) { return a.localeCompare(b); }).forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      options.appendChild(option);
    });
    document.getElementById("search-names").appendChild(options);
  }
  searchBox.addEventListener("focus", suggest);
  searchBox.addEventListener("input", suggest);

  function search() {
    if (!ready()) { whenReady(search); return null; }
    var hit = find(searchBox.value);
    if (!hit) {
      searchStatus.textContent = "Nothing in this chart matches “" + searchBox.value.trim() + "”.";
      return null;
    }
    focusNode(hit.id);
    var current = isCurrent(hit.node.start, hit.node.end, state.day) ? "" : ", not current on " + state.day;
    searchStatus.textContent = "Found " + hit.name + " (" + hit.id + current + ").";
    return hit.id;
  }
  document.getElementById("search-go").addEventListener("click", search);
  searchBox.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); search(); }
  });

  // --- controls ----------------------------------------------------------------------------------

  function clampDay(day) {
    var first = slider.dataset.first, last = dayAt(slider.max);
    return day < first ? first : day > last ? last : day;
  }
  function setDate(day) {
    day = clampDay(day);
    state.day = day;
    slider.value = String(indexOf(day));
    slider.setAttribute("aria-valuetext", day);
    dateLabel.textContent = day;
    if (dateBox.value !== day) dateBox.value = day;
    applyState();
  }
  function addMonths(day, months) {
    var y = Number(day.slice(0, 4)), m = Number(day.slice(5, 7)) - 1 + months, d = Number(day.slice(8, 10));
    y += Math.floor(m / 12); m = ((m % 12) + 12) % 12;
    var last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
  }
  function setProblemsOnly(on) {
    state.problemsOnly = Boolean(on);
    document.getElementById("problems-only").checked = state.problemsOnly;
    applyState();
  }
  function setMembers(mode, quiet) {
    state.members = mode;
    var select = document.getElementById("members-view");
    if (select) select.value = mode;
    refresh(!quiet);
  }

  slider.addEventListener("input", function () { setDate(dayAt(slider.value)); });
  dateBox.addEventListener("change", function () { if (/^\d{4}-\d{2}-\d{2}$/.test(dateBox.value)) setDate(dateBox.value); });
  document.getElementById("month-back").addEventListener("click", function () { setDate(addMonths(state.day, -1)); });
  document.getElementById("month-on").addEventListener("click", function () { setDate(addMonths(state.day, 1)); });
  document.getElementById("date-reset").addEventListener("click", function () { setDate(meta.as_of); });
  document.getElementById("problems-only").addEventListener("change", function (event) { setProblemsOnly(event.target.checked); });
  document.getElementById("fit").addEventListener("click", fit);
  var membersView = document.getElementById("members-view");
  if (membersView) membersView.addEventListener("change", function () { setMembers(membersView.value); });
  document.getElementById("expand-all").addEventListener("click", function () {
    var open = expanded.size < blocks.filter(collapsible).length;
    blocks.forEach(function (b) { if (collapsible(b)) { if (open) expanded.add(b.top); else expanded.delete(b.top); } });
    refresh(true);
  });

  document.querySelectorAll("input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) state.hidden.delete(box.dataset.kind); else state.hidden.add(box.dataset.kind);
      refresh(true);
    });
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("#findings-back")) { setDate(meta.as_of); return; }
    var button = event.target.closest("button[data-node]");
    if (!button) return;
    if (button.dataset.node) { focusNode(button.dataset.node, true); return; }
    var finding = data.findings[Number(button.dataset.finding)];
    var about = finding ? named(finding.subject.split("/")[0]).name : "That finding";
    searchStatus.textContent = about + " is not drawn in this chart.";
  });

  // --- the picture for print and "Save as PNG" (picture.js) --------------------------------------

  function scene() {
    var boxes = [], lines = [], members = [];
    at.forEach(function (place, id) {
      var n = nodeById.get(id);
      if (state.hidden.has(n.kind)) return;
      if (place.member) {
        var style = look.kinds[n.kind];
        members.push({ id: id, x: place.x, y: place.y, shape: MEMBER_SHAPES[n.kind], fill: style.fill, border: style.border, lines: govgraphWrap(n.name, 18).split("\n") });
        return;
      }
      var captions = captionLines(n), rows = textRows(place, captions.length);
      boxes.push({
        id: id, name: n.name, x: place.x - place.w / 2, y: place.y - place.h / 2, w: place.w, h: place.h,
        look: visualOf(n), stacked: isCollapsed(id), meta: captions.join(" · "),
        lines: rows.lines.map(function (line) { return { text: line.text, y: place.h / 2 + line.y }; }),
        captions: captions.map(function (text, i) { return { text: text, y: place.h / 2 + rows.captions[i] }; }),
        nameSize: NAME_SIZE, metaSize: CAPTION_SIZE
      });
    });
    routes.forEach(function (line) {
      if (lineShown(line)) lines.push({ points: line.points, look: lineLook(line) });
    });
    memberLinks.forEach(function (link) {
      var m = at.get(link.from), b = at.get(link.to);
      lines.push({ points: [[m.x, m.y - 8], [b.x, b.y + b.h / 2]], look: { colour: look.links.member, width: 1 } });
    });
    var legend = data.legend.filter(function (k) { return !state.hidden.has(k.kind); });
    return {
      title: meta.title, width: bounds.w, height: bounds.h, font: FONT, boxFont: BOX_FONT,
      subtitle: "On " + state.day + (findingsShown() ? " · findings as of " + meta.as_of : " · findings (as of " + meta.as_of + ") not shown") +
        " · " + meta.view, boxes: boxes, lines: lines, members: members, legend: legend, marks: look.marks,
      generator: meta.generator
    };
  }

  var printed = document.getElementById("print-chart");
  function preparePrint() { printed.replaceChildren(govgraphPicture(scene(), { paper: true })); }
  window.addEventListener("beforeprint", preparePrint);
  if (window.matchMedia) window.matchMedia("print").addEventListener("change", function (q) { if (q.matches) preparePrint(); });

  document.getElementById("save-png").addEventListener("click", function () {
    var name = (meta.model.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "chart") + "-" + state.day + ".png";
    govgraphPng(scene(), function (url) {
      var link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      container.dataset.savedPng = url.length > 0 ? "true" : "false";
    });
  });

  // On a narrow screen the controls fold away under the chart's own button.
  var fold = document.getElementById("controls-fold");
  if (fold && window.matchMedia && window.matchMedia("(max-width: 40rem)").matches) fold.open = false;

  updateCounts();
  if (meta.focus) focusNode(meta.focus);
  // The boxes' member counts need the memberships, read after the first drawing.
  whenReady(function () { setTimeout(function () { network.redraw(); }, 0); });

  window.govgraph = {
    network: network, nodes: nodes, data: data, state: state, at: at, expanded: expanded,
    setDate: setDate, setProblemsOnly: setProblemsOnly, setMembers: setMembers, focusNode: focusNode,
    find: find, matches: matches, search: search, expand: expand, choose: choose,
    nodeTitle: nodeTitle, wrapText: govgraphWrap, scene: scene, fit: fit,
    labelSize: function () { return NAME_SIZE * network.getScale(); }
  };
}());
