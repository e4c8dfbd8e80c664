/* Labels wrapped as govgraph has always wrapped them: a port of Python's textwrap.
 *
 * govgraphWrap(text, width) gives the lines of ``text`` exactly as
 * textwrap.wrap(text, width, break_on_hyphens=False) does, joined by newlines. The chart's
 * script (which follows this in the page's one script) wraps each node's label with it:
 * the labels used to be wrapped in Python, and tests/browser compares the two on random
 * text, white space, long words and characters outside the Basic Multilingual Plane.
 */
var govgraphWrap = (function () {
  "use strict";

  // What Python's str.strip() removes. Characters are code points, as in Python.
  var PYTHON_SPACE = /^[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;
  function blank(chunk) { return PYTHON_SPACE.test(chunk.join("")); }
  // The original text when wrapping gives no line (as "\n".join(...) or text in Python).
  function wrapText(text, width) {
    var chars = Array.from(text);
    if (chars.length <= width && !/[\s\x1c-\x1f\x85]/.test(text)) return text;  // one word, short
    // Tabs to the next multiple of 8 columns, then each ASCII white space a space.
    var spaced = [], column = 0;
    chars.forEach(function (c) {
      if (c === "\t") {
        do { spaced.push(" "); column += 1; } while (column % 8);
      } else {
        spaced.push("\n\x0b\x0c\r".indexOf(c) >= 0 ? " " : c);
        column = c === "\n" || c === "\r" ? 0 : column + 1;
      }
    });
    // Chunks: runs of spaces and runs of anything else, as lists of characters.
    var chunks = [];
    spaced.forEach(function (c) {
      var last = chunks[chunks.length - 1];
      if (last && (last[0] === " ") === (c === " ")) last.push(c); else chunks.push([c]);
    });
    chunks.reverse();  // the next chunk is the last
    var lines = [];
    while (chunks.length) {
      var line = [], length = 0;
      if (lines.length && blank(chunks[chunks.length - 1])) chunks.pop();  // no space starts a line
      while (chunks.length && length + chunks[chunks.length - 1].length <= width) {
        length += chunks[chunks.length - 1].length;
        line.push(chunks.pop());
      }
      var next = chunks[chunks.length - 1];
      if (next && next.length > width) {  // a word longer than a line: break it to fill this one
        line.push(next.slice(0, width - length));
        chunks[chunks.length - 1] = next.slice(width - length);
      }
      if (line.length && blank(line[line.length - 1])) line.pop();  // nor ends one
      if (line.length) lines.push(line.map(function (chunk) { return chunk.join(""); }).join(""));
    }
    return lines.length ? lines.join("\n") : text;
  }

  return wrapText;
}());
