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
  var MARGIN = 24;
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
    g.appendChild(el("title", {}, b.name));
    if (b.stacked) g.appendChild(rect(b.x + 5, b.y + 5, b.w, b.h, v.radius, "#ffffff", v.border, 1.5));
    g.appendChild(rect(b.x, b.y, b.w, b.h, v.radius, v.fill, v.border, v.width, v.dashes));
    var cx = b.x + b.w / 2;
    b.lines.forEach(function (line) {
      g.appendChild(el("text", { x: cx, y: b.y + line.y, "text-anchor": "middle", "font-family": font, "font-size": b.nameSize, fill: v.ink }, FSI + line.text + PDI));
    });
    b.captions.forEach(function (caption) {
      g.appendChild(el("text", { x: cx, y: b.y + caption.y, "text-anchor": "middle", "font-family": font, "font-size": b.metaSize, fill: v.muted }, caption.text));
    });
    return g;
  }

  // A triangle with its tip at ``end``, pointing along start -> end.
  function arrowhead(start, end) {
    var size = 7, ux = Math.sign(end[0] - start[0]), uy = Math.sign(end[1] - start[1]);
    var bx = end[0] - ux * size, by = end[1] - uy * size;
    return [end, [bx - uy * size / 2, by + ux * size / 2], [bx + uy * size / 2, by - ux * size / 2]];
  }

  function line(l) {
    var g = el("g"), p = l.points, look = l.look;
    var attrs = { points: p.map(function (q) { return q.join(","); }).join(" "), fill: "none", stroke: look.colour, "stroke-width": look.width || 1.5 };
    if (look.dashes) attrs["stroke-dasharray"] = look.dashes.join(" ");
    g.appendChild(el("polyline", attrs));
    function head(points) { g.appendChild(el("polygon", { points: points.map(function (q) { return q.join(","); }).join(" "), fill: look.colour })); }
    if (look.up) head(arrowhead(p[p.length - 2], p[p.length - 1]));
    if (look.down) head(arrowhead(p[1], p[0]));
    return g;
  }

  // The title, the date and the key, above the chart; as wide as the chart (at least 720
  // px, so that a small chart's heading still reads).
  function header(scene, width) {
    var g = el("g", { "font-family": scene.font });
    g.appendChild(el("text", { x: MARGIN, y: 30, "font-size": 20, "font-weight": 700, fill: "#111111" }, FSI + scene.title + PDI));
    g.appendChild(el("text", { x: MARGIN, y: 50, "font-size": 12, fill: "#444444" }, scene.subtitle));
    var x = MARGIN, y = 72;
    function key(draw, label) {
      var step = 30 + label.length * 6.4;
      if (x + step > width - MARGIN) { x = MARGIN; y += 20; }
      g.appendChild(draw(x, y));
      g.appendChild(el("text", { x: x + 22, y: y + 4, "font-size": 11, fill: "#222222" }, label));
      x += step;
    }
    function swatch(fill, stroke, width, radius, dashes) {
      return function (x0, y0) { return rect(x0, y0 - 6, 18, 12, radius, fill, stroke, width, dashes); };
    }
    function stroke(dashes) {
      return function (x0, y0) {
        var attrs = { x1: x0, y1: y0, x2: x0 + 18, y2: y0, stroke: "#404040", "stroke-width": 1.5 };
        if (dashes) attrs["stroke-dasharray"] = dashes;
        return el("line", attrs);
      };
    }
    scene.legend.forEach(function (k) {
      key(k.shape === "dot" || k.shape === "diamond" || k.shape === "hexagon"
        ? function (x0, y0) { return shape(k.shape, x0 + 8, y0, 6, k.fill, k.border); }
        : swatch(k.fill, k.border, 1.5, k.shape === "ellipse" ? 6 : k.rounded ? 3 : 0), k.label);
    });
    key(swatch("#ffffff", scene.marks.error.border, 3, 0), "error");
    key(swatch("#ffffff", scene.marks.warning.border, 3, 0, scene.marks.warning.dashes), "warning");
    key(stroke(null), "reports both ways");
    key(stroke("6 4"), "one way (arrow: which way)");
    key(swatch("#f2f2f2", "#9e9e9e", 1.5, 0, [2, 2]), "not current on the date");
    return { g: g, height: y + 22 };
  }

  govgraphPicture = function (scene, options) {
    var width = Math.max(scene.width + 2 * MARGIN, 720);
    var head = header(scene, width);
    var height = head.height + scene.height + 2 * MARGIN;
    var svg = el("svg", { xmlns: SVG, viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": scene.title + ": chart" });
    if (!(options && options.paper)) { svg.setAttribute("width", width); svg.setAttribute("height", height); }
    svg.appendChild(rect(0, 0, width, height, 0, "#ffffff", "none", 0));
    svg.appendChild(head.g);
    var chart = el("g", { transform: "translate(" + (MARGIN + (width - 2 * MARGIN - scene.width) / 2) + "," + (head.height + MARGIN) + ")" });
    scene.lines.forEach(function (l) { chart.appendChild(line(l)); });
    scene.boxes.forEach(function (b) { chart.appendChild(box(b, scene.boxFont)); });
    scene.members.forEach(function (m) {
      chart.appendChild(shape(m.shape, m.x, m.y, 12, m.fill, m.border));
      m.lines.forEach(function (text, i) {
        chart.appendChild(el("text", { x: m.x, y: m.y + 22 + i * 12, "text-anchor": "middle", "font-family": scene.boxFont, "font-size": 10, fill: "#222222" }, FSI + text + PDI));
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
