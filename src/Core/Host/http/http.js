// runtime:http — an HTTP/1.1 server: serve(handler) / serve({ hostname, port }, handler). The handler
// gets a web Request (absolute url, method, headers, a streamed body, a signal aborted when the client
// goes away) and returns a Response or a promise of one; a throw, a rejection or anything that is not
// a Response becomes a 500 and is reported on stderr. Response bodies stream as they are produced
// (chunked when no length is known), with back-pressure from the socket. The codec, the connections
// and keep-alive live in C# (Host/http); serve needs NetListen.
const internals = import.meta.internals;
const { ops } = internals;
const call = internals.call;
const opPromise = internals.opPromise;
const fetchApi = internals.fetch;
const CHUNK = 64 * 1024 - 64;
const VIEW_CHUNK = 1024 * 1024;

function describe(value) {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "object" || typeof value === "function") return value.constructor?.name ?? "an object";
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function report(message, error) {
  let detail = "";
  if (error !== undefined) {
    try { detail = ": " + (error instanceof Error && typeof error.stack === "string" ? error.stack : internals.inspect(error)); } catch { detail = ""; }
  }
  ops.print(2, `error: serve: ${message}${detail}\n`);
}

const decodeText = (n, bytes) => internals.utf8Decode(bytes);

/** A request as C# sends it: METHOD\0target\0host\0remote\0hasBody(\0name\0value)*. */
function decodeRequest(id, bytes) {
  if (id === 0) return null;
  const parts = internals.utf8Decode(bytes).split("\0");
  const headers = [];
  for (let i = 5; i + 1 < parts.length; i += 2) headers.push([parts[i], parts[i + 1]]);
  return { id, method: parts[0], target: parts[1], host: parts[2], remote: parts[3], hasBody: parts[4] === "1", headers };
}

function fieldsText(headers) {
  let text = "";
  for (const [name, value] of fetchApi.headerList(headers)) text += (text === "" ? "" : "\0") + name + "\0" + value;
  return text;
}

function bodyBytes(handle, id, op, bytes, ...head) {
  if (bytes.byteLength <= CHUNK) {
    internals.transferU8.set(bytes);
    return call(ops[op], handle, id, ...head, bytes.byteLength, null);
  }
  return call(ops[op], handle, id, ...head, bytes.byteLength, bytes, 0);
}

async function writeBytes(handle, id, bytes) {
  for (let offset = 0; offset < bytes.byteLength; offset += VIEW_CHUNK) {
    const piece = bytes.subarray(offset, Math.min(bytes.byteLength, offset + VIEW_CHUNK));
    await opPromise(bodyBytes(handle, id, "httpWrite", piece), (n) => n);
  }
}

async function writeStream(handle, id, stream) {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (!(value instanceof Uint8Array)) throw new TypeError(`the response body stream gave a chunk that is not a Uint8Array (${describe(value)})`);
      await writeBytes(handle, id, value);
    }
  } finally {
    reader.releaseLock();
  }
}

function requestBody(handle, id) {
  return new ReadableStream({
    type: "bytes",
    async pull(controller) {
      const chunk = await opPromise(call(ops.httpBodyRead, handle, id), (n, bytes) => bytes.slice());
      if (chunk.byteLength === 0) {
        controller.close();
        if (controller.byobRequest) controller.byobRequest.respond(0);
      } else controller.enqueue(chunk);
    },
  });
}

function urlOf(request) {
  const target = request.target;
  if (target.startsWith("/")) return `http://${request.host}${target}`;
  if (target === "*") return `http://${request.host}/`;
  return target; // absolute-form
}

async function answer(handle, handler, incoming, controllers) {
  const controller = new AbortController();
  controllers.set(incoming.id, controller);
  let response;
  try {
    let request;
    try {
      request = fetchApi.newRequest({
        method: incoming.method, url: urlOf(incoming), headers: incoming.headers,
        body: incoming.hasBody ? requestBody(handle, incoming.id) : null, signal: controller.signal,
      });
    } catch (error) {
      call(ops.httpRespond, handle, incoming.id, 400, "", "content-type\0text/plain;charset=UTF-8", 0);
      return;
    }
    try {
      response = await handler(request);
    } catch (error) {
      report(`the handler for ${incoming.method} ${incoming.target} threw`, error);
      response = undefined;
    }
    if (!internals.isResponse(response)) {
      if (response !== undefined) report(`the handler for ${incoming.method} ${incoming.target} returned ${describe(response)}, not a Response`);
      if (controller.signal.aborted) return;
      call(ops.httpRespond, handle, incoming.id, 500, "", "content-type\0text/plain;charset=UTF-8", 0);
      return;
    }
    if (controller.signal.aborted) return;
    const r = fetchApi.response(response);
    const fields = fieldsText(r.headers);
    if (r.body === null) {
      call(ops.httpRespond, handle, incoming.id, r.status, r.statusText, fields, 0);
      return;
    }
    const body = fetchApi.takeBody(r.body);
    if (body.bytes !== null && body.bytes.byteLength <= VIEW_CHUNK) {
      bodyBytes(handle, incoming.id, "httpRespond", body.bytes, r.status, r.statusText, fields);
      return;
    }
    call(ops.httpRespondHead, handle, incoming.id, r.status, r.statusText, fields, body.bytes?.byteLength ?? body.length ?? -1);
    try {
      if (body.bytes !== null) await writeBytes(handle, incoming.id, body.bytes);
      else await writeStream(handle, incoming.id, body.stream);
      call(ops.httpEnd, handle, incoming.id);
    } catch (error) {
      if (!controller.signal.aborted) report(`the response body for ${incoming.method} ${incoming.target} failed`, error);
      ops.httpAbort(handle, incoming.id);
    }
  } catch (error) {
    // The client went away or the server stopped while answering: nothing left to send to.
    if (!controller.signal.aborted) report(`answering ${incoming.method} ${incoming.target} failed`, error);
    ops.httpAbort(handle, incoming.id);
  } finally {
    controllers.delete(incoming.id);
  }
}

/** A running server: addr (once listening), finished (after stop()), stop(). */
class Server {
  #handle;
  #stopped = false;
  addr;
  finished;

  constructor(listening, handler) {
    const controllers = new Map();
    let settleFinished;
    this.finished = new Promise((resolve, reject) => { settleFinished = { resolve, reject }; });
    this.addr = listening.then((bound) => ({ hostname: bound.hostname, port: bound.port }));
    listening.then((bound) => {
      this.#handle = bound.handle;
      opPromise(call(ops.httpFinished, bound.handle)).then(() => settleFinished.resolve());
      (async () => {
        for (;;) {
          const ids = await opPromise(call(ops.httpAborts, bound.handle), decodeText);
          if (ids === "") return;
          for (const id of ids.split(",")) controllers.get(Number(id))?.abort(new internals.DOMException("the client went away", "AbortError"));
        }
      })();
      (async () => {
        for (;;) {
          const incoming = await opPromise(call(ops.httpNext, bound.handle), decodeRequest);
          if (incoming === null) return;
          answer(bound.handle, handler, incoming, controllers);
        }
      })();
      if (this.#stopped) ops.httpStop(bound.handle);
    }, (error) => settleFinished.reject(error));
    this.addr.catch(() => {});
    this.finished.catch(() => {});
  }

  /** Stops accepting connections; requests in flight finish, then `finished` resolves. */
  async stop() {
    if (!this.#stopped) {
      this.#stopped = true;
      if (this.#handle !== undefined) ops.httpStop(this.#handle);
    }
    try { await this.addr; } catch { return; }
    await this.finished;
  }

  get [Symbol.toStringTag]() { return "Server"; }
}

/** serve(handler) on an ephemeral port, or serve({ hostname, port }, handler). Needs NetListen. */
export function serve(optionsOrHandler, maybeHandler = undefined) {
  const [options, handler] = typeof optionsOrHandler === "function" ? [{}, optionsOrHandler] : [optionsOrHandler ?? {}, maybeHandler];
  if (typeof handler !== "function") throw new TypeError(`serve: the handler must be a function, received ${describe(handler)}`);
  if (options === null || typeof options !== "object") throw new TypeError(`serve: options must be { hostname?, port? }, received ${describe(options)}`);
  const hostname = options.hostname ?? "0.0.0.0";
  if (typeof hostname !== "string" || hostname === "") throw new TypeError("serve: the hostname must be a non-empty string");
  const port = Number(options.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`serve: the port must be an integer from 0 to 65535, received ${describe(options.port)}`);
  const listening = opPromise(call(ops.httpServe, hostname, port), (handle, bytes) => {
    const [host, bound] = internals.utf8Decode(bytes).split("\n");
    return { handle, hostname: host, port: Number(bound) };
  });
  return new Server(listening, handler);
}

export default Object.freeze({ serve });
