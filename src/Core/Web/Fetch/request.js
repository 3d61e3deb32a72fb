// Request (Fetch Standard §6.4), and internals.fetch: the seam fetch() and runtime:http build on.
// Prelude function body; loads after headers.js, multipart.js, body.js and response.js.
//
// A request record holds the standard's request fields that a script can observe: method, urlList
// (hrefs; the first is the request's URL), headers (a Headers object whose list is the request's
// header list), body, mode, credentials, cache, redirect, referrer ("client", "no-referrer" or an
// href), referrerPolicy, integrity, keepalive, priority, signal. There is no document, so there is
// no origin and no API base URL (see apiBaseUrl): relative URLs fail, and a referrer URL is
// "client" unless it is same-origin with that base.
//
// internals.fetch (for fetch() and runtime:http):
//   newRequest({ method, url, headers: [[name, value], ...], body, signal, guard })  → Request
//       body: null, a ReadableStream or a Uint8Array (taken); headers must already be valid (e.g.
//       from the HTTP codec); signal: an AbortSignal the caller aborts (default: a new one);
//       guard defaults to "immutable" (a request handed to a server handler).
//   newResponse({ status, statusText, headers, body, urlList, type, guard })      → Response
//   request(request) / response(response)     the records (read them; do not replace fields)
//   headerList(headers)                        a Headers object's live [[name, value], ...]
//   takeBody(body)    { bytes, stream, length }: bytes when the body never became a stream
//   bodyStream(body)  registerBodySource(test, extract)   parseUrl(input, what)

const requireArgs = internals.requireArgs;
const toUSVString = internals.toUSVString;
const toDOMString = internals.toDOMString;
const illegalInvocation = internals.illegalInvocation;
const TypeErrorCtor = TypeError;
const URLCtor = internals.URL;
const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
const StringPrototypeToUpperCase = uncurryThis(String.prototype.toUpperCase);
const ArrayPrototypeIncludes = uncurryThis(Array.prototype.includes);
const ArrayPrototypeMap = uncurryThis(Array.prototype.map);
const customInspect = Symbol.for("nodejs.util.inspect.custom");
const URLHref = uncurryThis(Object.getOwnPropertyDescriptor(URLCtor.prototype, "href").get);
const URLOrigin = uncurryThis(Object.getOwnPropertyDescriptor(URLCtor.prototype, "origin").get);
const URLUsername = uncurryThis(Object.getOwnPropertyDescriptor(URLCtor.prototype, "username").get);
const URLPassword = uncurryThis(Object.getOwnPropertyDescriptor(URLCtor.prototype, "password").get);
const URLProtocol = uncurryThis(Object.getOwnPropertyDescriptor(URLCtor.prototype, "protocol").get);
const URLPathname = uncurryThis(Object.getOwnPropertyDescriptor(URLCtor.prototype, "pathname").get);

const isObject = (value) => value !== null && (typeof value === "object" || typeof value === "function");

/**
 * The API base URL: none in a runtime without a document, unless the embedder set
 * internals.apiBaseUrl or the program defined a global `location` with an href (what Deno's
 * --location provides, and what a web-platform-tests runner defines).
 */
function apiBaseUrl() {
  if (internals.apiBaseUrl !== undefined) return internals.apiBaseUrl;
  const location = globalThis.location;
  const href = isObject(location) ? location.href : undefined;
  return typeof href === "string" ? href : undefined;
}

/** "parse a URL" with the API base URL; a TypeError naming the input on failure. */
function parseUrl(input, what) {
  try {
    return new URLCtor(input, apiBaseUrl());
  } catch {
    throw new TypeErrorCtor(`${what}: Invalid URL "${input}".`);
  }
}

// ---------------------------------------------------------------------------
// RequestInit

const enums = {
  cache: ["default", "no-store", "reload", "no-cache", "force-cache", "only-if-cached"],
  credentials: ["omit", "same-origin", "include"],
  duplex: ["half"],
  mode: ["navigate", "same-origin", "no-cors", "cors"],
  priority: ["high", "low", "auto"],
  redirect: ["follow", "error", "manual"],
  referrerPolicy: ["", "no-referrer", "no-referrer-when-downgrade", "same-origin", "origin", "strict-origin",
    "origin-when-cross-origin", "strict-origin-when-cross-origin", "unsafe-url"],
};
const enumNames = { cache: "RequestCache", credentials: "RequestCredentials", duplex: "RequestDuplex", mode: "RequestMode",
  priority: "RequestPriority", redirect: "RequestRedirect", referrerPolicy: "ReferrerPolicy" };

function readEnum(dict, key, what) {
  const value = dict[key];
  if (value === undefined) return undefined;
  const s = toDOMString(value);
  if (!ArrayPrototypeIncludes(enums[key], s)) {
    throw new TypeErrorCtor(`${what}: Failed to read the '${key}' property from 'RequestInit': The provided value '${s}' is not a valid enum value of type ${enumNames[key]}.`);
  }
  return s;
}

/** The members of a RequestInit, read and converted in WebIDL (lexicographic) order. */
function readRequestInit(init, what) {
  const dict = internals.webidlDictionary(init, "RequestInit");
  const r = { any: false };
  if (dict === undefined) return r;
  r.body = dict.body;
  r.cache = readEnum(dict, "cache", what);
  r.credentials = readEnum(dict, "credentials", what);
  r.duplex = readEnum(dict, "duplex", what);
  const headers = dict.headers;
  if (headers !== undefined) {
    // HeadersInit is converted here; a Headers object gives its header list as it is.
    if (internals.isHeaders(headers)) r.headers = ArrayPrototypeMap(internals.headerList(headers), (e) => [e[0], e[1]]);
    else {
      const probe = internals.newHeaders([], "none");
      internals.fillHeaders(probe, headers, what);
      r.headers = internals.headerList(probe);
    }
  }
  const integrity = dict.integrity;
  if (integrity !== undefined) r.integrity = toDOMString(integrity);
  const keepalive = dict.keepalive;
  if (keepalive !== undefined) r.keepalive = !!keepalive;
  const method = dict.method;
  if (method !== undefined) r.method = internals.toByteString(method, what);
  r.mode = readEnum(dict, "mode", what);
  r.priority = readEnum(dict, "priority", what);
  r.redirect = readEnum(dict, "redirect", what);
  const referrer = dict.referrer;
  if (referrer !== undefined) r.referrer = toUSVString(referrer);
  r.referrerPolicy = readEnum(dict, "referrerPolicy", what);
  const signal = dict.signal;
  if (signal !== undefined) {
    if (signal !== null && !internals.isAbortSignal(signal)) {
      throw new TypeErrorCtor(`${what}: Failed to read the 'signal' property from 'RequestInit': Failed to convert value to 'AbortSignal'.`);
    }
    r.signal = signal;
  }
  r.window = dict.window;
  for (const key of ["body", "cache", "credentials", "duplex", "headers", "integrity", "keepalive", "method", "mode",
    "priority", "redirect", "referrer", "referrerPolicy", "signal", "window"]) {
    if (r[key] !== undefined) r.any = true;
  }
  return r;
}

const normalizedMethods = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];
const forbiddenMethods = ["CONNECT", "TRACE", "TRACK"];

/** A method token, refused when forbidden, with the six standard methods uppercased. */
function normalizeMethod(method, what) {
  if (!internals.isHeaderName(method)) throw new TypeErrorCtor(`${what}: '${method}' is not a valid HTTP method.`);
  const upper = StringPrototypeToUpperCase(method);
  if (ArrayPrototypeIncludes(forbiddenMethods, upper)) throw new TypeErrorCtor(`${what}: '${method}' HTTP method is unsupported.`);
  return ArrayPrototypeIncludes(normalizedMethods, upper) ? upper : method;
}

function newRecord(href) {
  return {
    method: "GET", urlList: [href], headers: null, body: null, mode: "cors", credentials: "same-origin", cache: "default",
    redirect: "follow", referrer: "client", referrerPolicy: "", integrity: "", keepalive: false, priority: "auto",
    reloadNavigation: false, historyNavigation: false, signal: null,
  };
}

/** The fields of a request record, its header list copied and without body or signal. */
function copyRecord(r) {
  const copy = { ...r };
  copy.urlList = [...r.urlList];
  copy.headers = null;
  copy.body = null;
  copy.signal = null;
  return copy;
}

const copyList = (headers) => ArrayPrototypeMap(internals.headerList(headers), (e) => [e[0], e[1]]);

/** The referrer member: "no-referrer" for "", else a URL that stays only when same-origin with the base. */
function referrerFrom(value, what) {
  if (value === "") return "no-referrer";
  const parsed = parseUrl(value, what);
  if (URLProtocol(parsed) === "about:" && URLPathname(parsed) === "client") return "client";
  const base = apiBaseUrl();
  if (base === undefined || URLOrigin(parsed) !== URLOrigin(new URLCtor(base))) return "client";
  return URLHref(parsed);
}

// ---------------------------------------------------------------------------
// Request

let requestState;
let isRequest;
const kInternal = Symbol("Request.internal");

class Request {
  #r;

  constructor(input, init = undefined) {
    if (input === kInternal) {
      this.#r = init;
      return;
    }
    requireArgs(arguments.length, 1, "Request");
    const what = "Failed to construct 'Request'";
    const inputRecord = isRequest(input) ? requestState(input) : null;
    const inputUrl = inputRecord === null ? toUSVString(input) : undefined;
    const dict = readRequestInit(init, what);

    let r;
    let fallbackMode = null;
    let signal = null;
    if (inputRecord === null) {
      const parsed = parseUrl(inputUrl, what);
      if (URLUsername(parsed) !== "" || URLPassword(parsed) !== "") {
        throw new TypeErrorCtor(`${what}: Request cannot be constructed from a URL that includes credentials: ${inputUrl}`);
      }
      r = newRecord(URLHref(parsed));
      fallbackMode = "cors";
    } else {
      r = copyRecord(inputRecord);
      signal = inputRecord.signal;
    }
    if (dict.window !== undefined && dict.window !== null) throw new TypeErrorCtor(`${what}: 'window' must be null.`);
    if (dict.any) {
      if (r.mode === "navigate") r.mode = "same-origin";
      r.reloadNavigation = r.historyNavigation = false;
      r.referrer = "client";
      r.referrerPolicy = "";
      r.urlList = [r.urlList[r.urlList.length - 1]];
    }
    if (dict.referrer !== undefined) r.referrer = referrerFrom(dict.referrer, what);
    if (dict.referrerPolicy !== undefined) r.referrerPolicy = dict.referrerPolicy;
    const mode = dict.mode ?? fallbackMode;
    if (mode === "navigate") throw new TypeErrorCtor(`${what}: Cannot construct a Request with a RequestInit whose mode member is set as 'navigate'.`);
    if (mode !== null) r.mode = mode;
    if (dict.credentials !== undefined) r.credentials = dict.credentials;
    if (dict.cache !== undefined) r.cache = dict.cache;
    if (r.cache === "only-if-cached" && r.mode !== "same-origin") {
      throw new TypeErrorCtor(`${what}: 'only-if-cached' can be set only with 'same-origin' mode.`);
    }
    if (dict.redirect !== undefined) r.redirect = dict.redirect;
    if (dict.integrity !== undefined) r.integrity = dict.integrity;
    if (dict.keepalive !== undefined) r.keepalive = dict.keepalive;
    if (dict.method !== undefined) r.method = normalizeMethod(dict.method, what);
    if (dict.signal !== undefined) signal = dict.signal;
    if (dict.priority !== undefined) r.priority = dict.priority;
    this.#r = r;

    r.signal = signal === null ? internals.newAbortSignal() : internals.createDependentSignal([signal]);
    r.headers = internals.newHeaders(inputRecord === null ? [] : copyList(inputRecord.headers), "request");
    if (r.mode === "no-cors") {
      if (!internals.isCorsSafelistedMethod(r.method)) throw new TypeErrorCtor(`${what}: '${r.method}' is unsupported in no-cors mode.`);
      internals.setHeadersGuard(r.headers, "request-no-cors");
    }
    if (dict.any) {
      const list = dict.headers ?? copyList(r.headers);
      internals.clearHeaders(r.headers);
      for (let i = 0; i < list.length; i++) internals.appendHeader(r.headers, list[i][0], list[i][1]);
    }

    const inputBody = inputRecord === null ? null : inputRecord.body;
    const hasInitBody = dict.body !== undefined && dict.body !== null;
    if ((hasInitBody || inputBody !== null) && (r.method === "GET" || r.method === "HEAD")) {
      throw new TypeErrorCtor(`${what}: Request with GET/HEAD method cannot have body.`);
    }
    let initBody = null;
    if (hasInitBody) {
      const extracted = internals.extractBody(dict.body, r.keepalive);
      initBody = extracted.body;
      const list = internals.headerList(r.headers);
      if (extracted.type !== null && !internals.headerListContains(list, "content-type")) {
        internals.headerListAppend(list, "Content-Type", extracted.type);
      }
    }
    const inputOrInitBody = initBody ?? inputBody;
    if (inputOrInitBody !== null && inputOrInitBody.source === null && !inputOrInitBody.external) {
      if (initBody !== null && dict.duplex === undefined) {
        throw new TypeErrorCtor(`${what}: The duplex member must be specified for a request with a streaming body.`);
      }
      if (r.mode !== "same-origin" && r.mode !== "cors") {
        throw new TypeErrorCtor(`${what}: A request with a streaming body must have mode 'same-origin' or 'cors'.`);
      }
    }
    let finalBody = inputOrInitBody;
    // An input body replaced by the init's is still spent (WPT request-disturbed; browsers agree).
    if (initBody !== null && inputBody !== null) internals.discardBody(inputBody);
    if (initBody === null && inputBody !== null) {
      if (internals.bodyUnusable(inputBody)) throw new TypeErrorCtor(`${what}: Cannot construct a Request with a Request object that has already been used.`);
      finalBody = internals.proxyBody(inputBody);
    }
    r.body = finalBody;
  }

  get method() {
    return requestState(this).method;
  }

  get url() {
    return requestState(this).urlList[0];
  }

  get headers() {
    return requestState(this).headers;
  }

  get destination() {
    requestState(this);
    return "";
  }

  get referrer() {
    const referrer = requestState(this).referrer;
    return referrer === "no-referrer" ? "" : referrer === "client" ? "about:client" : referrer;
  }

  get referrerPolicy() {
    return requestState(this).referrerPolicy;
  }

  get mode() {
    return requestState(this).mode;
  }

  get credentials() {
    return requestState(this).credentials;
  }

  get cache() {
    return requestState(this).cache;
  }

  get redirect() {
    return requestState(this).redirect;
  }

  get integrity() {
    return requestState(this).integrity;
  }

  get keepalive() {
    return requestState(this).keepalive;
  }

  get isReloadNavigation() {
    return requestState(this).reloadNavigation;
  }

  get isHistoryNavigation() {
    return requestState(this).historyNavigation;
  }

  get signal() {
    return requestState(this).signal;
  }

  get duplex() {
    requestState(this);
    return "half";
  }

  clone() {
    const r = requestState(this);
    if (internals.bodyUnusable(r.body)) throw new TypeErrorCtor("Failed to execute 'clone' on 'Request': Request body is already used.");
    const copy = copyRecord(r);
    copy.headers = internals.newHeaders(copyList(r.headers), internals.headersGuard(r.headers));
    copy.body = r.body === null ? null : internals.cloneBody(r.body);
    copy.signal = internals.createDependentSignal([r.signal]);
    return new Request(kInternal, copy);
  }

  [customInspect](depth, options, inspect) {
    const r = requestState(this);
    return internals.inspectObject("Request", {
      bodyUsed: this.bodyUsed, headers: r.headers, method: r.method, redirect: r.redirect, url: r.urlList[0],
    }, depth, options, inspect);
  }

  static {
    requestState = (value) => (isObject(value) && #r in value ? value.#r : illegalInvocation());
    isRequest = (value) => isObject(value) && #r in value;
  }
}

internals.installBodyMixin(Request.prototype, (value) => requestState(value));
internals.webidlInterface(Request);

internals.Request = Request;
internals.parseUrlHref = (input, what) => URLHref(parseUrl(input, what));
internals.isRequest = isRequest;
internals.requestState = (request) => requestState(request);

internals.fetch = {
  newRequest({ method, url, headers = [], body = null, signal = undefined, guard = "immutable" }) {
    const r = newRecord(url);
    r.method = method;
    r.headers = internals.newHeaders(headers, guard);
    r.body = internals.bodyFrom(body);
    r.signal = signal ?? internals.newAbortSignal();
    return new Request(kInternal, r);
  },
  newResponse: internals.newResponse,
  request: (request) => requestState(request),
  response: (response) => internals.responseState(response),
  headerList: internals.headerList,
  takeBody: internals.takeBody,
  bodyStream: internals.bodyStream,
  registerBodySource: internals.registerBodySource,
  parseUrl,
};

internals.defineGlobal("Request", Request);
