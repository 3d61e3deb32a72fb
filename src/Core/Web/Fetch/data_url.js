// The data: URL processor (Fetch Standard §4.5 "data: URL processor"): a URL's href (without its
// fragment) → { mimeType, body } or null for failure. Prelude function body; after headers.js.
const atobOp = internals.atob;

const isAsciiWhitespace = (c) => c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
const hexValue = (c) => (c >= 0x30 && c <= 0x39) ? c - 0x30 : (c >= 0x41 && c <= 0x46) ? c - 0x37 : (c >= 0x61 && c <= 0x66) ? c - 0x57 : -1;

function stripAsciiWhitespace(s) {
  let start = 0, end = s.length;
  while (start < end && isAsciiWhitespace(s.charCodeAt(start))) start++;
  while (end > start && isAsciiWhitespace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

/** Percent-decodes an ASCII string (a serialized URL's) into bytes. */
function percentDecode(s) {
  const out = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && i + 2 < s.length) {
      const hi = hexValue(s.charCodeAt(i + 1)), lo = hexValue(s.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = c & 0xff;
  }
  return out.slice(0, n);
}

const base64Suffix = /;\x20*base64$/i;

function processDataUrl(href) {
  const input = href.slice("data:".length);
  const comma = input.indexOf(",");
  if (comma < 0) return null;
  let mimeType = stripAsciiWhitespace(input.slice(0, comma));
  let body = percentDecode(input.slice(comma + 1));
  if (base64Suffix.test(mimeType)) {
    let text = "";
    for (let i = 0; i < body.length; i += 8192) text += String.fromCharCode.apply(null, body.subarray(i, i + 8192));
    let decoded;
    try { decoded = atobOp(text); } catch { return null; }
    body = new Uint8Array(decoded.length);
    for (let i = 0; i < decoded.length; i++) body[i] = decoded.charCodeAt(i);
    mimeType = mimeType.slice(0, -6).replace(/\x20+$/, "").slice(0, -1);
  }
  if (mimeType.startsWith(";")) mimeType = "text/plain" + mimeType;
  const parsed = internals.parseMimeType(mimeType);
  return { mimeType: parsed === null ? "text/plain;charset=US-ASCII" : internals.serializeMimeType(parsed), body };
}

internals.processDataUrl = processDataUrl;
