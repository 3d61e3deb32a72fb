// Response (Fetch Standard §6.5). Prelude function body; needs headers.js and body.js.
//
// A response record is { type, status, statusText, urlList, headers (a Headers object whose list
// is the response's header list), body (see body.js) or null }. Script-made responses are type
// "default"; Response.error() is "error"; fetch() makes others through internals.fetch.
//
// Exports:
//   internals.Response, internals.isResponse(v), internals.responseState(response) → the record
//   internals.newResponse({ status, statusText, headers: [[name, value], ...], body, urlList, type, guard })
//       body: null, a ReadableStream or a Uint8Array (taken); headers must already be valid
//       (e.g. from the HTTP codec); guard defaults to "immutable" (a fetched response).

const requireArgs = internals.requireArgs;
const toUSVString = internals.toUSVString;
const illegalInvocation = internals.illegalInvocation;
const TypeErrorCtor = TypeError;
const RangeErrorCtor = RangeError;
const NumberCtor = Number;
const NumberIsFinite = Number.isFinite;
const MathTrunc = Math.trunc;
const JSONStringify = JSON.stringify;
const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
const RegExpPrototypeTest = uncurryThis(RegExp.prototype.test);
const customInspect = Symbol.for("nodejs.util.inspect.custom");

const isObject = (value) => value !== null && (typeof value === "object" || typeof value === "function");

const nullBodyStatus = (status) => status === 101 || status === 103 || status === 204 || status === 205 || status === 304;
const redirectStatus = (status) => status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
const reasonPhraseRe = /^[\t\x20-\x7e\x80-\xff]*$/;

/** WebIDL unsigned short: ToNumber, truncate, modulo 2^16. */
function toUnsignedShort(value) {
  const n = NumberCtor(value);
  if (!NumberIsFinite(n)) return 0;
  const x = MathTrunc(n) % 65536;
  return x < 0 ? x + 65536 : x + 0;
}

/** The URL fetch's response came from, serialized without its fragment. */
function serializeWithoutFragment(url) {
  const hash = url.indexOf("#");
  return hash < 0 ? url : url.slice(0, hash);
}

let responseState;
let isResponse;
const kInternal = Symbol("Response.internal");

/** ResponseInit, in WebIDL dictionary order: headers, status, statusText. */
function readResponseInit(init, what) {
  const dict = internals.webidlDictionary(init, "ResponseInit");
  const result = { headers: undefined, status: 200, statusText: "" };
  if (dict === undefined) return result;
  result.headers = dict.headers;
  const status = dict.status;
  if (status !== undefined) result.status = toUnsignedShort(status);
  const statusText = dict.statusText;
  if (statusText !== undefined) result.statusText = internals.toByteString(statusText, what);
  return result;
}

/** "initialize a response" with init and an optional { body, type }. */
function initializeResponse(response, init, bodyWithType, what) {
  const r = responseState(response);
  if (init.status < 200 || init.status > 599) {
    throw new RangeErrorCtor(`${what}: The status provided (${init.status}) is outside the range [200, 599].`);
  }
  if (!RegExpPrototypeTest(reasonPhraseRe, init.statusText)) {
    throw new TypeErrorCtor(`${what}: Invalid statusText.`);
  }
  r.status = init.status;
  r.statusText = init.statusText;
  if (init.headers !== undefined) internals.fillHeaders(r.headers, init.headers, what);
  if (bodyWithType !== null) {
    if (nullBodyStatus(r.status)) throw new TypeErrorCtor(`${what}: Response with null body status cannot have body.`);
    r.body = bodyWithType.body;
    const list = internals.headerList(r.headers);
    if (bodyWithType.type !== null && !internals.headerListContains(list, "content-type")) {
      internals.headerListAppend(list, "Content-Type", bodyWithType.type);
    }
  }
}

function newRecord(guard) {
  return { type: "default", status: 200, statusText: "", urlList: [], headers: internals.newHeaders([], guard), body: null };
}

class Response {
  #r;

  constructor(body = null, init = undefined) {
    if (body === kInternal) {
      this.#r = init;
      return;
    }
    const what = "Failed to construct 'Response'";
    this.#r = newRecord("response");
    // BodyInit? is converted before the ResponseInit dictionary.
    const bodyWithType = body === null || body === undefined ? null : internals.extractBody(body);
    initializeResponse(this, readResponseInit(init, what), bodyWithType, what);
  }

  static error() {
    const r = newRecord("immutable");
    r.type = "error";
    r.status = 0;
    return new Response(kInternal, r);
  }

  static redirect(url, status = 302) {
    requireArgs(arguments.length, 1, "redirect", "Response");
    const what = "Failed to execute 'redirect' on 'Response'";
    const href = internals.parseUrlHref(toUSVString(url), what);
    const code = toUnsignedShort(status);
    if (!redirectStatus(code)) throw new RangeErrorCtor(`${what}: Invalid status code ${code}.`);
    const r = newRecord("immutable");
    r.status = code;
    internals.headerListAppend(internals.headerList(r.headers), "Location", href);
    return new Response(kInternal, r);
  }

  static json(data, init = undefined) {
    requireArgs(arguments.length, 1, "json", "Response");
    const what = "Failed to execute 'json' on 'Response'";
    const text = JSONStringify(data);
    if (text === undefined) throw new TypeErrorCtor(`${what}: The data is not JSON-serializable.`);
    const parsedInit = readResponseInit(init, what);
    const response = new Response(kInternal, newRecord("response"));
    const { body } = internals.extractBody(internals.utf8Encode(text));
    initializeResponse(response, parsedInit, { body, type: "application/json" }, what);
    return response;
  }

  get type() {
    return responseState(this).type;
  }

  get url() {
    const list = responseState(this).urlList;
    return list.length === 0 ? "" : serializeWithoutFragment(list[list.length - 1]);
  }

  get redirected() {
    return responseState(this).urlList.length > 1;
  }

  get status() {
    return responseState(this).status;
  }

  get ok() {
    const status = responseState(this).status;
    return status >= 200 && status <= 299;
  }

  get statusText() {
    return responseState(this).statusText;
  }

  get headers() {
    return responseState(this).headers;
  }

  clone() {
    const r = responseState(this);
    if (internals.bodyUnusable(r.body)) throw new TypeErrorCtor("Failed to execute 'clone' on 'Response': Response body is already used.");
    return new Response(kInternal, cloneRecord(r));
  }

  [customInspect](depth, options, inspect) {
    const r = responseState(this);
    return internals.inspectObject("Response", {
      body: this.body, bodyUsed: this.bodyUsed, headers: r.headers, ok: this.ok, redirected: this.redirected,
      status: r.status, statusText: r.statusText, url: this.url,
    }, depth, options, inspect);
  }

  static {
    responseState = (value) => (isObject(value) && #r in value ? value.#r : illegalInvocation());
    isResponse = (value) => isObject(value) && #r in value;
  }
}

function cloneRecord(r) {
  const headers = internals.newHeaders(internals.headerList(r.headers).map((entry) => [entry[0], entry[1]]), internals.headersGuard(r.headers));
  return {
    type: r.type, status: r.status, statusText: r.statusText, urlList: [...r.urlList], headers,
    body: r.body === null ? null : internals.cloneBody(r.body),
  };
}

internals.installBodyMixin(Response.prototype, (value) => responseState(value));
internals.webidlInterface(Response);

internals.Response = Response;
internals.isResponse = isResponse;
internals.responseState = (response) => responseState(response);
internals.newResponse = ({ status, statusText = "", headers = [], body = null, urlList = [], type = "basic", guard = "immutable" }) =>
  new Response(kInternal, { type, status, statusText, urlList, headers: internals.newHeaders(headers, guard), body: internals.bodyFrom(body) });

internals.defineGlobal("Response", Response);
