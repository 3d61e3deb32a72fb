// runtime:net — TCP sockets after the WinterTC Sockets API: connect() gives a Socket at once whose
// `opened` settles when the connection is made; listen() gives an async-iterable Listener. A socket's
// `readable` and `writable` are web streams with back-pressure all the way to the network: bytes are
// read only when the stream wants more, and a write settles when the network took it. Closing the
// writable half-closes (FIN). connect needs Net, listen NetListen. TLS is not supported yet.
const internals = import.meta.internals;
const { ops } = internals;
const call = internals.call;
const opPromise = internals.opPromise;
const CHUNK = 64 * 1024 - 64;
const VIEW_CHUNK = 1024 * 1024;
const kInternal = Symbol("net");

function describe(value) {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object") return value.constructor?.name ?? "an object";
  return String(value);
}

/** { hostname, port } from "host:port", "[v6]:port" or a SocketAddress-like object. */
function parseAddress(address, what) {
  let hostname, port;
  if (typeof address === "string") {
    const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(address);
    if (match === null) throw new TypeError(`${what}: the address must be "host:port" or { hostname, port }, received ${describe(address)}`);
    hostname = match[1] ?? match[2];
    port = Number(match[3]);
  } else if (address !== null && typeof address === "object") {
    hostname = address.hostname;
    port = address.port;
  } else {
    throw new TypeError(`${what}: the address must be "host:port" or { hostname, port }, received ${describe(address)}`);
  }
  if (typeof hostname !== "string" || hostname === "") throw new TypeError(`${what}: the hostname must be a non-empty string`);
  port = Number(port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`${what}: the port must be an integer from 0 to 65535, received ${describe(address?.port ?? port)}`);
  return { hostname, port };
}

function refuseTls(options, what) {
  const mode = options?.secureTransport ?? "off";
  if (mode === "off") return;
  if (mode === "on" || mode === "starttls") {
    throw new internals.DOMException(`${what}: TLS (secureTransport "${mode}") is not supported yet; terminate TLS at a proxy`, "NotSupportedError");
  }
  throw new TypeError(`${what}: secureTransport must be "off", "on" or "starttls", received ${describe(mode)}`);
}

const decodeBytes = (n, bytes) => bytes.slice();
const decodeNumber = (n) => n;
const decodeEnds = (handle, bytes) => {
  const [lh, lp, rh, rp] = internals.utf8Decode(bytes).split("\n");
  return { handle, local: `${lh.includes(":") ? `[${lh}]` : lh}:${lp}`, remote: `${rh.includes(":") ? `[${rh}]` : rh}:${rp}` };
};

async function writeBytes(handle, bytes) {
  if (bytes.byteLength <= CHUNK) {
    internals.transferU8.set(bytes);
    await opPromise(call(ops.netWrite, handle, bytes.byteLength, null), decodeNumber);
    return;
  }
  for (let offset = 0; offset < bytes.byteLength; offset += VIEW_CHUNK) {
    const length = Math.min(bytes.byteLength - offset, VIEW_CHUNK);
    await opPromise(call(ops.netWrite, handle, length, bytes, offset), decodeNumber);
  }
}

function asBytes(chunk) {
  if (chunk instanceof Uint8Array) return chunk;
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (typeof chunk === "string") return internals.utf8Encode(chunk);
  throw new TypeError(`Socket.writable: a chunk must be a BufferSource or a string, received ${describe(chunk)}`);
}

/** One TCP connection (WinterTC Socket). */
export class Socket {
  #handle = -1;
  #closed = false;
  #readableDone = false;
  #writableDone = false;
  #settleClosed;
  #failClosed;
  readable;
  writable;
  opened;
  closed;

  constructor(key, connecting, options) {
    if (key !== kInternal) throw new TypeError("Illegal constructor: use connect() or a Listener");
    const allowHalfOpen = Boolean(options?.allowHalfOpen);
    this.closed = new Promise((resolve, reject) => { this.#settleClosed = resolve; this.#failClosed = reject; });
    this.closed.catch(() => {});
    this.opened = connecting.then((ends) => {
      this.#handle = ends.handle;
      if (this.#closed) this.#release();
      return { remoteAddress: ends.remote, localAddress: ends.local };
    }, (error) => {
      this.#closed = true;
      this.#failClosed(error);
      throw error;
    });
    this.opened.catch(() => {});
    const socket = this;
    this.readable = new ReadableStream({
      type: "bytes",
      async pull(controller) {
        await socket.opened;
        if (socket.#closed) { controller.close(); return; }
        let chunk;
        try {
          chunk = await opPromise(call(ops.netRead, socket.#handle), decodeBytes);
        } catch (error) {
          socket.#fail(error);
          throw error;
        }
        if (chunk.byteLength === 0) {
          controller.close();
          if (controller.byobRequest) controller.byobRequest.respond(0);
          socket.#readableEnded(allowHalfOpen);
          return;
        }
        controller.enqueue(chunk);
      },
      cancel() {
        socket.#readableEnded(true);
      },
    });
    this.writable = new WritableStream({
      async write(chunk) {
        await socket.opened;
        if (socket.#closed) throw new internals.DOMException("write: the socket is closed", "InvalidStateError");
        try {
          await writeBytes(socket.#handle, asBytes(chunk));
        } catch (error) {
          socket.#fail(error);
          throw error;
        }
      },
      async close() {
        await socket.opened;
        if (!socket.#closed) await opPromise(call(ops.netShutdown, socket.#handle), decodeNumber);
        socket.#writableEnded();
      },
      abort() {
        socket.#writableEnded();
      },
    });
  }

  #readableEnded(closeWritable) {
    this.#readableDone = true;
    if (!closeWritable && !this.#writableDone) {
      // Without allowHalfOpen the peer's end also ends our side, as a server closing does.
      this.writable.close().catch(() => {});
      return;
    }
    this.#maybeClosed();
  }

  #writableEnded() {
    this.#writableDone = true;
    this.#maybeClosed();
  }

  #maybeClosed() {
    if (this.#readableDone && this.#writableDone) this.#finish();
  }

  #finish() {
    if (this.#closed) return;
    this.#closed = true;
    this.#release();
    this.#settleClosed();
  }

  #fail(error) {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#handle >= 0) ops.netAbort(this.#handle);
    this.#handle = -1;
    this.#failClosed(error);
  }

  #release() {
    if (this.#handle >= 0) ops.netClose(this.#handle);
    this.#handle = -1;
  }

  /** Closes both directions at once; resolves `closed`. */
  close(reason) {
    if (!this.#closed) {
      this.readable.cancel(reason).catch(() => {});
      this.writable.abort(reason).catch(() => {});
      this.#finish();
    }
    return this.closed;
  }

  /** TLS upgrade: not supported. */
  startTls() {
    throw new internals.DOMException("startTls: TLS is not supported yet", "NotSupportedError");
  }

  get [Symbol.toStringTag]() { return "Socket"; }
}

/** Opens an outbound TCP connection (needs Net); the Socket comes back at once, `opened` settles later. */
export function connect(address, options = undefined) {
  const { hostname, port } = parseAddress(address, "connect");
  refuseTls(options, "connect");
  const connecting = opPromise(call(ops.netConnect, hostname, port), decodeEnds);
  return new Socket(kInternal, connecting, options);
}

/** A listening socket: async-iterable of inbound Sockets. */
export class Listener {
  #handle = -1;
  #closed = false;
  #ready;
  #socketOptions;
  addr;

  constructor(key, listening, socketOptions) {
    if (key !== kInternal) throw new TypeError("Illegal constructor: use listen()");
    this.#socketOptions = socketOptions;
    this.#ready = listening.then((bound) => {
      this.#handle = bound.handle;
      if (this.#closed) ops.netCloseListener(bound.handle);
      return bound;
    });
    this.addr = this.#ready.then((bound) => ({ hostname: bound.hostname, port: bound.port }));
    this.addr.catch(() => {});
  }

  /** The next inbound connection. */
  async accept() {
    await this.#ready;
    if (this.#closed) throw new internals.DOMException("accept: the listener is closed", "InvalidStateError");
    const ends = await opPromise(call(ops.netAccept, this.#handle), decodeEnds);
    return new Socket(kInternal, Promise.resolve(ends), this.#socketOptions);
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#handle >= 0) ops.netCloseListener(this.#handle);
  }

  [Symbol.asyncIterator]() {
    const listener = this;
    return {
      async next() {
        if (listener.#closed) return { value: undefined, done: true };
        try {
          return { value: await listener.accept(), done: false };
        } catch (error) {
          if (listener.#closed) return { value: undefined, done: true };
          throw error;
        }
      },
      async return() {
        listener.close();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() { return this; },
    };
  }

  get [Symbol.toStringTag]() { return "Listener"; }
}

/**
 * Binds a listening socket (needs NetListen): { hostname = "0.0.0.0", port = 0, allowHalfOpen = false };
 * allowHalfOpen applies to the accepted sockets, as connect's option does.
 */
export function listen(options = {}) {
  if (options === null || typeof options !== "object") throw new TypeError(`listen: options must be { hostname?, port }, received ${describe(options)}`);
  const { hostname, port } = parseAddress({ hostname: options.hostname ?? "0.0.0.0", port: options.port ?? 0 }, "listen");
  refuseTls(options, "listen");
  const listening = opPromise(call(ops.netListen, hostname, port), (handle, bytes) => {
    const [host, bound] = internals.utf8Decode(bytes).split("\n");
    return { handle, hostname: host, port: Number(bound) };
  });
  return new Listener(kInternal, listening, { allowHalfOpen: Boolean(options.allowHalfOpen) });
}

export default Object.freeze({ connect, listen, Socket, Listener });
