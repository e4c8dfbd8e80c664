/* The chart as a vector picture: what the page prints, and what "Save as PNG" rasterises.
 *
 * govgraphPicture(scene) builds an <svg> from the scene the chart's script describes
 * (chart.js, scene()): the same boxes, labels and right-angled lines at the same
 * positions as on screen, with a title, the date and a legend above them. Model text goes
 * in with textContent only. govgraphPng(scene, done) draws that SVG onto a canvas at twice
 * its size (up to 8,000 pixels across) and hands ``done`` a PNG data URL.
 */
var govgraphPicture, govgraphPng;
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var HEADER = 150, MARGIN = 30;
  var FSI = "\u2068", PDI = "\u2069";

  function el(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function rect(x, y, w, h, r, fill, stroke, width, dashes) {
    var attrs = { x: x, y: y, width: w, height: h, rx: r, fill: fill, stroke: stroke, "stroke-width": width };
    if (dashes) attrs["stroke-dasharray"] = dashes.join(" ");
    return el("rect", attrs);
  }

  function shape(kind, x, y, r, fill, stroke) {
    var points;
    if (kind === "diamond") points = [[x, y - r], [x + r, y], [x, y + r], [x - r, y]];
    else if (kind === "hexagon") {
      points = [];
      for (var i = 0; i < 6; i++) points.push([x + r * Math.cos(Math.PI / 3 * i), y + r * Math.sin(Math.PI / 3 * i)]);
    } else return el("circle", { cx: x, cy: y, r: r, fill: fill, stroke: stroke, "stroke-width": 1.5 });
    return el("polygon", { points: points.map(function (p) { return p.join(","); }).join(" "), fill: fill, stroke: stroke, "stroke-width": 1.5 });
  }

  function box(b, font) {
    var g = el("g");
    var v = b.look;
    if (b.stacked) g.appendChild(rect(b.x + 6, b.y + 6, b.w, b.h, v.radius, "#ffffff", v.border, 1.5));
    g.appendChild(rect(b.x, b.y, b.w, b.h, v.radius, v.fill, v.border, v.width, v.dashes));
    var lead = b.nameSize * 1.15, cx = b.x + b.w / 2;
    var top = b.y + (b.h - b.lines.length * lead - b.metaSize * 1.2) / 2 + b.nameSize * 0.5;
    b.lines.forEach(function (line, i) {
      g.appendChild(el("text", {
        x: cx, y: top + i * lead, "text-anchor": "middle", "dominant-baseline": "central",
        "font-family": font, "font-size": b.nameSize, "font-weight": 600, fill: v.ink
      }, FSI + line + PDI));
    });
    g.appendChild(el("text", {
      x: cx, y: top + b.lines.length * lead + b.metaSize * 0.45, "text-anchor": "middle",
      "dominant-baseline": "central", "font-family": font, "font-size": b.metaSize, fill: v.muted
    }, b.meta));
    return g;
  }

  function line(l, font) {
    var g = el("g"), p = l.points, look = l.look;
    var attrs = {
      points: p.map(function (q) { return q.join(","); }).join(" "), fill: "none",
      stroke: look.colour, "stroke-width": look.width || 2
    };
    if (look.dashes) attrs["stroke-dasharray"] = look.dashes.join(" ");
    g.appendChild(el("polyline", attrs));
    function head(x, y, pointing) {
      g.appendChild(el("polygon", { points: [x, y, x - 7, y - pointing * 12, x + 7, y - pointing * 12].join(" "), fill: look.colour }));
    }
    if (look.up) head(p[0][0], p[0][1], -1);
    if (look.down) head(p[p.length - 1][0], p[p.length - 1][1], 1);
    if (look.label) {
      g.appendChild(el("text", {
        x: p[p.length - 1][0] + 6, y: (p[p.length - 2][1] + p[p.length - 1][1]) / 2,
        "font-family": font, "font-size": 14, fill: look.colour, "dominant-baseline": "central"
      }, look.label));
    }
    return g;
  }

  // The title, the date and the key, above the chart; as wide as the chart (at least 1,100
  // units, so that a small chart's heading still reads).
  function header(scene, width) {
    var g = el("g", { "font-family": scene.font });
    g.appendChild(el("text", { x: MARGIN, y: 44, "font-size": 32, "font-weight": 700, fill: "#111111" }, FSI + scene.title + PDI));
    g.appendChild(el("text", { x: MARGIN, y: 80, "font-size": 18, fill: "#444444" }, scene.subtitle));
    var x = MARGIN, y = 118;
    function key(draw, label) {
      var step = 36 + label.length * 8.5;
      if (x + step > width - MARGIN) { x = MARGIN; y += 28; }
      g.appendChild(draw(x, y));
      g.appendChild(el("text", { x: x + 30, y: y, "font-size": 15, fill: "#222222", "dominant-baseline": "central" }, label));
      x += step;
    }
    scene.legend.forEach(function (k) {
      key(function (x0, y0) {
        return k.shape === "dot" || k.shape === "diamond" || k.shape === "hexagon"
          ? shape(k.shape, x0 + 11, y0, 9, k.fill, k.border)
          : rect(x0, y0 - 9, 24, 18, k.shape === "ellipse" ? 7 : k.rounded ? 4 : 0, k.fill, k.border, 1.5);
      }, k.label);
    });
    key(function (x0, y0) { return rect(x0, y0 - 9, 24, 18, 0, "#ffffff", scene.marks.error.border, 4); }, "error");
    key(function (x0, y0) { return rect(x0, y0 - 9, 24, 18, 0, "#ffffff", scene.marks.warning.border, 4, scene.marks.warning.dashes); }, "warning");
    key(function (x0, y0) { return el("line", { x1: x0, y1: y0, x2: x0 + 24, y2: y0, stroke: "#404040", "stroke-width": 2 }); }, "reports both ways");
    key(function (x0, y0) { return el("line", { x1: x0, y1: y0, x2: x0 + 24, y2: y0, stroke: "#404040", "stroke-width": 2, "stroke-dasharray": "10 6" }); }, "one way only");
    key(function (x0, y0) { return rect(x0, y0 - 9, 24, 18, 0, "#f2f2f2", "#9e9e9e", 1.5, [3, 3]); }, "not current on the date");
    return { g: g, height: y + 30 };
  }

  govgraphPicture = function (scene, options) {
    var width = Math.max(scene.width + 2 * MARGIN, 1100);
    var head = header(scene, width);
    var height = head.height + scene.height + 2 * MARGIN;
    var svg = el("svg", { xmlns: SVG, viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": scene.title + ": chart" });
    if (!(options && options.paper)) { svg.setAttribute("width", width); svg.setAttribute("height", height); }
    svg.appendChild(rect(0, 0, width, height, 0, "#ffffff", "none", 0));
    svg.appendChild(head.g);
    var chart = el("g", { transform: "translate(" + (MARGIN + (width - 2 * MARGIN - scene.width) / 2) + "," + (head.height + MARGIN) + ")" });
    scene.lines.forEach(function (l) { chart.appendChild(line(l, scene.font)); });
    scene.boxes.forEach(function (b) { chart.appendChild(box(b, scene.font)); });
    scene.members.forEach(function (m) {
      chart.appendChild(shape(m.shape, m.x, m.y, 12, m.fill, m.border));
      m.lines.forEach(function (text, i) {
        chart.appendChild(el("text", { x: m.x, y: m.y + 28 + i * 16, "text-anchor": "middle", "font-family": scene.font, "font-size": 14, fill: "#222222" }, FSI + text + PDI));
      });
    });
    svg.appendChild(chart);
    return svg;
  };

  govgraphPng = function (scene, done) {
    var svg = govgraphPicture(scene);
    var width = Number(svg.getAttribute("width")), height = Number(svg.getAttribute("height"));
    var scale = Math.min(2, 8000 / width, 8000 / height);
    var text = new XMLSerializer().serializeToString(svg);
    var image = new Image();
    image.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      var ctx = canvas.getContext("2d");
      ctx.scale(scale, scale);
      ctx.drawImage(image, 0, 0);
      done(canvas.toDataURL("image/png"));
    };
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
  };
}());
