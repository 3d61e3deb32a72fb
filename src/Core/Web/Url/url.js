// URL and URLSearchParams (WHATWG URL Standard). Parsing and the setters run in C# (UrlOps): one op
// call returns the href (or true: "same as the input") and leaves the component offsets in the
// transfer buffer; each URL keeps the href plus those offsets, so a getter is a single slice.
const { ops } = internals;
const u32 = internals.transferU32;
const opParse = ops.urlParse;
const opSet = ops.urlSet;
const opOrigin = ops.urlOrigin;
const opFormDecode = ops.urlFormDecode;
const parseSimple = internals.urlParseSimple; // url_simple.js

// Setter indexes, as UrlSetter in UrlSetters.cs.
const SET_PROTOCOL = 1, SET_USERNAME = 2, SET_PASSWORD = 3, SET_HOST = 4, SET_HOSTNAME = 5,
  SET_PORT = 6, SET_PATHNAME = 7, SET_SEARCH = 8, SET_HASH = 9, SET_SEARCH_PARAMS = 10;

const kInternal = Symbol("internal");
const customInspect = Symbol.for("nodejs.util.inspect.custom");

/** WebIDL USVString: ToString, then lone surrogates become U+FFFD. */
const usv = (value) => {
  const s = `${value}`;
  return s.isWellFormed() ? s : s.toWellFormed();
};

const requireArgs = (count, needed, what) => {
  if (count < needed) {
    throw new TypeError(`${what}: ${needed} argument${needed > 1 ? "s" : ""} required, but only ${count} present.`);
  }
};

/** The error for an unparsable URL, shaped like Node's (code ERR_INVALID_URL, input, base). */
const invalidUrl = (input, base) => {
  const error = new TypeError("Invalid URL");
  error.code = "ERR_INVALID_URL";
  error.input = input;
  if (base !== undefined) error.base = base;
  return error;
};

// --- application/x-www-form-urlencoded ---

// encodeURIComponent leaves ! ' ( ) ~ alone and writes space as %20; the form set differs in exactly those.
const FORM_FIX = { "!": "%21", "'": "%27", "(": "%28", ")": "%29", "~": "%7E", "%20": "+" };
const FORM_PLAIN = /^[A-Za-z0-9*\-._]*$/;
const FORM_FIX_RE = /[!'()~]|%20/g;
const formFix = (m) => FORM_FIX[m];
const formEncode = (s) => (FORM_PLAIN.test(s) ? s : encodeURIComponent(s).replace(FORM_FIX_RE, formFix));

const formDecode = (s) => {
  if (s.indexOf("%") >= 0) return opFormDecode(s);
  return s.indexOf("+") >= 0 ? s.replaceAll("+", " ") : s;
};

/** Parses a well-formed string into [name, value] pairs. */
const formParse = (input) => {
  const list = [];
  if (input === "") return list;
  for (const sequence of input.split("&")) {
    if (sequence === "") continue;
    const eq = sequence.indexOf("=");
    if (eq < 0) list.push([formDecode(sequence), ""]);
    else list.push([formDecode(sequence.slice(0, eq)), formDecode(sequence.slice(eq + 1))]);
  }
  return list;
};

const formSerialize = (list) => {
  let out = "";
  for (let i = 0; i < list.length; i++) {
    if (i > 0) out += "&";
    out += `${formEncode(list[i][0])}=${formEncode(list[i][1])}`;
  }
  return out;
};

// Cross-class hooks, filled in by the classes' static blocks (private names do not cross classes).
let urlSetQuery; // (url, serialized) => void
let paramsCreate; // (url, query) => URLSearchParams bound to url
let paramsReset; // (params, query) => void
let listOf; // (params) => the live list, for the iterators
let isParams; // (value) => whether it is a URLSearchParams
let inspectPrototype = null; // see URL's inspect hook

// --- parsing, with a small memo: parsing is a pure function of (input, base) ---

// A parsed URL is a record array [href, protocolEnd, usernameEnd, hostStart, hostEnd, portEnd,
// pathStart, searchStart, hashStart], shared (never mutated) between URLs and the memo.
const HREF = 0, PROTOCOL_END = 1, USERNAME_END = 2, HOST_START = 3, HOST_END = 4, PORT_END = 5,
  PATH_START = 6, SEARCH_START = 7, HASH_START = 8;

/** Builds a record from an op's result; the offsets are read from the transfer buffer right away. */
const record = (result, input) => [
  result === true ? input : result, u32[0], u32[1], u32[2], u32[3], u32[4], u32[5], u32[6], u32[7],
];

// The last few parses, compared with ===: a loop over the same few URLs skips the op entirely, and
// a miss costs a handful of string comparisons (a Map would hash and retain every distinct input).
const MEMO_SIZE = 8;
const memoInputs = new Array(MEMO_SIZE).fill(null);
const memoBases = new Array(MEMO_SIZE).fill(undefined);
const memoRecords = new Array(MEMO_SIZE).fill(null);
let memoNext = 0;

const parse = (input, base) => {
  for (let i = 0; i < MEMO_SIZE; i++) {
    if (memoInputs[i] === input && memoBases[i] === base) return memoRecords[i];
  }
  let rec = base === undefined ? parseSimple(input) : null;
  if (rec === null) {
    const result = base === undefined ? opParse(input) : opParse(input, base);
    rec = result === null ? null : record(result, input);
  }
  memoInputs[memoNext] = input;
  memoBases[memoNext] = base;
  memoRecords[memoNext] = rec;
  memoNext = (memoNext + 1) % MEMO_SIZE;
  return rec;
};

// --- URL ---

let isUrl;

class URL {
  #r;
  #searchParams = null;

  constructor(url, base = undefined) {
    if (url === kInternal) {
      this.#r = base; // URL.parse: the record is already made
      return;
    }
    requireArgs(arguments.length, 1, "Failed to construct 'URL'");
    const input = `${url}`;
    const baseText = base === undefined ? undefined : `${base}`;
    const rec = parse(input, baseText);
    if (rec === null) throw invalidUrl(input, baseText);
    this.#r = rec;
  }

  static canParse(url, base = undefined) {
    requireArgs(arguments.length, 1, "Failed to execute 'canParse' on 'URL'");
    return parse(`${url}`, base === undefined ? undefined : `${base}`) !== null;
  }

  static parse(url, base = undefined) {
    requireArgs(arguments.length, 1, "Failed to execute 'parse' on 'URL'");
    const rec = parse(`${url}`, base === undefined ? undefined : `${base}`);
    return rec === null ? null : new URL(kInternal, rec);
  }

  #set(setter, value) {
    const href = this.#r[HREF];
    const result = opSet(href, setter, value);
    if (result !== true) this.#r = record(result, href);
  }

  #query() {
    const r = this.#r;
    return r[SEARCH_START] < r[HASH_START] ? r[HREF].slice(r[SEARCH_START] + 1, r[HASH_START]) : "";
  }

  static {
    urlSetQuery = (url, serialized) => url.#set(SET_SEARCH_PARAMS, serialized);
    isUrl = (value) => value !== null && typeof value === "object" && #r in value;
  }

  get href() {
    return this.#r[HREF];
  }

  set href(value) {
    const input = `${value}`;
    const rec = parse(input, undefined);
    if (rec === null) throw invalidUrl(input, undefined);
    this.#r = rec;
    if (this.#searchParams !== null) paramsReset(this.#searchParams, this.#query());
  }

  get origin() {
    const r = this.#r;
    const protocol = r[HREF].slice(0, r[PROTOCOL_END]);
    switch (protocol) {
      case "http:":
      case "https:":
      case "ws:":
      case "wss:":
      case "ftp:":
        return `${protocol}//${r[HREF].slice(r[HOST_START], r[PORT_END])}`;
      case "blob:":
        return opOrigin(r[HREF]);
      default:
        return "null";
    }
  }

  get protocol() {
    const r = this.#r;
    return r[HREF].slice(0, r[PROTOCOL_END]);
  }

  set protocol(value) {
    this.#set(SET_PROTOCOL, usv(value));
  }

  get username() {
    const r = this.#r;
    const start = r[PROTOCOL_END] + 2;
    return r[USERNAME_END] > start ? r[HREF].slice(start, r[USERNAME_END]) : "";
  }

  set username(value) {
    this.#set(SET_USERNAME, usv(value));
  }

  get password() {
    const r = this.#r;
    return r[HOST_START] - r[USERNAME_END] > 1 ? r[HREF].slice(r[USERNAME_END] + 1, r[HOST_START] - 1) : "";
  }

  set password(value) {
    this.#set(SET_PASSWORD, usv(value));
  }

  get host() {
    const r = this.#r;
    return r[HREF].slice(r[HOST_START], r[PORT_END]);
  }

  set host(value) {
    this.#set(SET_HOST, usv(value));
  }

  get hostname() {
    const r = this.#r;
    return r[HREF].slice(r[HOST_START], r[HOST_END]);
  }

  set hostname(value) {
    this.#set(SET_HOSTNAME, usv(value));
  }

  get port() {
    const r = this.#r;
    return r[PORT_END] > r[HOST_END] ? r[HREF].slice(r[HOST_END] + 1, r[PORT_END]) : "";
  }

  set port(value) {
    this.#set(SET_PORT, usv(value));
  }

  get pathname() {
    const r = this.#r;
    return r[HREF].slice(r[PATH_START], r[SEARCH_START]);
  }

  set pathname(value) {
    this.#set(SET_PATHNAME, usv(value));
  }

  get search() {
    const r = this.#r;
    return r[HASH_START] - r[SEARCH_START] > 1 ? r[HREF].slice(r[SEARCH_START], r[HASH_START]) : "";
  }

  set search(value) {
    this.#set(SET_SEARCH, usv(value));
    if (this.#searchParams !== null) paramsReset(this.#searchParams, this.#query());
  }

  get searchParams() {
    return (this.#searchParams ??= paramsCreate(this, this.#query()));
  }

  get hash() {
    const r = this.#r;
    return r[HREF].length - r[HASH_START] > 1 ? r[HREF].slice(r[HASH_START]) : "";
  }

  set hash(value) {
    this.#set(SET_HASH, usv(value));
  }

  toString() {
    return this.#r[HREF];
  }

  toJSON() {
    return this.#r[HREF];
  }

  [customInspect](depth, options, inspect) {
    if (typeof depth === "number" && depth < 0) return "URL {}";
    // An object that is instanceof URL (so it prints as "URL { href: ... }") and has the components as
    // own properties; its prototype hides this hook so the inspector formats it plainly.
    const view = Object.create((inspectPrototype ??= Object.create(URL.prototype, { [customInspect]: { value: undefined } })));
    for (const key of ["href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "searchParams", "hash"]) {
      Object.defineProperty(view, key, { value: this[key], enumerable: true }); // not "=": that would hit URL's setter
    }
    return view;
  }
}

// --- URLSearchParams ---

class URLSearchParams {
  #list = [];
  #url = null;

  constructor(init = "") {
    if (init === kInternal) return; // paramsCreate fills in the list and URL
    if (init !== null && (typeof init === "object" || typeof init === "function")) {
      const iteratorMethod = init[Symbol.iterator];
      if (iteratorMethod !== undefined && iteratorMethod !== null) {
        if (typeof iteratorMethod !== "function") throw new TypeError("Failed to construct 'URLSearchParams': @@iterator is not callable");
        for (const pair of { [Symbol.iterator]: () => iteratorMethod.call(init) }) {
          if (pair === null || (typeof pair !== "object" && typeof pair !== "function") || typeof pair[Symbol.iterator] !== "function") {
            throw new TypeError("Failed to construct 'URLSearchParams': each pair must be an iterable [name, value]");
          }
          const items = Array.from(pair, usv);
          if (items.length !== 2) {
            throw new TypeError("Failed to construct 'URLSearchParams': each pair must have exactly two items");
          }
          this.#list.push(items);
        }
      } else {
        // record<USVString, USVString>: keys that become equal after USVString conversion (lone
        // surrogates to U+FFFD) are one entry, at the first one's place, holding the last value.
        const indexOf = new Map();
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const name = usv(key);
          const value = usv(init[key]);
          const index = indexOf.get(name);
          if (index === undefined) {
            indexOf.set(name, this.#list.length);
            this.#list.push([name, value]);
          } else {
            this.#list[index][1] = value;
          }
        }
      }
      return;
    }
    let text = usv(init);
    if (text.startsWith("?")) text = text.slice(1);
    this.#list = formParse(text);
  }

  static {
    paramsCreate = (url, query) => {
      const params = new URLSearchParams(kInternal);
      params.#list = formParse(query);
      params.#url = url;
      return params;
    };
    paramsReset = (params, query) => {
      params.#list = formParse(query);
    };
  }

  /** The update steps: write the serialized list back to the URL's query. */
  #update() {
    if (this.#url !== null) urlSetQuery(this.#url, formSerialize(this.#list));
  }

  get size() {
    return this.#list.length;
  }

  append(name, value) {
    requireArgs(arguments.length, 2, "Failed to execute 'append' on 'URLSearchParams'");
    this.#list.push([usv(name), usv(value)]);
    this.#update();
  }

  delete(name, value = undefined) {
    requireArgs(arguments.length, 1, "Failed to execute 'delete' on 'URLSearchParams'");
    const n = usv(name);
    if (value === undefined) this.#list = this.#list.filter((pair) => pair[0] !== n);
    else {
      const v = usv(value);
      this.#list = this.#list.filter((pair) => pair[0] !== n || pair[1] !== v);
    }
    this.#update();
  }

  get(name) {
    requireArgs(arguments.length, 1, "Failed to execute 'get' on 'URLSearchParams'");
    const n = usv(name);
    for (const pair of this.#list) if (pair[0] === n) return pair[1];
    return null;
  }

  getAll(name) {
    requireArgs(arguments.length, 1, "Failed to execute 'getAll' on 'URLSearchParams'");
    const n = usv(name);
    const values = [];
    for (const pair of this.#list) if (pair[0] === n) values.push(pair[1]);
    return values;
  }

  has(name, value = undefined) {
    requireArgs(arguments.length, 1, "Failed to execute 'has' on 'URLSearchParams'");
    const n = usv(name);
    if (value === undefined) return this.#list.some((pair) => pair[0] === n);
    const v = usv(value);
    return this.#list.some((pair) => pair[0] === n && pair[1] === v);
  }

  set(name, value) {
    requireArgs(arguments.length, 2, "Failed to execute 'set' on 'URLSearchParams'");
    const n = usv(name);
    const v = usv(value);
    const list = this.#list;
    const first = list.findIndex((pair) => pair[0] === n);
    if (first < 0) list.push([n, v]);
    else {
      list[first] = [n, v];
      this.#list = list.filter((pair, i) => i <= first || pair[0] !== n);
    }
    this.#update();
  }

  sort() {
    // Array.prototype.sort is stable; < compares code units, as the standard asks.
    this.#list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.#update();
  }

  toString() {
    return formSerialize(this.#list);
  }

  forEach(callback, thisArg = undefined) {
    requireArgs(arguments.length, 1, "Failed to execute 'forEach' on 'URLSearchParams'");
    if (typeof callback !== "function") {
      throw new TypeError("Failed to execute 'forEach' on 'URLSearchParams': parameter 1 is not of type 'Function'.");
    }
    // Live: the list is re-read on every step, so changes made by the callback are seen.
    for (let i = 0; i < this.#list.length; i++) {
      const pair = this.#list[i];
      callback.call(thisArg, pair[1], pair[0], this);
    }
  }

  keys() {
    return createIterator(this, 0);
  }

  values() {
    return createIterator(this, 1);
  }

  entries() {
    return createIterator(this, 2);
  }

  static {
    listOf = (params) => params.#list;
    isParams = (value) => value !== null && typeof value === "object" && #list in value;
  }

  [customInspect](depth, options, inspect) {
    const list = this.#list;
    if (list.length === 0) return "URLSearchParams {}";
    if (typeof depth === "number" && depth < 0) return "[URLSearchParams]";
    const parts = list.map(([k, v]) => `${inspect(k, options)} => ${inspect(v, options)}`);
    return `URLSearchParams { ${parts.join(", ")} }`;
  }
}

// --- URLSearchParams iterators: live, like WebIDL's default iterators ---

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

class URLSearchParamsIterator {
  #params;
  #kind;
  #index = 0;

  constructor(params, kind) {
    this.#params = params;
    this.#kind = kind;
  }

  next() {
    const list = listOf(this.#params);
    if (this.#index >= list.length) return { value: undefined, done: true };
    const pair = list[this.#index++];
    const kind = this.#kind;
    return { value: kind === 0 ? pair[0] : kind === 1 ? pair[1] : [pair[0], pair[1]], done: false };
  }

  [customInspect](depth, options, inspect) {
    // The items still to come, without consuming them.
    const rest = listOf(this.#params).slice(this.#index);
    const kind = this.#kind;
    const items = rest.map((pair) => inspect(kind === 0 ? pair[0] : kind === 1 ? pair[1] : [pair[0], pair[1]], options));
    return items.length === 0 ? "URLSearchParams Iterator {  }" : `URLSearchParams Iterator { ${items.join(", ")} }`;
  }
}

const createIterator = (params, kind) => new URLSearchParamsIterator(params, kind);

// --- WebIDL shape: enumerable members, @@toStringTag, @@iterator, prototypes ---

const makeEnumerable = (target) => {
  for (const key of Reflect.ownKeys(target)) {
    if (typeof key !== "string" || key === "constructor" || key === "prototype" || key === "length" || key === "name") continue;
    Object.defineProperty(target, key, { enumerable: true });
  }
};

for (const ctor of [URL, URLSearchParams]) {
  makeEnumerable(ctor.prototype);
  makeEnumerable(ctor);
  Object.defineProperty(ctor.prototype, customInspect, { enumerable: false });
  Object.defineProperty(ctor.prototype, Symbol.toStringTag, { value: ctor.name, configurable: true });
}
Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
  value: URLSearchParams.prototype.entries, writable: true, configurable: true,
});

const iteratorProto = URLSearchParamsIterator.prototype;
Object.setPrototypeOf(iteratorProto, IteratorPrototype);
Object.defineProperty(iteratorProto, "next", { enumerable: true });
Object.defineProperty(iteratorProto, customInspect, { enumerable: false });
Object.defineProperty(iteratorProto, Symbol.toStringTag, { value: "URLSearchParams Iterator", configurable: true });
delete iteratorProto.constructor;

internals.URL = URL;
internals.URLSearchParams = URLSearchParams;
// For fetch bodies: application/x-www-form-urlencoded in both directions.
internals.isURLSearchParams = (value) => isParams(value);
internals.urlSearchParamsString = (params) => formSerialize(listOf(params));
internals.formUrlEncodedParse = formParse;
// Neither is [Serializable]: structuredClone throws DataCloneError. (Tests load url.js alone, without
// structured_clone.js.)
if (internals.registerPlatformObject !== undefined) {
  internals.registerPlatformObject(URL.prototype, isUrl);
  internals.registerPlatformObject(URLSearchParams.prototype, isParams);
}
internals.defineGlobal("URL", URL);
internals.defineGlobal("URLSearchParams", URLSearchParams);
