/// The MuPDF JavaScript that performs true PDF redaction in a child process:
/// `mutool run <script.js> INPUT.pdf OUTPUT.pdf PLAN.json` (Debian's `mupdf-tools`, MuPDF 1.21;
/// the few API differences of newer versions are feature-tested). libmupdf is never linked
/// (AGPL): the caller writes `source` to a temporary file and runs `mutool` on it.
///
/// PLAN.json (UTF-8):
/// ```
/// { "pages": [ { "page": 1, "rects": [[x0, y0, x1, y1], ...],    // 1-based pages, PDF points
///                "boxes": [[x0, y0, x1, y1], ...] }, ... ],      // optional, same coordinates as rects
///   "coords": "page",            // optional. "page" (default): poppler-glib's text-layout space, which
///                                //   is MuPDF's page space: origin top-left of the crop box, y down,
///                                //   AFTER the page's /Rotate (poppler_page_get_text_layout boxes as they
///                                //   come). "unrotated": top-left of the crop box BEFORE /Rotate.
///   "fill": [0, 0, 0],           // optional. RGB 0...1 of the drawn boxes
///   "sanitize": false,           // optional. true: delete every annotation but links, clear every form value
///   "strip_texts": ["山田 太郎"] }  // optional. Compared with white space removed on both sides
/// ```
/// Rects are used as given, never grown. MuPDF 1.21 removes a glyph when its box (advance width by
/// the font's full height, shrunk by a tenth each way) intersects a rect: callers shrink line boxes
/// across the line direction (vertically for horizontal text, horizontally for vertical text) but
/// keep them whole along it; exact glyph edges between neighbours are safe.
///
/// `boxes` only says where the fill-coloured boxes are drawn: without it (absent or null) they are
/// drawn at the entry's rects; with it, at its boxes instead (`[]`: none for that entry), e.g. the
/// whole line boxes whose shrunk versions are the rects, so the bars cover the full glyph height.
/// Boxes are checked like rects (empty ones skipped) and are paint only, drawn after the redactions
/// are applied: nothing under a box is removed unless a rect covers it too (an entry with boxes and
/// no rects hides live, extractable text, like any drawn cover). The counts (`rects`,
/// `pages_redacted`) and the checks (`collateral_*`, text readable under a rect) concern rects only.
///
/// Under each rect the script removes text and blanks image pixels (MuPDF `applyRedactions`, images
/// kept), draws the boxes (at `boxes` where given), and deletes every annotation and link the rect touches (widgets: their
/// values and appearances are cleared). Anywhere: annotations holding a strip text (/Contents, /T,
/// /Subj, /RC), links whose target holds one, file attachment and media annotations, form values
/// holding one, signature values (with /Perms and /DSS); bookmarks holding one are retitled "■";
/// `/Info`, XMP `/Metadata` on every object, `/OpenAction`, `/AA`, JavaScript and embedded-file name
/// trees, `/XFA`, `/PieceInfo`, thumbnails, threads and structure elements' `/Alt`, `/ActualText`,
/// `/E` go. Redact annotations already in the file are applied too. The file is saved whole, with
/// unused objects dropped (the old content streams with them), decrypted, never incrementally.
///
/// It also works around two MuPDF 1.21 redaction bugs: text after a fully removed text object that
/// positions itself with a relative Td moved away (fixed by inserting an identity Tm after such a
/// BT first), and /ActualText of a partly removed marked-content span kept (inline /ActualText, /Alt
/// and /E are stripped from the redacted pages' content streams).
///
/// Output: one JSON line on stdout; MuPDF's warnings go to stderr. Success, exit 0:
/// `{"ok":true,"pages_redacted":N,"rects":M,"annotations_removed":K,"fields_cleared":F,
/// "outline_removed":O,"path_pages":[...],"collateral_pages":[...],"collateral_glyphs":G,
/// "page_glyphs":[{"page":1,"before":B,"after":A},...],"pending_redactions_applied":P,
/// "signatures_removed":S,"structure_keys_removed":X,"content_streams_rewritten":C}`.
/// - `path_pages`: pages where vector paths lie mostly inside a rect (1.21 leaves line art: outlined
///   text or a drawn signature stays in the file, hidden only by the box).
/// - `collateral_*`: glyphs no rect meant (the middle half of their box is clear of every rect) that
///   did not survive in place.
/// - `page_glyphs`: glyphs MuPDF read on each redacted page before and after. Far fewer than poppler
///   reads means MuPDF could not parse the content (a damaged stream poppler tolerates); the output
///   page then keeps only what MuPDF read.
/// Failure, exit 1 and no output written by the script: `{"ok":false,"error":"..."}`, including a
/// password-protected input and text still readable under a rect after redaction. Write OUTPUT to a
/// temporary path and move it into place only after exit 0 with `"ok":true`.
/// Tested by `Tools/redact/test_pdf_script.sh`.
enum PDFRedactionScript {
    /// JavaScript source for `mutool run`.
    static let source = #"""
// Sumi: true PDF redaction for `mutool run` (MuPDF 1.21; newer versions feature-tested).
// Usage: mutool run redact.js INPUT.pdf OUTPUT.pdf PLAN.json
// Prints one JSON line on stdout. Exit 0 with {"ok":true,...}; on failure prints
// {"ok":false,"error":"..."} and exits 1 (nothing is written to OUTPUT.pdf then).
// MuJS notes: ES5 only, and a very small call stack (about 40 frames): no recursion here,
// every tree walk uses an explicit work list.

var R = {
  ok: true, pages_redacted: 0, rects: 0, annotations_removed: 0, fields_cleared: 0,
  outline_removed: 0, path_pages: [], collateral_pages: [], collateral_glyphs: 0,
  pending_redactions_applied: 0, structure_keys_removed: 0, content_streams_rewritten: 0, signatures_removed: 0,
  page_glyphs: []
};

// ---------- bytes and strings ----------

function utf8Decode(a) {
  // a: array of UTF-8 byte values.
  var out = [], i = 0, n = a.length, c, cp, need;
  while (i < n) {
    c = a[i++];
    if (c < 0x80) { out.push(c); continue; }
    if (c >= 0xf0) { cp = c & 7; need = 3; } else if (c >= 0xe0) { cp = c & 15; need = 2; } else if (c >= 0xc0) { cp = c & 31; need = 1; } else { out.push(0xfffd); continue; }
    while (need-- > 0 && i < n) cp = (cp << 6) | (a[i++] & 63);
    if (cp > 0xffff) { cp -= 0x10000; out.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 1023)); } else out.push(cp);
  }
  var parts = [], j;
  for (j = 0; j < out.length; j += 128) parts.push(String.fromCharCode.apply(null, out.slice(j, j + 128)));
  return parts.join("");
}

function bufToBytes(b) { var n = b.length, a = new Array(n), i; for (i = 0; i < n; i++) a[i] = b[i]; return a; }

function readText(path) {
  var f = readFile(path);
  if (typeof f === "string") return f;
  return utf8Decode(bufToBytes(f));
}

var SPACES = /[\s\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
function squash(s) { return String(s).replace(SPACES, ""); }

var STRIPS = [];
function matchesStrip(s) {
  if (s === null || s === undefined || STRIPS.length === 0) return false;
  var t = squash(s), i;
  if (t.length === 0) return false;
  for (i = 0; i < STRIPS.length; i++) if (t.indexOf(STRIPS[i]) >= 0) return true;
  return false;
}

// XHTML rich text (/RC, /RV): drop tags, decode character references.
function plainFromXHTML(s) {
  return String(s).replace(/<[^>]*>/g, "").replace(/&#x([0-9a-fA-F]+);/g, function (m, h) { return String.fromCharCode(parseInt(h, 16)); })
    .replace(/&#([0-9]+);/g, function (m, d) { return String.fromCharCode(parseInt(d, 10)); })
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

// ---------- PDF object helpers (1.21: get() gives undefined for a missing key) ----------

function get(o, k) {
  if (o === null || o === undefined) return null;
  var v = o.get(k);
  if (v === undefined || v === null) return null;
  if (v.isNull && v.isNull()) return null;
  return v;
}
function isDict(o) { return o !== null && o !== undefined && (o.isDictionary() || o.isStream()); }
function nameOf(o) { return (o !== null && o !== undefined && o.isName()) ? o.asName() : null; }
function objKey(o) { return (o !== null && o !== undefined && o.isIndirect()) ? String(o.asIndirect()) : null; }
function del(o, k) { if (o !== null && get(o, k) !== null) { o.delete(k); return true; } return false; }

// forEach's callback is (key, value) in 1.21 and (value, key) in newer MuPDF.
function entries(d) {
  var list = [];
  if (d === null || d === undefined) return list;
  d.forEach(function (a, b) {
    if (typeof a === "string" || typeof a === "number") list.push([a, b]); else list.push([b, a]);
  });
  return list;
}

function inherited(pageObj, key) {
  var o = pageObj, n = 0, v;
  while (o !== null && n++ < 64) {
    v = get(o, key);
    if (v !== null) return v;
    o = get(o, "Parent");
  }
  return null;
}

// Text of a string, text stream, name or array of strings.
function textOf(o) {
  if (o === null) return null;
  if (o.isString()) return o.asString();
  if (o.isName()) return o.asName();
  if (o.isStream()) return utf8Decode(bufToBytes(o.readStream()));
  if (o.isArray()) {
    var parts = [], i, e;
    for (i = 0; i < o.length; i++) { e = o.get(i); if (e && e.isString()) parts.push(e.asString()); }
    return parts.join("\n");
  }
  return null;
}

// ---------- geometry ----------

function mulPoint(m, x, y) { return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]]; }
function invert(m) {
  var det = m[0] * m[3] - m[1] * m[2];
  if (det === 0) throw new Error("singular page transform");
  var a = m[3] / det, b = -m[1] / det, c = -m[2] / det, d = m[0] / det;
  return [a, b, c, d, -(m[4] * a + m[5] * c), -(m[4] * b + m[5] * d)];
}
function transformRect(m, r) {
  var p = [mulPoint(m, r[0], r[1]), mulPoint(m, r[2], r[1]), mulPoint(m, r[0], r[3]), mulPoint(m, r[2], r[3])];
  var x0 = p[0][0], y0 = p[0][1], x1 = x0, y1 = y0, i;
  for (i = 1; i < 4; i++) {
    if (p[i][0] < x0) x0 = p[i][0]; if (p[i][0] > x1) x1 = p[i][0];
    if (p[i][1] < y0) y0 = p[i][1]; if (p[i][1] > y1) y1 = p[i][1];
  }
  return [x0, y0, x1, y1];
}
function overlapArea(a, b) {
  var w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]), h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  return (w > 0 && h > 0) ? w * h : 0;
}
function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }
function arr4(o) {
  if (o === null || !o.isArray() || o.length < 4) return null;
  var r = [o.get(0).asNumber(), o.get(1).asNumber(), o.get(2).asNumber(), o.get(3).asNumber()];
  return [Math.min(r[0], r[2]), Math.min(r[1], r[3]), Math.max(r[0], r[2]), Math.max(r[1], r[3])];
}

// ---------- plan ----------

// Checked, normalized [x0,y0,x1,y1] of a plan list ("rect" or "box"); empty ones dropped.
function planRects(list, pageNo, what) {
  var out = [], j, k, r, x0, y0, x1, y1;
  for (j = 0; j < list.length; j++) {
    r = list[j];
    if (!(r instanceof Array) || r.length !== 4) throw new Error("page " + pageNo + " " + what + " " + j + " must be [x0,y0,x1,y1]");
    for (k = 0; k < 4; k++) if (typeof r[k] !== "number" || !isFinite(r[k])) throw new Error("page " + pageNo + " " + what + " " + j + " has a non-number");
    x0 = Math.min(r[0], r[2]); x1 = Math.max(r[0], r[2]); y0 = Math.min(r[1], r[3]); y1 = Math.max(r[1], r[3]);
    if (x1 - x0 <= 0 || y1 - y0 <= 0) continue; // empty: nothing to remove or draw
    out.push([x0, y0, x1, y1]);
  }
  return out;
}

function parsePlan(text, pageCount) {
  // byPage: rects to remove under; drawByPage: boxes to draw (an entry's "boxes" when it has
  // them, else its rects). Drawn boxes are paint only: nothing is removed under them.
  var plan = JSON.parse(text), byPage = {}, drawByPage = {}, i, j, p, idx, rects, draw;
  if (plan === null || typeof plan !== "object") throw new Error("plan is not a JSON object");
  var pages = plan.pages || [];
  if (!(pages instanceof Array)) throw new Error("plan.pages must be an array");
  for (i = 0; i < pages.length; i++) {
    p = pages[i];
    if (p === null || typeof p !== "object") throw new Error("plan.pages[" + i + "] must be an object");
    if (typeof p.page !== "number" || p.page % 1 !== 0) throw new Error("plan.pages[" + i + "].page must be an integer");
    if (p.page < 1 || p.page > pageCount) throw new Error("page " + p.page + " out of range 1.." + pageCount);
    idx = p.page - 1;
    if (!byPage[idx]) { byPage[idx] = []; drawByPage[idx] = []; }
    rects = planRects(p.rects || [], p.page, "rect");
    if (p.boxes === undefined || p.boxes === null) draw = rects;
    else {
      if (!(p.boxes instanceof Array)) throw new Error("page " + p.page + " boxes must be an array");
      draw = planRects(p.boxes, p.page, "box");
    }
    for (j = 0; j < rects.length; j++) byPage[idx].push(rects[j]);
    for (j = 0; j < draw.length; j++) drawByPage[idx].push(draw[j]);
  }
  var fill = plan.fill || [0, 0, 0];
  if (!(fill instanceof Array) || fill.length !== 3) throw new Error("fill must be [r,g,b]");
  for (i = 0; i < 3; i++) if (typeof fill[i] !== "number" || !(fill[i] >= 0 && fill[i] <= 1)) throw new Error("fill components must be numbers in 0..1");
  var coords = plan.coords || "page";
  if (coords !== "page" && coords !== "unrotated") throw new Error("coords must be \"page\" or \"unrotated\"");
  var strips = plan.strip_texts || [];
  if (!(strips instanceof Array)) throw new Error("strip_texts must be an array");
  for (i = 0; i < strips.length; i++) {
    if (typeof strips[i] !== "string") throw new Error("strip_texts must hold strings");
    var s = squash(strips[i]);
    if (s.length > 0) STRIPS.push(s);
  }
  return { byPage: byPage, drawByPage: drawByPage, fill: fill, sanitize: plan.sanitize === true, coords: coords };
}

// ---------- content stream rewriting ----------
// MuPDF 1.21's redaction filter forgets to reset the text line matrix at BT when the text
// object before it lost all its glyphs: the next object's relative Td lands far off (text
// moves or leaves the page). Inserting an explicit identity Tm after such a BT (a no-op:
// BT sets Tm to identity anyway) makes the filter reset it; text objects that set Tm before
// positioning or showing text are left as they are. The same pass removes /ActualText, /Alt
// and /E from inline marked-content property lists: MuPDF keeps a BDC...EMC sequence when
// some of its glyphs survive, and with it the replacement text of the glyphs it removed.
// MuJS keeps strings as UTF-8 (indexing a long one is slow) and its arrays are trees: the
// scan reads the Buffer's bytes directly.

var WHITE = [], DELIMS = [];
(function () {
  var i, d = "()<>[]{}/%";
  for (i = 0; i < 256; i++) { WHITE.push(false); DELIMS.push(false); }
  var w = [0, 9, 10, 12, 13, 32];
  for (i = 0; i < w.length; i++) { WHITE[w[i]] = true; DELIMS[w[i]] = true; }
  for (i = 0; i < d.length; i++) DELIMS[d.charCodeAt(i)] = true;
})();
var MCKEY = /\/(ActualText|Alt|E)(?=[\x00\t\n\f\r ()<>\[\]{}\/%])/;
var TM_FIX = " 1 0 0 1 0 0 Tm";

function bytesToLatin1(b, from, to) {
  var parts = [], chunk = [], i;
  for (i = from; i < to; i++) {
    chunk.push(b[i]);
    if (chunk.length === 128) { parts.push(String.fromCharCode.apply(null, chunk)); chunk = []; }
  }
  if (chunk.length) parts.push(String.fromCharCode.apply(null, chunk));
  return parts.join("");
}

function skipLiteral(b, i, n) { // b[i] is "("; returns the index after the closing ")"
  var depth = 1, c;
  for (i = i + 1; i < n; i++) {
    c = b[i];
    if (c === 92) i++;
    else if (c === 40) depth++;
    else if (c === 41 && --depth === 0) return i + 1;
  }
  return n;
}
function skipInlineImage(b, i, n) { // after the ID operator: data up to white space, "EI", a delimiter
  for (i = i + 1; i + 1 < n; i++) {
    if (b[i] === 69 && b[i + 1] === 73 && WHITE[b[i - 1]] && (i + 2 >= n || DELIMS[b[i + 2]])) return i + 2;
  }
  return n;
}

// Operators that use the text line matrix before any Tm: Td TD T* Tj TJ ' "
function usesLineMatrix(b, t, len) {
  if (len === 1) return b[t] === 39 || b[t] === 34;
  if (len !== 2 || b[t] !== 84) return false;
  var c = b[t + 1];
  return c === 100 || c === 68 || c === 42 || c === 106 || c === 74;
}

// Edits [at, length to drop, latin-1 text to insert] for one content stream (a Buffer).
function contentEdits(b) {
  var n = b.length, i = 0, c, t, len, edits = [], depth = 0, dstart = -1, btEnd = -1;
  while (i < n) {
    c = b[i];
    if (WHITE[c]) { i++; continue; }
    if (c === 37) { while (i < n && b[i] !== 10 && b[i] !== 13) i++; continue; }
    if (c === 40) { i = skipLiteral(b, i, n); continue; }
    if (c === 60) {
      if (b[i + 1] === 60) { if (depth === 0) dstart = i; depth++; i += 2; }
      else { while (i < n && b[i] !== 62) i++; i++; }
      continue;
    }
    if (c === 62) {
      if (b[i + 1] === 62 && depth > 0) {
        depth--; i += 2;
        if (depth === 0 && i - dstart < 65536) {
          var d = bytesToLatin1(b, dstart, i);
          if (MCKEY.test(d)) { var nd = stripPropertyList(d); if (nd !== null) edits.push([dstart, i - dstart, nd]); }
        }
      } else i++;
      continue;
    }
    if (c === 47) { i++; while (i < n && !DELIMS[b[i]]) i++; continue; }
    if (DELIMS[c]) { i++; continue; }
    t = i;
    while (i < n && !DELIMS[b[i]]) i++;
    len = i - t;
    if (depth !== 0 || len > 2 || (c >= 43 && c <= 57)) continue; // numbers, long tokens
    if (len === 2 && c === 66 && b[t + 1] === 84) btEnd = i; // BT
    else if (len === 2 && c === 69 && b[t + 1] === 84) btEnd = -1; // ET
    else if (len === 2 && c === 73 && b[t + 1] === 68) i = skipInlineImage(b, i, n); // ID
    else if (btEnd >= 0) {
      if (len === 2 && c === 84 && b[t + 1] === 109) btEnd = -1; // Tm first: nothing to fix
      else if (usesLineMatrix(b, t, len)) { edits.push([btEnd, 0, TM_FIX]); btEnd = -1; }
    }
  }
  edits.sort(function (x, y) { return x[0] - y[0]; });
  return edits;
}

function applyEdits(b, edits) {
  var out = new Buffer(), pos = 0, i, k, e, s;
  for (k = 0; k < edits.length; k++) {
    e = edits[k];
    for (i = pos; i < e[0]; i++) out.writeByte(b[i]);
    s = e[2];
    if (/^[\x01-\x7f]*$/.test(s)) out.write(s);
    else for (i = 0; i < s.length; i++) out.writeByte(s.charCodeAt(i) & 255);
    pos = e[0] + e[1];
  }
  for (i = pos; i < b.length; i++) out.writeByte(b[i]);
  return out;
}

// Same scan over a short string (a property list) for the key/value parser below.
function sTokenEnd(s, i) { while (i < s.length && !DELIMS[s.charCodeAt(i) & 255]) i++; return i; }
function sSkipWhite(s, i) { while (i < s.length && WHITE[s.charCodeAt(i) & 255]) i++; return i; }
function sSkipLiteral(s, i) {
  var depth = 1, c;
  for (i = i + 1; i < s.length; i++) {
    c = s.charCodeAt(i);
    if (c === 92) i++; else if (c === 40) depth++; else if (c === 41 && --depth === 0) return i + 1;
  }
  return s.length;
}
// End index of the object starting at s[i] (nesting counted, no recursion), -1 if malformed.
function sSkipObject(s, i) {
  var depth = 0, c, n = s.length, e;
  for (;;) {
    i = sSkipWhite(s, i);
    if (i >= n) return -1;
    c = s.charCodeAt(i);
    if (c === 40) i = sSkipLiteral(s, i);
    else if (c === 60 && s.charCodeAt(i + 1) === 60) { depth++; i += 2; continue; }
    else if (c === 62 && s.charCodeAt(i + 1) === 62) { depth--; i += 2; if (depth < 0) return -1; }
    else if (c === 60) { e = s.indexOf(">", i + 1); if (e < 0) return -1; i = e + 1; }
    else if (c === 91) { depth++; i++; continue; }
    else if (c === 93) { depth--; i++; if (depth < 0) return -1; }
    else if (c === 47) i = sTokenEnd(s, i + 1);
    else { e = sTokenEnd(s, i); if (e === i) return -1; i = e; }
    if (depth === 0) return i;
  }
}

function stripPropertyList(d) { // d = "<< ... >>"; null when nothing is removed
  var i = 2, n = d.length - 2, parts = ["<<"], removed = false, ke, key, ve;
  for (;;) {
    i = sSkipWhite(d, i);
    if (i >= n) break;
    if (d.charCodeAt(i) !== 47) return null;
    ke = sTokenEnd(d, i + 1);
    key = d.substring(i + 1, ke);
    ve = sSkipObject(d, ke);
    if (ve < 0 || ve > n) return null;
    if (key === "ActualText" || key === "Alt" || key === "E") removed = true;
    else parts.push(d.substring(i, ve), " ");
    i = ve;
  }
  if (!removed) return null;
  parts.push(">>");
  return parts.join("");
}

function rewriteStream(stm, seen) {
  var k = objKey(stm);
  if (k !== null) { if (seen[k]) return; seen[k] = true; }
  if (!stm.isStream()) return;
  var b = stm.readStream(), edits = contentEdits(b);
  if (edits.length) { stm.writeStream(applyEdits(b, edits)); R.content_streams_rewritten++; }
}

// Page contents and every form XObject reachable from the page's resources.
function rewritePageContents(pageObj, seen) {
  var c = get(pageObj, "Contents"), i;
  if (c !== null) {
    if (c.isArray()) { for (i = 0; i < c.length; i++) { var e = c.get(i); if (e && e.isStream()) rewriteStream(e, seen); } }
    else if (c.isStream()) rewriteStream(c, seen);
  }
  var work = [inherited(pageObj, "Resources")], steps = 0, res, list, x;
  while (work.length && steps++ < 10000) {
    res = work.pop();
    if (res === null || !isDict(res)) continue;
    var rk = objKey(res);
    if (rk !== null) { if (seen["res" + rk]) continue; seen["res" + rk] = true; }
    list = entries(get(res, "Properties"));
    for (i = 0; i < list.length; i++) {
      x = list[i][1];
      if (isDict(x)) { if (del(x, "ActualText")) R.structure_keys_removed++; if (del(x, "Alt")) R.structure_keys_removed++; if (del(x, "E")) R.structure_keys_removed++; }
    }
    list = entries(get(res, "XObject"));
    for (i = 0; i < list.length; i++) {
      x = list[i][1];
      if (x && x.isStream() && nameOf(get(x, "Subtype")) === "Form") {
        var xk = objKey(x);
        if (xk !== null && seen[xk]) continue;
        rewriteStream(x, seen);
        work.push(get(x, "Resources"));
      }
    }
  }
}

// ---------- page analysis ----------

// Text snapshot of a page (annotations included), in page space. Lines in the vertical
// band around the rects keep one entry per glyph [char, x0, y0, x1, y1]; other lines are
// kept whole as "text@x,y" keys with their glyph counts.
function snapshot(page, rects) {
  var snap = { near: [], far: {}, farCount: {} }, near = false, text = "", key = "", count = 0;
  var bands = [], i;
  for (i = 0; i < rects.length; i++) {
    var r = rects[i], m = Math.max(12, 3 * (r[3] - r[1]));
    bands.push([r[1] - m, r[3] + m]);
  }
  var st = page.toDisplayList().toStructuredText(); // the default list includes annotations
  st.walk({
    beginLine: function (bbox) {
      near = false;
      for (var k = 0; k < bands.length; k++) if (bbox[3] > bands[k][0] && bbox[1] < bands[k][1]) { near = true; break; }
      text = ""; count = 0;
      key = "@" + Math.round(bbox[0]) + "," + Math.round(bbox[1]);
    },
    endLine: function () {
      if (near || count === 0) return;
      var k = text + key;
      snap.far[k] = (snap.far[k] || 0) + 1;
      snap.farCount[k] = count;
    },
    onChar: function (ch, origin, font, size, q) {
      if (ch === " " || ch === "\u3000" || ch === "\t") return;
      if (!near) { text += ch; count++; return; }
      var x0 = q[0], x1 = q[0], y0 = q[1], y1 = q[1];
      if (q[2] < x0) x0 = q[2]; if (q[2] > x1) x1 = q[2]; if (q[4] < x0) x0 = q[4]; if (q[4] > x1) x1 = q[4];
      if (q[6] < x0) x0 = q[6]; if (q[6] > x1) x1 = q[6];
      if (q[3] < y0) y0 = q[3]; if (q[3] > y1) y1 = q[3]; if (q[5] < y0) y0 = q[5]; if (q[5] > y1) y1 = q[5];
      if (q[7] < y0) y0 = q[7]; if (q[7] > y1) y1 = q[7];
      snap.near.push([ch, x0, y0, x1, y1]);
    }
  });
  return snap;
}

function glyphCount(snap) {
  var n = snap.near.length, k;
  for (k in snap.far) if (snap.far.hasOwnProperty(k)) n += snap.far[k] * snap.farCount[k];
  return n;
}

function pathBox(path, ctm) {
  var b = [Infinity, Infinity, -Infinity, -Infinity];
  function add(x, y) {
    var X = x * ctm[0] + y * ctm[2] + ctm[4], Y = x * ctm[1] + y * ctm[3] + ctm[5];
    if (X < b[0]) b[0] = X; if (Y < b[1]) b[1] = Y; if (X > b[2]) b[2] = X; if (Y > b[3]) b[3] = Y;
  }
  path.walk({
    moveTo: add, lineTo: add,
    curveTo: function (a, c, d, e, f, g) { add(a, c); add(d, e); add(f, g); },
    closePath: function () {}
  });
  return b;
}

// Vector paths mostly inside a redaction rect (outlined text, signatures, logos): MuPDF 1.21
// leaves line art alone. Best effort: a path counts when half its box lies inside a rect.
function pathsUnderRects(page, rects) {
  var hit = false;
  function check(path, ctm) {
    if (hit) return;
    var b = pathBox(path, ctm), i, area, w, h;
    if (!(b[0] <= b[2])) return;
    w = b[2] - b[0]; h = b[3] - b[1];
    for (i = 0; i < rects.length; i++) {
      var r = rects[i];
      if (w < 0.01 || h < 0.01) {
        if (b[0] >= r[0] && b[2] <= r[2] && b[1] >= r[1] && b[3] <= r[3] && (w > 0 || h > 0)) { hit = true; return; }
      } else {
        area = overlapArea(b, r);
        if (area >= 0.5 * w * h) { hit = true; return; }
      }
    }
  }
  page.run({
    fillPath: function (path, evenOdd, ctm) { check(path, ctm); },
    strokePath: function (path, stroke, ctm) { check(path, ctm); }
  }, [1, 0, 0, 1, 0, 0]);
  return hit;
}

// ---------- annotations and fields ----------

var ALWAYS_DELETE = { FileAttachment: 1, Sound: 1, Movie: 1, Screen: 1, RichMedia: 1, "3D": 1 };
var clearedFields = {};

function annotMatches(obj) {
  if (matchesStrip(textOf(get(obj, "Contents")))) return true;
  if (matchesStrip(textOf(get(obj, "T")))) return true;
  if (matchesStrip(textOf(get(obj, "Subj")))) return true;
  var rc = textOf(get(obj, "RC"));
  if (rc !== null && matchesStrip(plainFromXHTML(rc))) return true;
  return false;
}

function linkMatches(o) {
  var a = get(o, "A"), uri = a !== null ? textOf(get(a, "URI")) : null;
  if (uri === null) return false;
  if (matchesStrip(uri)) return true;
  try { return matchesStrip(decodeURIComponent(uri)); } catch (e) { return false; }
}

function fieldChain(w) { var chain = [], o = w, n = 0; while (o !== null && isDict(o) && n++ < 32) { chain.push(o); o = get(o, "Parent"); } return chain; }

function fieldType(chain) { var i, t; for (i = 0; i < chain.length; i++) { t = nameOf(get(chain[i], "FT")); if (t) return t; } return null; }

function fieldValueMatches(node, ft) {
  if (matchesStrip(textOf(get(node, "V"))) || matchesStrip(textOf(get(node, "DV")))) {
    if (ft !== "Sig") return true;
  }
  var rv = textOf(get(node, "RV"));
  if (rv !== null && matchesStrip(plainFromXHTML(rv))) return true;
  if (ft === "Sig") {
    var v = get(node, "V");
    if (v !== null && isDict(v)) {
      var keys = ["Name", "Reason", "Location", "ContactInfo"], i;
      for (i = 0; i < keys.length; i++) if (matchesStrip(textOf(get(v, keys[i])))) return true;
    }
  }
  return false;
}

// Clears the value of every node of the chain that holds one (a kid inherits its parent's).
// force: mark the widget's own field even when no value is held (its appearance goes).
function clearChain(chain, ft, force) {
  var i, node, k, any = false;
  for (i = 0; i < chain.length; i++) {
    node = chain[i];
    if (get(node, "V") === null && get(node, "DV") === null && get(node, "RV") === null) continue;
    if (ft === "Btn") {
      if (get(node, "V") !== null) node.put("V", DOC.newName("Off"));
      del(node, "DV");
    } else {
      if (ft === "Sig" && get(node, "V") !== null) { R.signatures_removed++; SIGNATURES_CLEARED = true; }
      del(node, "V"); del(node, "DV"); del(node, "RV"); del(node, "I");
    }
    any = true;
    k = objKey(node);
    if (k === null) R.fields_cleared++;
    else if (clearedFields[k] !== true) { clearedFields[k] = true; if (ft !== "Sig") R.fields_cleared++; }
  }
  if (!any && force) {
    k = objKey(chain[0]);
    if (k !== null && clearedFields[k] !== true) { clearedFields[k] = true; R.fields_cleared++; }
  }
}

// The widget's own appearance: removed (text, choice, signature) or switched off (buttons).
function dropAppearance(w, ft) {
  if (ft === "Btn") { if (get(w, "AS") !== null) w.put("AS", DOC.newName("Off")); }
  else del(w, "AP");
}

function chainCleared(chain) { var i, k; for (i = 0; i < chain.length; i++) { k = objKey(chain[i]); if (k !== null && clearedFields[k] === true) return true; } return false; }

// AcroForm field tree (fields without widgets on any page, values held by parents).
function walkFields(root) {
  var acro = get(root, "AcroForm");
  if (acro === null) return;
  var work = [], seen = {}, fields = get(acro, "Fields"), i, steps = 0;
  if (fields !== null && fields.isArray()) for (i = 0; i < fields.length; i++) work.push(fields.get(i));
  while (work.length && steps++ < 100000) {
    var f = work.pop();
    if (f === null || !isDict(f)) continue;
    var k = objKey(f);
    if (k !== null) { if (seen[k]) continue; seen[k] = true; }
    var chain = fieldChain(f), ft = fieldType(chain);
    // Signatures always: the file no longer matches what was signed, and the signature
    // dictionary and certificate carry the signer's name.
    if (SANITIZE || ft === "Sig" || fieldValueMatches(f, ft)) clearChain([f], ft, false);
    if (SANITIZE) del(f, "AA");
    var kids = get(f, "Kids");
    if (kids !== null && kids.isArray()) for (i = 0; i < kids.length; i++) work.push(kids.get(i));
  }
}

// ---------- main steps ----------

var DOC = null, SANITIZE = false, SIGNATURES_CLEARED = false;

function openPDF(path) {
  var doc = null, err = null;
  if (typeof PDFDocument === "function") {
    try { doc = new PDFDocument(path); } catch (e) { err = e; }
  }
  if (doc === null && typeof Document !== "undefined" && typeof Document.openDocument === "function") {
    doc = Document.openDocument(path);
    if (typeof doc.asPDF === "function") doc = doc.asPDF();
  }
  if (doc === null) throw (err || new Error("cannot open " + path));
  if (typeof doc.getTrailer !== "function") throw new Error("not a PDF: " + path);
  if (typeof doc.needsPassword === "function" && doc.needsPassword()) throw new Error("the PDF is encrypted and needs a password");
  return doc;
}

function pageRects(page, rects, coords) {
  // Plan rects -> [pageSpace, pdfSpace]. "page": MuPDF's page space, which is what
  // poppler-glib reports (top-left of the crop box, after /Rotate). "unrotated": top-left of
  // the crop box before /Rotate.
  var ctm = page.getTransform(), inv = invert(ctm), out = [], i, pdf, ps;
  var box = transformRect(inv, page.bound()); // crop box in PDF space
  for (i = 0; i < rects.length; i++) {
    var r = rects[i];
    if (coords === "unrotated") {
      pdf = [box[0] + r[0], box[3] - r[3], box[0] + r[2], box[3] - r[1]];
      ps = transformRect(ctm, pdf);
    } else {
      ps = r;
      pdf = transformRect(inv, r);
    }
    out.push({ page: ps, pdf: pdf });
  }
  return out;
}

function handleAnnotations(idx, page, pageObj, rects) {
  var pdfRects = [], i;
  for (i = 0; i < rects.length; i++) pdfRects.push(rects[i].pdf);
  var removed = {}, arr0 = get(pageObj, "Annots"), n0 = (arr0 !== null && arr0.isArray()) ? arr0.length : 0;
  var annots = page.getAnnotations(), pending = [];
  for (i = 0; i < annots.length; i++) {
    var a = annots[i], obj = a.getObject(), sub = nameOf(get(obj, "Subtype"));
    if (sub === "Redact") { pending.push(a); continue; }
    var kill = SANITIZE || ALWAYS_DELETE[sub] === 1 || annotMatches(obj);
    if (!kill && pdfRects.length) {
      var ar = arr4(get(obj, "Rect"));
      for (var j = 0; ar !== null && j < pdfRects.length; j++) if (overlaps(ar, pdfRects[j])) { kill = true; break; }
    }
    if (kill) {
      var pk = objKey(get(obj, "Popup")), k = objKey(obj);
      if (k !== null) removed[k] = true;
      if (pk !== null) removed[pk] = true;
      page.deleteAnnotation(a);
    }
  }
  // What the page API does not list (popups, links, widgets, unknown kinds): object level.
  var arr = get(pageObj, "Annots");
  if (arr === null || !arr.isArray()) { R.annotations_removed += n0; return pending; }
  for (i = arr.length - 1; i >= 0; i--) {
    var o = arr.get(i);
    if (o === null || !isDict(o)) continue;
    var st = nameOf(get(o, "Subtype")), ok = objKey(o), drop = false;
    if (st === "Popup") {
      var parent = get(o, "Parent");
      drop = SANITIZE || (ok !== null && removed[ok]) || (parent !== null && removed[objKey(parent)]) || annotMatches(o);
    } else if (st === "Link") {
      // 1.21 keeps links under redactions; their targets (mailto:, URLs) may spell what was removed
      drop = linkMatches(o);
      var lr = arr4(get(o, "Rect"));
      for (var q = 0; !drop && lr !== null && q < pdfRects.length; q++) if (overlaps(lr, pdfRects[q])) drop = true;
    } else if (st === "Widget" || st === "Redact") {
      drop = false;
    } else if (ok === null || !removed[ok]) {
      // kinds MuPDF did not load as annotations
      drop = SANITIZE || ALWAYS_DELETE[st] === 1 || annotMatches(o);
    }
    if (drop) arr.delete(i);
  }
  R.annotations_removed += n0 - arr.length;
  // Widgets: clear values that match, that a rect covers, or all with sanitize.
  for (i = 0; i < arr.length; i++) {
    var w = arr.get(i);
    if (w === null || !isDict(w) || nameOf(get(w, "Subtype")) !== "Widget") continue;
    var chain = fieldChain(w), ft = fieldType(chain), hit = SANITIZE || ft === "Sig", covered = false, c;
    for (c = 0; !hit && c < chain.length; c++) if (fieldValueMatches(chain[c], ft)) hit = true;
    if (pdfRects.length) {
      var wr = arr4(get(w, "Rect"));
      for (c = 0; wr !== null && c < pdfRects.length; c++) if (overlaps(wr, pdfRects[c])) { covered = true; break; }
    }
    if (hit || covered) clearChain(chain, ft, covered);
    if (covered || (hit && objKey(w) === null)) dropAppearance(w, ft);
    if (SANITIZE) del(w, "AA");
  }
  return pending;
}

// Second pass over all widgets: drop the appearance of every widget whose field was cleared.
function dropClearedAppearances(pageObj) {
  var arr = get(pageObj, "Annots"), i;
  if (arr === null || !arr.isArray()) return;
  for (i = 0; i < arr.length; i++) {
    var w = arr.get(i);
    if (w === null || !isDict(w) || nameOf(get(w, "Subtype")) !== "Widget") continue;
    var chain = fieldChain(w);
    if (chainCleared(chain)) dropAppearance(w, fieldType(chain));
  }
}

// Glyphs whose centre lies inside a rect.
function glyphsUnder(list, rects) {
  var i, j, g, cx, cy, q, n = 0;
  for (i = 0; i < list.length; i++) {
    g = list[i]; cx = (g[1] + g[3]) / 2; cy = (g[2] + g[4]) / 2;
    for (j = 0; j < rects.length; j++) {
      q = rects[j];
      if (cx > q[0] && cx < q[2] && cy > q[1] && cy < q[3]) { n++; break; }
    }
  }
  return n;
}

// Glyphs of `before` that no rect meant to remove (the middle half of the glyph box, both
// ways, is clear of every rect) and that are not in `after` at the same place (0.5 pt).
function lostGlyphs(before, after, rects) {
  var grid = {}, i, j, g, key, lost = 0, dx, dy, found, cell, w, h, mid, meant;
  for (i = 0; i < after.near.length; i++) {
    g = after.near[i]; key = g[0] + "@" + Math.round(g[1]) + "," + Math.round(g[2]);
    (grid[key] || (grid[key] = [])).push(g);
  }
  function take(cellKey, g) {
    var c = grid[cellKey], k;
    if (!c) return false;
    for (k = 0; k < c.length; k++) {
      var h2 = c[k];
      if (h2 !== null && Math.abs(h2[1] - g[1]) < 0.5 && Math.abs(h2[2] - g[2]) < 0.5) { c[k] = null; return true; }
    }
    return false;
  }
  for (i = 0; i < before.near.length; i++) {
    g = before.near[i]; w = (g[3] - g[1]) / 4; h = (g[4] - g[2]) / 4;
    mid = [g[1] + w, g[2] + h, g[3] - w, g[4] - h];
    meant = false;
    for (j = 0; j < rects.length && !meant; j++) if (overlaps(mid, rects[j])) meant = true;
    if (meant) continue;
    var rx = Math.round(g[1]), ry = Math.round(g[2]);
    found = take(g[0] + "@" + rx + "," + ry, g);
    for (dx = -1; dx <= 1 && !found; dx++) for (dy = -1; dy <= 1 && !found; dy++) {
      if (dx !== 0 || dy !== 0) found = take(g[0] + "@" + (rx + dx) + "," + (ry + dy), g);
    }
    if (!found) lost++;
  }
  for (key in before.far) {
    if (!before.far.hasOwnProperty(key)) continue;
    var missing = before.far[key] - (after.far[key] || 0);
    if (missing > 0) lost += missing * before.farCount[key];
  }
  return lost;
}

function fmt(x) { var s = (Math.round(x * 1000) / 1000).toString(); return s.indexOf("e") >= 0 ? x.toFixed(3) : s; }

// Our own boxes in the plan's colour, after the page's content, in default user space (the
// page's content is wrapped in q...Q first). Paint only: called after applyRedactions.
function drawBoxes(pageObj, pdfBoxes, fill) {
  var i;
  if (pdfBoxes.length === 0) return;
  var ops = ["Q q ", fmt(fill[0]), " ", fmt(fill[1]), " ", fmt(fill[2]), " rg\n"];
  for (i = 0; i < pdfBoxes.length; i++) {
    var r = pdfBoxes[i];
    ops.push(fmt(r[0]), " ", fmt(r[1]), " ", fmt(r[2] - r[0]), " ", fmt(r[3] - r[1]), " re f\n");
  }
  ops.push("Q\n");
  var open = DOC.addStream("q\n", DOC.newDictionary());
  var boxes = DOC.addStream(ops.join(""), DOC.newDictionary());
  var cur = get(pageObj, "Contents"), list = DOC.newArray();
  list.push(open);
  if (cur !== null) {
    if (cur.isArray()) { for (i = 0; i < cur.length; i++) list.push(cur.get(i)); }
    else list.push(cur);
  }
  list.push(boxes);
  pageObj.put("Contents", list);
}

// rects: where to remove; draw: the plan's boxes to paint (its rects where an entry has no
// "boxes"), both from pageRects. Pending Redact annotations are removed under and drawn.
function redactPage(idx, page, pageObj, rects, draw, pending, fill) {
  var i, pageSpace = [], pdfSpace = [], pdfDraw = [];
  for (i = 0; i < rects.length; i++) { pageSpace.push(rects[i].page); pdfSpace.push(rects[i].pdf); }
  for (i = 0; i < draw.length; i++) pdfDraw.push(draw[i].pdf);
  for (i = 0; i < pending.length; i++) { // redactions already marked in the file: applied too
    var pr = pending[i].getRect(), ppdf = transformRect(invert(page.getTransform()), pr);
    pageSpace.push(pr); pdfSpace.push(ppdf); pdfDraw.push(ppdf);
    R.pending_redactions_applied++;
  }
  if (pageSpace.length === 0) { drawBoxes(pageObj, pdfDraw, fill); return; } // boxes only: paint, nothing removed

  rewritePageContents(pageObj, {});
  var before = snapshot(page, pageSpace);
  if (pathsUnderRects(page, pageSpace)) R.path_pages.push(idx + 1);

  for (i = 0; i < rects.length; i++) {
    var a = page.createAnnotation("Redact");
    a.setRect(rects[i].page);
  }
  page.applyRedactions(false, 2); // no MuPDF boxes (always black); images: blank the pixels

  drawBoxes(pageObj, pdfDraw, fill);

  // Check: nothing readable is left under a rect; report glyphs lost outside them.
  var after = snapshot(page, pageSpace);
  var leaks = glyphsUnder(after.near, pageSpace);
  if (leaks) throw new Error("text still readable under a redaction rect on page " + (idx + 1) + " (" + leaks + " glyphs)");
  var lost = lostGlyphs(before, after, pageSpace);
  if (lost) { R.collateral_pages.push(idx + 1); R.collateral_glyphs += lost; }
  // Glyphs MuPDF reads on the page: far fewer than poppler reads means MuPDF could not parse
  // the content (a damaged stream poppler tolerates), and the output page keeps only what MuPDF read.
  R.page_glyphs.push({ page: idx + 1, before: glyphCount(before), after: glyphCount(after) });
  if (rects.length) { R.pages_redacted++; R.rects += rects.length; }
}

function scrubDocument(root, pageObjs) {
  var i, k;
  DOC.getTrailer().delete("Info");
  var rootKeys = ["Metadata", "OpenAction", "AA", "PieceInfo", "AF", "Threads", "SpiderInfo", "Collection"];
  for (i = 0; i < rootKeys.length; i++) del(root, rootKeys[i]);
  var names = get(root, "Names");
  if (names !== null) { del(names, "JavaScript"); del(names, "EmbeddedFiles"); del(names, "AlternatePresentations"); }
  var acro = get(root, "AcroForm");
  if (acro !== null) del(acro, "XFA");
  if (SIGNATURES_CLEARED) {
    del(root, "Perms"); del(root, "DSS"); // DocMDP reference, validation data (certificates)
    if (acro !== null) del(acro, "SigFlags");
  }
  var pageKeys = ["AA", "Metadata", "PieceInfo", "Thumb", "AF", "B"];
  for (i = 0; i < pageObjs.length; i++) for (k = 0; k < pageKeys.length; k++) del(pageObjs[i], pageKeys[k]);
  // XMP and application data on any other object (images, fonts, forms).
  var n = DOC.countObjects();
  for (i = 1; i < n; i++) {
    var o;
    try { o = DOC.newIndirect(i, 0).resolve(); } catch (e) { continue; }
    if (o === null || o === undefined || !isDict(o)) continue;
    del(o, "Metadata"); del(o, "PieceInfo");
  }
}

function scrubStructure(root) {
  var str = get(root, "StructTreeRoot");
  if (str === null) return;
  var work = [[str, 0]], seen = {}, steps = 0, i;
  while (work.length && steps++ < 1000000) {
    var item = work.pop(), node = item[0], depth = item[1];
    if (node === null || !isDict(node) || depth > 512) continue;
    var k = objKey(node);
    if (k !== null) { if (seen[k]) continue; seen[k] = true; }
    var type = nameOf(get(node, "Type"));
    if (type === "MCR" || type === "OBJR") continue;
    if (del(node, "Alt")) R.structure_keys_removed++;
    if (del(node, "ActualText")) R.structure_keys_removed++;
    if (del(node, "E")) R.structure_keys_removed++;
    if (matchesStrip(textOf(get(node, "T")))) { node.delete("T"); R.structure_keys_removed++; }
    var kids = get(node, "K");
    if (kids === null) continue;
    if (kids.isArray()) { for (i = 0; i < kids.length; i++) work.push([kids.get(i), depth + 1]); }
    else if (isDict(kids)) work.push([kids, depth + 1]);
  }
}

function scrubOutline(root) {
  var outlines = get(root, "Outlines");
  if (outlines === null) return;
  var work = [get(outlines, "First")], seen = {}, steps = 0;
  while (work.length && steps++ < 1000000) {
    var item = work.pop();
    if (item === null || !isDict(item)) continue;
    var k = objKey(item);
    if (k !== null) { if (seen[k]) continue; seen[k] = true; }
    if (matchesStrip(textOf(get(item, "Title")))) { item.put("Title", DOC.newString("\u25a0")); R.outline_removed++; }
    work.push(get(item, "Next"));
    work.push(get(item, "First"));
  }
}

function main(args) {
  if (args.length < 3) throw new Error("usage: mutool run redact.js INPUT.pdf OUTPUT.pdf PLAN.json");
  DOC = openPDF(args[0]);
  var count = DOC.countPages();
  var plan = parsePlan(readText(args[2]), count);
  SANITIZE = plan.sanitize;
  var root = get(DOC.getTrailer(), "Root");
  if (root === null) throw new Error("the PDF has no catalog");

  walkFields(root);
  var pages = [], pageObjs = [], rectsByPage = [], drawByPage = [], pendingByPage = [], i;
  for (i = 0; i < count; i++) {
    var page = DOC.loadPage(i), pageObj = DOC.findPage(i);
    var rects = plan.byPage[i] ? pageRects(page, plan.byPage[i], plan.coords) : [];
    var draw = plan.drawByPage[i] ? pageRects(page, plan.drawByPage[i], plan.coords) : [];
    pages.push(page); pageObjs.push(pageObj); rectsByPage.push(rects); drawByPage.push(draw);
    pendingByPage.push(handleAnnotations(i, page, pageObj, rects));
  }
  for (i = 0; i < count; i++) dropClearedAppearances(pageObjs[i]);
  for (i = 0; i < count; i++) {
    if (rectsByPage[i].length || drawByPage[i].length || pendingByPage[i].length) {
      redactPage(i, pages[i], pageObjs[i], rectsByPage[i], drawByPage[i], pendingByPage[i], plan.fill);
    }
  }
  scrubStructure(root);
  scrubOutline(root);
  scrubDocument(root, pageObjs);
  // Whole file, unused objects dropped (the old content streams with them), never incremental.
  // decrypt: 1.21 writes broken files when it keeps the input's encryption.
  DOC.save(args[1], "garbage=4,compress,decrypt");
  print(JSON.stringify(R));
}

try {
  main(scriptArgs);
} catch (e) {
  print(JSON.stringify({ ok: false, error: String(e && e.message ? e.message : e) }));
  quit(1);
}
"""#
}
