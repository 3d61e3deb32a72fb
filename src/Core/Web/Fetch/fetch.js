// fetch() (Fetch Standard §5.1) for a non-browser runtime: there is no document, so no CORS, no
// cookies, no cache and no service workers; mode and credentials are kept on the Request but change
// nothing. http: and https: go through the HTTP/1.1 codec in C# (FetchOps.cs) over the network
// provider — connections reused per origin, request bodies streamed, response bodies streamed as
// they arrive and decoded from their Content-Encoding; data: URLs are decoded here. Redirects
// follow §4.4 "HTTP-redirect fetch" (up to 20, method and body rules per status). Prelude function
// body; loads after request.js and data_url.js.
const { ops } = internals;
const call = internals.call;
const opPromise = internals.opPromise;
const fetchApi = internals.fetch;
const RequestCtor = internals.Request;
const URLCtor = internals.URL;
const PromiseCtor = Promise;
const TypeErrorCtor = TypeError;
const CHUNK = 64 * 1024 - 64;
const VIEW_CHUNK = 1024 * 1024;
const hasHeader = internals.headerListContains;
const MAX_REDIRECTS = 20;

const redirectStatus = (status) => status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
const nullBodyStatus = (status) => status === 101 || status === 103 || status === 204 || status === 205 || status === 304;
// Fetch Standard §2.9 "port blocking": ports of other protocols a request must never reach.
const badPorts = new Set([0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103,
  104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531,
  532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000,
  6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);
const requestBodyHeaders = ["content-encoding", "content-language", "content-location", "content-type", "content-length"];

function fetch(input, init = undefined) {
  return new PromiseCtor((resolve, reject) => {
    if (arguments.length < 1) throw new TypeErrorCtor("fetch: 1 argument required, but only 0 present");
    const request = new RequestCtor(input, init);
    run(fetchApi.request(request)).then(resolve, reject);
  });
}

/** The whole fetch: schemes, the network, redirects; resolves to a Response or rejects (a network error is a TypeError). */
async function run(record) {
  const signal = record.signal;
  if (signal.aborted) throw signal.reason;
  const urlList = [record.urlList[0]];
  let method = record.method;
  let headers = fetchApi.headerList(record.headers).map(([name, value]) => [name, value]);
  let body = record.body === null ? null : fetchApi.takeBody(record.body);
  for (let redirects = 0; ; redirects++) {
    const url = new URLCtor(urlList[urlList.length - 1]);
    const scheme = url.protocol;
    if (scheme === "data:") {
      if (redirects > 0) throw new TypeErrorCtor("fetch failed: a redirect to a data: URL");
      return dataResponse(url.href, urlList);
    }
    if (scheme === "blob:") throw new TypeErrorCtor("fetch failed: blob: URLs are not supported (esrun has no URL.createObjectURL)");
    if (scheme !== "http:" && scheme !== "https:") throw new TypeErrorCtor(`fetch failed: the URL scheme "${scheme.slice(0, -1)}" is not supported`);
    if (url.username !== "" || url.password !== "") throw new TypeErrorCtor("fetch failed: a URL with credentials");
    const port = url.port === "" ? (scheme === "https:" ? 443 : 80) : +url.port;
    if (badPorts.has(port)) throw new TypeErrorCtor(`fetch failed: port ${port} is blocked (it belongs to another protocol)`);

    const exchange = await send(url, port, method, headers, body, signal);
    const { status } = exchange;
    const location = redirectStatus(status) ? exchange.headers.find(([name]) => name.toLowerCase() === "location") : undefined;
    if (location === undefined || record.redirect === "manual") return respond(exchange, method, urlList, signal);
    if (record.redirect === "error") {
      exchange.abort();
      throw new TypeErrorCtor(`fetch failed: ${url.href} redirected (${status}) and the redirect mode is "error"`);
    }
    let next;
    try { next = new URLCtor(location[1], url); } catch {
      exchange.abort();
      throw new TypeErrorCtor(`fetch failed: the redirect location "${location[1]}" is not a URL`);
    }
    await exchange.drain();
    if (next.protocol !== "http:" && next.protocol !== "https:") throw new TypeErrorCtor(`fetch failed: a redirect to a ${next.protocol} URL`);
    if (redirects + 1 > MAX_REDIRECTS) throw new TypeErrorCtor(`fetch failed: more than ${MAX_REDIRECTS} redirects`);
    if (((status === 301 || status === 302) && method === "POST") || (status === 303 && method !== "GET" && method !== "HEAD")) {
      method = "GET";
      body = null;
      headers = headers.filter(([name]) => !requestBodyHeaders.includes(name.toLowerCase()));
    } else if (body !== null && body.bytes === null) {
      throw new TypeErrorCtor(`fetch failed: ${url.href} redirected (${status}) and a streamed request body cannot be sent again`);
    }
    if (next.origin !== url.origin) headers = headers.filter(([name]) => name.toLowerCase() !== "authorization");
    urlList.push(next.href);
  }
}

function dataResponse(href, urlList) {
  const hash = href.indexOf("#");
  const data = internals.processDataUrl(hash < 0 ? href : href.slice(0, hash));
  if (data === null) throw new TypeErrorCtor("fetch failed: the data: URL is malformed");
  return fetchApi.newResponse({ status: 200, statusText: "OK", headers: [["Content-Type", data.mimeType]], body: data.body, urlList, type: "basic" });
}

/** Sends the request and waits for the response head: { status, statusText, headers, handle, abort(), drain() }. */
async function send(url, port, method, headers, body, signal) {
  const secure = url.protocol === "https:" ? 1 : 0;
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  let fields = "";
  const add = (name, value) => { fields += (fields === "" ? "" : "\0") + name + "\0" + value; };
  for (const [name, value] of headers) add(name, value);
  if (!hasHeader(headers, "accept")) add("accept", "*/*");
  if (!hasHeader(headers, "accept-encoding")) add("accept-encoding", "gzip, deflate, br");
  if (!hasHeader(headers, "user-agent")) add("user-agent", internals.userAgent);

  const bytes = body === null ? null : body.bytes;
  const length = body === null ? -1 : bytes !== null ? bytes.byteLength : (body.length ?? -2);
  const whole = bytes !== null && bytes.byteLength <= CHUNK;
  if (whole) internals.transferU8.set(bytes);
  const handle = call(ops.fetchStart, secure, host, port, method, url.pathname + url.search, url.host, fields, length, whole ? 1 : 0);

  let aborted = false;
  const onAbort = () => { aborted = true; call(ops.fetchAbort, handle); };
  signal.addEventListener("abort", onAbort, { once: true });
  if (!whole && body !== null) writeBody(handle, bytes, body.stream).catch(() => call(ops.fetchAbort, handle));
  try {
    const head = await opPromise(call(ops.fetchHead, handle), (status, view) => ({ status, text: internals.utf8Decode(view) }));
    const parts = head.text.split("\0");
    const list = [];
    for (let i = 1; i + 1 < parts.length; i += 2) list.push([parts[i], parts[i + 1]]);
    return {
      status: head.status, statusText: parts[0], headers: list, handle, onAbort,
      abort() { signal.removeEventListener("abort", onAbort); call(ops.fetchAbort, handle); },
      async drain() {
        signal.removeEventListener("abort", onAbort);
        while (await opPromise(call(ops.fetchRead, handle), (n) => n) > 0);
      },
    };
  } catch (error) {
    signal.removeEventListener("abort", onAbort);
    if (aborted || signal.aborted) throw signal.reason;
    throw error;
  }
}

async function writeBody(handle, bytes, stream) {
  const write = (view) => {
    if (view.byteLength <= CHUNK) {
      internals.transferU8.set(view);
      return opPromise(call(ops.fetchWrite, handle, view.byteLength, null));
    }
    return opPromise(call(ops.fetchWrite, handle, view.byteLength, view, 0));
  };
  const writeView = async (view) => {
    for (let offset = 0; offset < view.byteLength; offset += VIEW_CHUNK)
      await write(view.subarray(offset, Math.min(view.byteLength, offset + VIEW_CHUNK)));
  };
  if (bytes !== null) await writeView(bytes);
  else {
    const reader = stream.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (!(value instanceof Uint8Array)) throw new TypeErrorCtor("fetch: the request body stream gave a chunk that is not a Uint8Array");
      await writeView(value);
    }
  }
  await opPromise(call(ops.fetchEnd, handle));
}

function respond(exchange, method, urlList, signal) {
  const { status, statusText, headers, handle, onAbort } = exchange;
  let body = null;
  if (method === "HEAD" || nullBodyStatus(status)) exchange.drain().catch(() => {}); // nothing to read; the connection goes back to the pool
  else {
    let controller;
    body = new ReadableStream({
      type: "bytes",
      start(c) { controller = c; },
      async pull(c) {
        let chunk;
        try {
          chunk = await opPromise(call(ops.fetchRead, handle), (n, view) => n === 0 ? null : view.slice());
        } catch (error) {
          signal.removeEventListener("abort", onAbort);
          throw signal.aborted ? signal.reason : error;
        }
        if (chunk === null) {
          signal.removeEventListener("abort", onAbort);
          c.close();
          if (c.byobRequest) c.byobRequest.respond(0);
        } else c.enqueue(chunk);
      },
      cancel() {
        signal.removeEventListener("abort", onAbort);
        call(ops.fetchAbort, handle);
      },
    });
    signal.addEventListener("abort", () => { try { controller.error(signal.reason); } catch {} }, { once: true });
  }
  if (body === null) signal.removeEventListener("abort", onAbort);
  return fetchApi.newResponse({ status, statusText, headers, body, urlList, type: "basic" });
}

Object.defineProperty(globalThis, "fetch", { value: fetch, writable: true, enumerable: true, configurable: true });
