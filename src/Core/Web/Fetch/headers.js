// Headers (Fetch Standard §5.2) and the header-list operations the rest of fetch shares: header
// names and values, guards, "sort and combine", "extract a MIME type" (with MIME Sniffing's
// MIME type parser). Prelude function body; needs event_target.js (WebIDL helpers).
//
// A header list is an array of [name, value] strings whose characters are all ≤ U+00FF (bytes,
// isomorphically decoded); names keep the case they were first appended with. Guards:
//   "none", "immutable" (every change is a TypeError), "request", "request-no-cors", "response".
// This is a non-browser runtime, so like Deno and Node the "request" and "response" guards do not
// drop forbidden request-header names (Host, Cookie, …) or forbidden response-header names
// (Set-Cookie): a server must be able to set cookies and a client its Host. "request-no-cors"
// (a Request with mode "no-cors") is enforced as the standard says.
//
// Exports:
//   internals.Headers, internals.isHeaders(v)
//   internals.newHeaders(list, guard)        a Headers over `list` (taken, not copied; entries must be valid)
//   internals.headerList(headers)            the live list      internals.headersGuard(headers)
//   internals.setHeadersGuard(headers, g)    internals.fillHeaders(headers, init)
//   internals.headerListGet(list, name)      combined value or null (name lowercase)
//   internals.headerListContains(list, name) internals.headerListAppend(list, name, value)
//   internals.extractMimeType(list)          { essence, type, subtype, parameters: Map } or null
//   internals.serializeMimeType(mime)        internals.parseMimeType(string)
//   internals.isByteString(s)                internals.toByteString(value, what)

const requireArgs = internals.requireArgs;
const toDOMString = internals.toDOMString;
const illegalInvocation = internals.illegalInvocation;
const TypeErrorCtor = TypeError;
const MapCtor = Map;
const ReflectApply = Reflect.apply;
const ReflectOwnKeys = Reflect.ownKeys;
const ReflectGetOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
const SymbolIterator = Symbol.iterator;
const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
const StringPrototypeToLowerCase = uncurryThis(String.prototype.toLowerCase);
const StringPrototypeCharCodeAt = uncurryThis(String.prototype.charCodeAt);
const StringPrototypeSlice = uncurryThis(String.prototype.slice);
const StringPrototypeIndexOf = uncurryThis(String.prototype.indexOf);
const RegExpPrototypeTest = uncurryThis(RegExp.prototype.test);
const RegExpPrototypeExec = uncurryThis(RegExp.prototype.exec);
const ArrayPrototypePush = uncurryThis(Array.prototype.push);
const ArrayPrototypeSplice = uncurryThis(Array.prototype.splice);
const ArrayPrototypeSort = uncurryThis(Array.prototype.sort);
const ArrayPrototypeJoin = uncurryThis(Array.prototype.join);
const MapPrototypeGet = uncurryThis(Map.prototype.get);
const MapPrototypeSet = uncurryThis(Map.prototype.set);
const MapPrototypeHas = uncurryThis(Map.prototype.has);
const customInspect = Symbol.for("nodejs.util.inspect.custom");

const isObject = (value) => value !== null && (typeof value === "object" || typeof value === "function");

// ---------------------------------------------------------------------------
// Names, values, byte strings

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const nonByteRe = /[^\x00-\xff]/;
const invalidValueRe = /[\0\r\n]/;
const isToken = (s) => RegExpPrototypeTest(tokenRe, s);
const isByteString = (s) => !RegExpPrototypeTest(nonByteRe, s);
const lower = (s) => StringPrototypeToLowerCase(s);

/** WebIDL ByteString: ToString, then every code unit must be ≤ 0xFF. */
function toByteString(value, what) {
  const s = toDOMString(value);
  const bad = RegExpPrototypeExec(nonByteRe, s);
  if (bad !== null) {
    throw new TypeErrorCtor(`${what}: Cannot convert to ByteString because the character at index ${bad.index} has a value of ${StringPrototypeCharCodeAt(s, bad.index)} which is greater than 255.`);
  }
  return s;
}

const isHttpWhitespace = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Strips leading and trailing HTTP whitespace (tab, LF, CR, space): "normalize" a header value. */
function normalizeValue(value) {
  let start = 0;
  let end = value.length;
  while (start < end && isHttpWhitespace(StringPrototypeCharCodeAt(value, start))) start++;
  while (end > start && isHttpWhitespace(StringPrototypeCharCodeAt(value, end - 1))) end--;
  return start === 0 && end === value.length ? value : StringPrototypeSlice(value, start, end);
}

// ---------------------------------------------------------------------------
// Header list operations (names compared ASCII case-insensitively)

function listIndexOf(list, lowerName, from = 0) {
  for (let i = from; i < list.length; i++) {
    if (lower(list[i][0]) === lowerName) return i;
  }
  return -1;
}

const listContains = (list, lowerName) => listIndexOf(list, lowerName) >= 0;

/** "get": the values of `name` joined with ", ", or null. */
function listGet(list, lowerName) {
  let result = null;
  for (let i = 0; i < list.length; i++) {
    if (lower(list[i][0]) !== lowerName) continue;
    result = result === null ? list[i][1] : `${result}, ${list[i][1]}`;
  }
  return result;
}

/** "append": a name already present lends its case to the new entry. */
function listAppend(list, name, value) {
  const at = listIndexOf(list, lower(name));
  ArrayPrototypePush(list, [at >= 0 ? list[at][0] : name, value]);
}

/** "set": replaces the first entry of `name` and removes the others, or appends. */
function listSet(list, name, value) {
  const lowerName = lower(name);
  const first = listIndexOf(list, lowerName);
  if (first < 0) {
    ArrayPrototypePush(list, [name, value]);
    return;
  }
  list[first] = [list[first][0], value];
  for (let i = list.length - 1; i > first; i--) {
    if (lower(list[i][0]) === lowerName) ArrayPrototypeSplice(list, i, 1);
  }
}

function listDelete(list, lowerName) {
  for (let i = list.length - 1; i >= 0; i--) {
    if (lower(list[i][0]) === lowerName) ArrayPrototypeSplice(list, i, 1);
  }
}

/** "sort and combine": lowercase names in code-unit order, values combined, set-cookie kept apart. */
function sortAndCombine(list) {
  const combined = new MapCtor();
  const names = [];
  const cookies = [];
  for (let i = 0; i < list.length; i++) {
    const name = lower(list[i][0]);
    const value = list[i][1];
    if (name === "set-cookie") {
      ArrayPrototypePush(cookies, value);
      if (!MapPrototypeHas(combined, name)) { MapPrototypeSet(combined, name, null); ArrayPrototypePush(names, name); }
    } else if (MapPrototypeHas(combined, name)) {
      MapPrototypeSet(combined, name, `${MapPrototypeGet(combined, name)}, ${value}`);
    } else {
      MapPrototypeSet(combined, name, value);
      ArrayPrototypePush(names, name);
    }
  }
  ArrayPrototypeSort(names, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const result = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (name === "set-cookie") {
      for (let j = 0; j < cookies.length; j++) ArrayPrototypePush(result, [name, cookies[j]]);
    } else {
      ArrayPrototypePush(result, [name, MapPrototypeGet(combined, name)]);
    }
  }
  return result;
}

// ---------------------------------------------------------------------------
// CORS-safelisting, for the "request-no-cors" guard (Fetch §3.2.2)

const corsUnsafeByte = (c) => (c < 0x20 && c !== 0x09) || c === 0x22 || c === 0x28 || c === 0x29 || c === 0x3a ||
  c === 0x3c || c === 0x3e || c === 0x3f || c === 0x40 || c === 0x5b || c === 0x5c || c === 0x5d || c === 0x7b ||
  c === 0x7d || c === 0x7f;
const languageRe = /^[0-9A-Za-z *,\-.;=]*$/;
const safelistedContentTypes = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

function hasCorsUnsafeByte(value) {
  for (let i = 0; i < value.length; i++) {
    if (corsUnsafeByte(StringPrototypeCharCodeAt(value, i))) return true;
  }
  return false;
}

function isCorsSafelisted(lowerName, value) {
  if (value.length > 128) return false;
  switch (lowerName) {
    case "accept":
      return !hasCorsUnsafeByte(value);
    case "accept-language":
    case "content-language":
      return RegExpPrototypeTest(languageRe, value);
    case "content-type": {
      if (hasCorsUnsafeByte(value)) return false;
      const mime = parseMimeType(value);
      return mime !== null && safelistedContentTypes.includes(mime.essence);
    }
    default:
      return false;
  }
}

const noCorsNames = ["accept", "accept-language", "content-language", "content-type"];
const isNoCorsSafelisted = (lowerName, value) => noCorsNames.includes(lowerName) && isCorsSafelisted(lowerName, value);

// ---------------------------------------------------------------------------
// MIME types (MIME Sniffing §4.4 parse/serialize; Fetch §3.1.7 "extract a MIME type")

const mimeTokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const quotedStringCharsRe = /^[\t\x20-\x7e\x80-\xff]*$/;

/** "collect an HTTP quoted string" from `input` at `state.position` (which is at a '"'). */
function collectQuotedString(input, state, extractValue) {
  const start = state.position;
  let value = "";
  state.position++;
  for (;;) {
    let i = state.position;
    while (i < input.length && input[i] !== '"' && input[i] !== "\\") i++;
    value += StringPrototypeSlice(input, state.position, i);
    state.position = i;
    if (i >= input.length) break;
    const quoteOrBackslash = input[i];
    state.position++;
    if (quoteOrBackslash === "\\") {
      if (state.position >= input.length) { value += "\\"; break; }
      value += input[state.position];
      state.position++;
    } else {
      break;
    }
  }
  return extractValue ? value : StringPrototypeSlice(input, start, state.position);
}

const trimHttpWhitespace = (s) => normalizeValue(s);
const trimTrailingHttpWhitespace = (s) => {
  let end = s.length;
  while (end > 0 && isHttpWhitespace(StringPrototypeCharCodeAt(s, end - 1))) end--;
  return StringPrototypeSlice(s, 0, end);
};

/** MIME Sniffing "parse a MIME type": { type, subtype, essence, parameters } or null. */
function parseMimeType(string) {
  const input = trimHttpWhitespace(string);
  let slash = StringPrototypeIndexOf(input, "/");
  if (slash < 0) return null;
  const type = StringPrototypeSlice(input, 0, slash);
  if (!RegExpPrototypeTest(mimeTokenRe, type)) return null;
  let semicolon = StringPrototypeIndexOf(input, ";", slash + 1);
  if (semicolon < 0) semicolon = input.length;
  const subtype = trimTrailingHttpWhitespace(StringPrototypeSlice(input, slash + 1, semicolon));
  if (!RegExpPrototypeTest(mimeTokenRe, subtype)) return null;
  const mime = { type: lower(type), subtype: lower(subtype), essence: "", parameters: new MapCtor() };
  mime.essence = `${mime.type}/${mime.subtype}`;
  const state = { position: semicolon };
  while (state.position < input.length) {
    state.position++; // the ";"
    while (state.position < input.length && isHttpWhitespace(StringPrototypeCharCodeAt(input, state.position))) state.position++;
    let i = state.position;
    while (i < input.length && input[i] !== ";" && input[i] !== "=") i++;
    const name = lower(StringPrototypeSlice(input, state.position, i));
    state.position = i;
    if (state.position < input.length) {
      if (input[state.position] === ";") continue;
      state.position++; // the "="
    }
    if (state.position >= input.length) break;
    let value;
    if (input[state.position] === '"') {
      value = collectQuotedString(input, state, true);
      while (state.position < input.length && input[state.position] !== ";") state.position++;
    } else {
      let j = state.position;
      while (j < input.length && input[j] !== ";") j++;
      value = trimTrailingHttpWhitespace(StringPrototypeSlice(input, state.position, j));
      state.position = j;
      if (value === "") continue;
    }
    if (name !== "" && RegExpPrototypeTest(mimeTokenRe, name) && RegExpPrototypeTest(quotedStringCharsRe, value) &&
      !MapPrototypeHas(mime.parameters, name)) {
      MapPrototypeSet(mime.parameters, name, value);
    }
  }
  return mime;
}

function serializeMimeType(mime) {
  let out = mime.essence;
  for (const [name, value] of mime.parameters) {
    out += `;${name}=`;
    if (value === "" || !RegExpPrototypeTest(mimeTokenRe, value)) {
      let quoted = '"';
      for (let i = 0; i < value.length; i++) {
        const c = value[i];
        quoted += c === '"' || c === "\\" ? `\\${c}` : c;
      }
      out += `${quoted}"`;
    } else {
      out += value;
    }
  }
  return out;
}

/** "get, decode, and split" a header value: split on commas outside quoted strings, each trimmed. */
function getDecodeSplit(list, lowerName) {
  const input = listGet(list, lowerName);
  if (input === null) return null;
  const values = [];
  const state = { position: 0 };
  let temporary = "";
  for (;;) {
    let i = state.position;
    while (i < input.length && input[i] !== '"' && input[i] !== ",") i++;
    temporary += StringPrototypeSlice(input, state.position, i);
    state.position = i;
    if (state.position < input.length && input[state.position] === '"') {
      temporary += collectQuotedString(input, state, false);
      if (state.position < input.length) continue;
    }
    let start = 0;
    let end = temporary.length;
    while (start < end && (temporary[start] === " " || temporary[start] === "\t")) start++;
    while (end > start && (temporary[end - 1] === " " || temporary[end - 1] === "\t")) end--;
    ArrayPrototypePush(values, StringPrototypeSlice(temporary, start, end));
    temporary = "";
    if (state.position >= input.length) return values;
    state.position++; // the ","
  }
}

/** Fetch "extract a MIME type" from a header list: the MIME type, or null for failure. */
function extractMimeType(list) {
  const values = getDecodeSplit(list, "content-type");
  if (values === null) return null;
  let charset = null;
  let essence = null;
  let mime = null;
  for (let i = 0; i < values.length; i++) {
    const temporary = parseMimeType(values[i]);
    if (temporary === null || temporary.essence === "*/*") continue;
    mime = temporary;
    if (mime.essence !== essence) {
      charset = MapPrototypeHas(mime.parameters, "charset") ? MapPrototypeGet(mime.parameters, "charset") : null;
      essence = mime.essence;
    } else if (!MapPrototypeHas(mime.parameters, "charset") && charset !== null) {
      MapPrototypeSet(mime.parameters, "charset", charset);
    }
  }
  return mime;
}

// ---------------------------------------------------------------------------
// Headers

let headersState;
let isHeaders;

/** Checks and normalizes (name, value) for a Headers method; returns [name, value]. */
function checkHeader(name, value, method) {
  const what = `Failed to execute '${method}' on 'Headers'`;
  const n = toByteString(name, what);
  const v = normalizeValue(toByteString(value, what));
  if (!isToken(n)) throw new TypeErrorCtor(`${what}: Invalid name "${n}".`);
  if (RegExpPrototypeTest(invalidValueRe, v)) throw new TypeErrorCtor(`${what}: Invalid value for header "${n}".`);
  return [n, v];
}

function checkName(name, method) {
  const what = `Failed to execute '${method}' on 'Headers'`;
  const n = toByteString(name, what);
  if (!isToken(n)) throw new TypeErrorCtor(`${what}: Invalid name "${n}".`);
  return n;
}

function checkMutable(s) {
  if (s.guard === "immutable") throw new TypeErrorCtor("Headers are immutable.");
}

/** "append" with the guard's rules (name and value already checked). */
function appendChecked(s, name, value) {
  checkMutable(s);
  const lowerName = lower(name);
  if (s.guard === "request-no-cors") {
    const existing = listGet(s.list, lowerName);
    if (!isNoCorsSafelisted(lowerName, existing === null ? value : `${existing}, ${value}`)) return;
  }
  listAppend(s.list, name, value);
  s.sorted = null;
}

/** "fill" from a HeadersInit: a sequence of [name, value] pairs or a record. */
function fill(s, init, what) {
  if (!isObject(init)) throw new TypeErrorCtor(`${what}: The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.`);
  const method = init[SymbolIterator];
  if (method !== undefined && method !== null) {
    if (typeof method !== "function") throw new TypeErrorCtor(`${what}: The object's @@iterator is not callable.`);
    const pairs = internals.webidlSequence({ [SymbolIterator]: () => ReflectApply(method, init, []) },
      (pair) => internals.webidlSequence(pair, (item) => toByteString(item, what), what), what);
    for (let i = 0; i < pairs.length; i++) {
      if (pairs[i].length !== 2) throw new TypeErrorCtor(`${what}: Each header pair must be an iterable [name, value] with exactly two items.`);
    }
    for (let i = 0; i < pairs.length; i++) {
      const [name, value] = checkHeader(pairs[i][0], pairs[i][1], "append");
      appendChecked(s, name, value);
    }
    return;
  }
  // record<ByteString, ByteString>: own enumerable keys in [[OwnPropertyKeys]] order.
  const entries = [];
  const keys = ReflectOwnKeys(init);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const descriptor = ReflectGetOwnPropertyDescriptor(init, key);
    if (descriptor === undefined || !descriptor.enumerable) continue;
    const name = toByteString(key, what);
    ArrayPrototypePush(entries, [name, toByteString(init[key], what)]);
  }
  for (let i = 0; i < entries.length; i++) {
    const [name, value] = checkHeader(entries[i][0], entries[i][1], "append");
    appendChecked(s, name, value);
  }
}

const kInternal = Symbol("Headers.internal");

class Headers {
  #s;

  constructor(init = undefined) {
    if (init === kInternal) {
      this.#s = arguments[1];
      return;
    }
    this.#s = { list: [], guard: "none", sorted: null };
    if (init !== undefined) fill(this.#s, init, "Failed to construct 'Headers'");
  }

  append(name, value) {
    const s = headersState(this);
    requireArgs(arguments.length, 2, "append", "Headers");
    const [n, v] = checkHeader(name, value, "append");
    appendChecked(s, n, v);
  }

  delete(name) {
    const s = headersState(this);
    requireArgs(arguments.length, 1, "delete", "Headers");
    const n = checkName(name, "delete");
    checkMutable(s);
    const lowerName = lower(n);
    if (s.guard === "request-no-cors" && !noCorsNames.includes(lowerName) && lowerName !== "range") return;
    if (!listContains(s.list, lowerName)) return;
    listDelete(s.list, lowerName);
    s.sorted = null;
  }

  get(name) {
    const s = headersState(this);
    requireArgs(arguments.length, 1, "get", "Headers");
    return listGet(s.list, lower(checkName(name, "get")));
  }

  getSetCookie() {
    const list = headersState(this).list;
    const values = [];
    for (let i = 0; i < list.length; i++) {
      if (lower(list[i][0]) === "set-cookie") ArrayPrototypePush(values, list[i][1]);
    }
    return values;
  }

  has(name) {
    const s = headersState(this);
    requireArgs(arguments.length, 1, "has", "Headers");
    return listContains(s.list, lower(checkName(name, "has")));
  }

  set(name, value) {
    const s = headersState(this);
    requireArgs(arguments.length, 2, "set", "Headers");
    const [n, v] = checkHeader(name, value, "set");
    checkMutable(s);
    if (s.guard === "request-no-cors" && !isNoCorsSafelisted(lower(n), v)) return;
    listSet(s.list, n, v);
    s.sorted = null;
  }

  [customInspect](depth, options, inspect) {
    const pairs = sortedPairs(this);
    if (typeof depth === "number" && depth < 0) return "[Headers]";
    if (pairs.length === 0) return "Headers {}";
    const parts = [];
    for (let i = 0; i < pairs.length; i++) ArrayPrototypePush(parts, `${pairs[i][0]}: ${inspect(pairs[i][1], options)}`);
    return `Headers { ${ArrayPrototypeJoin(parts, ", ")} }`;
  }

  static {
    headersState = (value) => (isObject(value) && #s in value ? value.#s : illegalInvocation());
    isHeaders = (value) => isObject(value) && #s in value;
  }
}

/** The iteration pairs, cached until the list changes through this object. */
function sortedPairs(headers) {
  const s = headersState(headers);
  // Lists shared with internal code can change without this object knowing; compare lengths as a cheap check.
  if (s.sorted === null || s.sortedFrom !== s.list.length) {
    s.sorted = sortAndCombine(s.list);
    s.sortedFrom = s.list.length;
  }
  return s.sorted;
}

internals.webidlInterface(Headers);
internals.webidlPairIterable(Headers, "Headers", sortedPairs);

// ---------------------------------------------------------------------------

internals.Headers = Headers;
internals.isHeaders = isHeaders;
internals.newHeaders = (list, guard) => new Headers(kInternal, { list, guard, sorted: null });
internals.headerList = (headers) => headersState(headers).list;
internals.headersGuard = (headers) => headersState(headers).guard;
internals.setHeadersGuard = (headers, guard) => { headersState(headers).guard = guard; };
internals.fillHeaders = (headers, init, what) => { const s = headersState(headers); fill(s, init, what); s.sorted = null; };
internals.clearHeaders = (headers) => { const s = headersState(headers); s.list.length = 0; s.sorted = null; };
internals.appendHeader = (headers, name, value) => { const s = headersState(headers); appendChecked(s, name, value); };
internals.headerListGet = listGet;
internals.headerListContains = listContains;
internals.headerListAppend = listAppend;
internals.extractMimeType = extractMimeType;
internals.parseMimeType = parseMimeType;
internals.serializeMimeType = serializeMimeType;
internals.isByteString = isByteString;
internals.toByteString = toByteString;
internals.isHeaderName = isToken;
internals.isCorsSafelistedMethod = (method) => method === "GET" || method === "HEAD" || method === "POST";

internals.defineGlobal("Headers", Headers);
