// A JS fast path for the commonest URL: an absolute http(s) URL that is already in its canonical
// form, so its href is the input and only the component offsets are to be found — which takes a
// scan of the input instead of a host crossing (docs/DECISIONS.md, "URL"). Anything it is not sure
// of (credentials, upper case, IDNA, IPv4-looking hosts, default or odd ports, dot segments,
// characters the parser would percent-encode, whitespace...) returns null, and the C# parser
// decides. Exports internals.urlParseSimple(input) -> offsets record (as url.js's) or null.

// Chars (0x21..0x7E) that stand for themselves in a path, query or fragment of a special URL and
// need no decision: unreserved, sub-delims, ':' '@' '/' and '%' (kept as is; "%2e" is refused below
// because it can make a dot segment). '?' and '#' are delimiters.
const plain = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&()*+,;=:@/%") {
  plain[c.charCodeAt(0)] = 1;
}
const LOWER_A = 0x61, LOWER_Z = 0x7a, DIGIT_0 = 0x30, DIGIT_9 = 0x39, HYPHEN = 0x2d, DOT = 0x2e, COLON = 0x3a,
  SLASH = 0x2f, QUESTION = 0x3f, HASH = 0x23, PERCENT = 0x25;

// The host: lower-case letter/digit/hyphen labels, none empty, none "xn--" or with "--", the last
// not starting with a digit (it could be an IPv4 address). Returns the host's end, or -1.
function scanHost(s, start) {
  const n = s.length;
  let i = start;
  let labelStart = start;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c >= LOWER_A && c <= LOWER_Z) || (c >= DIGIT_0 && c <= DIGIT_9)) continue;
    if (c === HYPHEN) {
      if (s.charCodeAt(i + 1) === HYPHEN) return -1;
      continue;
    }
    if (c !== DOT) break;
    if (i === labelStart) return -1;
    labelStart = i + 1;
  }
  if (i === labelStart) return -1; // empty host or label (a trailing dot)
  const first = s.charCodeAt(labelStart);
  return first >= DIGIT_0 && first <= DIGIT_9 ? -1 : i;
}

// ":port" with no leading zero, at most 65535 and not the scheme's default. Returns its end, or -1.
function scanPort(s, start, defaultPort) {
  let i = start;
  let value = 0;
  for (; i < s.length && i - start < 6; i++) {
    const c = s.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) break;
    value = value * 10 + (c - DIGIT_0);
  }
  const length = i - start;
  if (length === 0 || length > 5 || value > 65535 || value === defaultPort) return -1;
  if (length > 1 && s.charCodeAt(start) === DIGIT_0) return -1;
  return i;
}

// Path, query and fragment: only plain chars; no "." or ".." segment and no "%2e" in the path.
// Returns [searchStart, hashStart], or null.
const isDotSegment = (s, start, end) =>
  (end - start === 1 || end - start === 2) && s.charCodeAt(start) === DOT && (end - start === 1 || s.charCodeAt(start + 1) === DOT);

function scanRest(s, pathStart) {
  const n = s.length;
  let searchStart = -1;
  let hashStart = -1;
  let segmentStart = pathStart + 1;
  for (let i = pathStart + 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (searchStart < 0 && hashStart < 0) { // in the path
      if (c === SLASH || c === QUESTION || c === HASH) {
        if (isDotSegment(s, segmentStart, i)) return null;
        segmentStart = i + 1;
      } else if (c === PERCENT && s.charCodeAt(i + 1) === 0x32 && (s.charCodeAt(i + 2) | 0x20) === 0x65) {
        return null;
      }
    }
    if (c === QUESTION && searchStart < 0 && hashStart < 0) searchStart = i;
    else if (c === HASH && hashStart < 0) hashStart = i;
    else if (c >= 128 || plain[c] === 0) return null;
  }
  if (searchStart < 0 && hashStart < 0 && isDotSegment(s, segmentStart, n)) return null;
  if (hashStart < 0) hashStart = n;
  if (searchStart < 0) searchStart = hashStart;
  return [searchStart, hashStart];
}

internals.urlParseSimple = (s) => {
  let protocolEnd;
  let defaultPort;
  if (s.startsWith("https://")) {
    protocolEnd = 6;
    defaultPort = 443;
  } else if (s.startsWith("http://")) {
    protocolEnd = 5;
    defaultPort = 80;
  } else {
    return null;
  }
  const hostStart = protocolEnd + 2;
  const hostEnd = scanHost(s, hostStart);
  if (hostEnd < 0) return null;
  let pathStart = hostEnd;
  if (s.charCodeAt(hostEnd) === COLON) {
    pathStart = scanPort(s, hostEnd + 1, defaultPort);
    if (pathStart < 0) return null;
  }
  if (s.charCodeAt(pathStart) !== SLASH) return null; // no path: the parser adds "/"
  const rest = scanRest(s, pathStart);
  if (rest === null) return null;
  const portEnd = pathStart === hostEnd ? hostEnd : pathStart;
  return [s, protocolEnd, hostStart, hostStart, hostEnd, portEnd, pathStart, rest[0], rest[1]];
};
