// Bodies (Fetch Standard §5.1 "bodies", §5.3 BodyInit, §6.3 the Body mixin). Prelude function
// body; needs headers.js, multipart.js, blob.js, url.js and streams.js.
//
// A body is a record { stream, source, length, used }:
//   stream  a ReadableStream, or null while the body is still only its bytes;
//   source  the bytes (Uint8Array, never written after extraction; shared by clones) or null for
//           a body that is a stream from the start;
//   length  the byte count when known (Content-Length), else null;
//   used    set when the bytes were consumed without a stream ever being made.
// A byte body gets its stream (a byte stream over the bytes) only when `.body` is read, so
// `new Response("hi").text()` never builds one.
//
// Exports:
//   internals.extractBody(value, keepalive) → { body, type }   (value must not be null/undefined)
//   internals.bodyFrom(streamOrBytesOrNull) → body or null      (what fetch() or a server received)
//   internals.bodyStream(body)            the body's stream, made on demand
//   internals.bodyUsed(body), internals.bodyUnusable(body)
//   internals.cloneBody(body)             tees a stream body; a byte body shares its bytes
//   internals.takeBody(body)              { bytes, stream, length } for a sender; marks the body used
//   internals.proxyBody(body)             a new body reading this one's stream (Request from Request)
//   internals.discardBody(body)           marks it used (a stream is cancelled)
//   internals.installBodyMixin(proto, stateOf)   stateOf(this) → { body, headers } (brand-checked)
//   internals.registerBodySource(test, extract)  other body sources: extract(value) → { stream, length, type }

const TypeErrorCtor = TypeError;
const Uint8ArrayCtor = Uint8Array;
const ArrayBufferCtor = ArrayBuffer;
const PromiseCtor = Promise;
const JSONParse = JSON.parse;
const ReflectApply = Reflect.apply;
const ObjectDefineProperty = Object.defineProperty;
const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
const promiseThen = uncurryThis(Promise.prototype.then);
const promiseReject = (error) => ReflectApply(Promise.reject, PromiseCtor, [error]);
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const TypedArraySet = uncurryThis(TypedArrayPrototype.set);
const TypedArrayBuffer = uncurryThis(Object.getOwnPropertyDescriptor(TypedArrayPrototype, "buffer").get);
const ArrayPrototypePush = uncurryThis(Array.prototype.push);
const TransformStreamReadable = uncurryThis(ObjectGetOwnPropertyDescriptor(internals.TransformStream.prototype, "readable").get);
const TransformStreamWritable = uncurryThis(ObjectGetOwnPropertyDescriptor(internals.TransformStream.prototype, "writable").get);
const noop = () => {};

const isReadableStream = internals.isReadableStream;
const isBlob = internals.isBlob;
const isFormData = internals.isFormData;
const isURLSearchParams = internals.isURLSearchParams;
const isBufferSource = internals.isBufferSource;
const toUSVString = internals.toUSVString;

const isObject = (value) => value !== null && (typeof value === "object" || typeof value === "function");

const bodySources = [];

/** Lets another area (runtime:fs file handles) be a body: extract(value) → { stream, length, type }. */
function registerBodySource(test, extract) {
  ArrayPrototypePush(bodySources, { test, extract });
}

const byteBody = (bytes) => ({ stream: null, source: bytes, length: bytes.length, used: false });

/** A body from what fetch() or a server received: a ReadableStream, a Uint8Array (taken), or null. */
const bodyFrom = (value) => value === null ? null
  : isReadableStream(value) ? { stream: value, source: null, length: null, used: false } : byteBody(value);

/** "extract a body with type" for a BodyInit (already known not to be null). */
function extractBody(value, keepalive = false) {
  if (isObject(value)) {
    if (isReadableStream(value)) {
      if (keepalive) throw new TypeErrorCtor("A keepalive request cannot have a ReadableStream body.");
      if (internals.readableStreamDisturbed(value) || internals.readableStreamLocked(value)) {
        throw new TypeErrorCtor("The body's ReadableStream is disturbed or locked.");
      }
      return { body: { stream: value, source: null, length: null, used: false }, type: null };
    }
    if (isBlob(value)) {
      const type = internals.blobType(value);
      return { body: byteBody(internals.blobBytes(value)), type: type === "" ? null : type };
    }
    if (isBufferSource(value)) return { body: byteBody(internals.copyBufferSource(value)), type: null };
    if (isFormData(value)) {
      const { bytes, boundary } = internals.serializeMultipart(value);
      return { body: byteBody(bytes), type: `multipart/form-data; boundary=${boundary}` };
    }
    if (isURLSearchParams(value)) {
      return { body: byteBody(internals.utf8Encode(internals.urlSearchParamsString(value))), type: "application/x-www-form-urlencoded;charset=UTF-8" };
    }
    for (let i = 0; i < bodySources.length; i++) {
      if (!bodySources[i].test(value)) continue;
      const { stream, length, type } = bodySources[i].extract(value);
      if (keepalive) throw new TypeErrorCtor("A keepalive request cannot have a streamed body.");
      // `external`: a stream of known origin (a file), not a script's stream, so no `duplex` is asked for.
      return { body: { stream, source: null, length: length ?? null, used: false, external: true }, type: type ?? null };
    }
  }
  return { body: byteBody(internals.utf8Encode(toUSVString(value))), type: "text/plain;charset=UTF-8" };
}

function bodyStream(body) {
  if (body.stream === null) {
    body.stream = internals.readableStreamFromBytes(body.source);
    // Bytes consumed before the stream existed: the stream is as a read one would be, read to
    // its end by a reader that keeps it locked.
    if (body.used) internals.readableStreamFullyRead(body.stream, noop, noop);
  }
  return body.stream;
}

const bodyUsed = (body) => body !== null && (body.used || (body.stream !== null && internals.readableStreamDisturbed(body.stream)));

const bodyUnusable = (body) => body !== null && (body.used ||
  (body.stream !== null && (internals.readableStreamDisturbed(body.stream) || internals.readableStreamLocked(body.stream))));

function cloneBody(body) {
  if (body.stream === null) return { stream: null, source: body.source, length: body.length, used: body.used };
  const [a, b] = internals.readableStreamTee(body.stream);
  body.stream = a;
  return { stream: b, source: body.source, length: body.length, used: false };
}

/** What a sender needs: the bytes when the body never became a stream (no stream is made), else the stream. */
function takeBody(body) {
  if (body.stream === null) {
    body.used = true;
    return { bytes: body.source, stream: null, length: body.length };
  }
  return { bytes: null, stream: body.stream, length: body.length };
}

/** Marks a body used: a byte body without reading it, a stream by cancelling it. */
function discardBody(body) {
  if (body.stream === null) body.used = true;
  else promiseThen(internals.readableStreamCancel(body.stream, undefined), noop, noop);
}

/** A body that reads this one through an identity transform (Fetch's "proxy"): this one becomes used. */
function proxyBody(body) {
  if (body.stream === null) {
    body.used = true;
    return byteBody(body.source);
  }
  const transform = internals.createTransformStream();
  promiseThen(internals.readableStreamPipeTo(body.stream, TransformStreamWritable(transform)), noop, noop);
  return { stream: TransformStreamReadable(transform), source: null, length: body.length, used: false };
}

/** "fully read" a body: onRead({ bytes, fresh }) — fresh when the bytes are a copy nobody else holds. */
function fullyRead(body, onRead, onError) {
  if (body === null) {
    onRead({ bytes: new Uint8ArrayCtor(0), fresh: true, none: true });
  } else if (body.stream === null) {
    body.used = true;
    onRead({ bytes: body.source, fresh: false });
  } else {
    internals.readableStreamFullyRead(body.stream, (bytes) => onRead({ bytes, fresh: true }), onError);
  }
}

function freshArrayBuffer({ bytes, fresh }) {
  if (fresh && bytes.byteOffset === 0 && bytes.byteLength === TypedArrayBuffer(bytes).byteLength) return TypedArrayBuffer(bytes);
  const copy = new ArrayBufferCtor(bytes.length);
  TypedArraySet(new Uint8ArrayCtor(copy), bytes, 0);
  return copy;
}

function mimeTypeOf(headers) {
  return internals.extractMimeType(internals.headerList(headers));
}

function toFormData({ bytes, none }, headers) {
  const mime = mimeTypeOf(headers);
  const formData = new internals.FormData();
  const entries = internals.formDataEntries(formData);
  if (mime !== null && mime.essence === "multipart/form-data") {
    const boundary = mime.parameters.get("boundary");
    // An empty FormData is sent as no bytes at all (as browsers do), so an empty body reads back
    // as an empty FormData; no body at all is not a form.
    const parsed = boundary === undefined || none ? null : bytes.length === 0 ? [] : internals.parseMultipart(bytes, boundary);
    if (parsed === null) throw new TypeErrorCtor("The body is not valid multipart/form-data.");
    for (let i = 0; i < parsed.length; i++) ArrayPrototypePush(entries, parsed[i]);
    return formData;
  }
  if (mime !== null && mime.essence === "application/x-www-form-urlencoded") {
    // The urlencoded parser decodes "without BOM": a leading U+FEFF is part of the first name.
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const list = internals.formUrlEncodedParse((bom ? "\ufeff" : "") + internals.utf8Decode(bytes));
    for (let i = 0; i < list.length; i++) ArrayPrototypePush(entries, list[i]);
    return formData;
  }
  throw new TypeErrorCtor("The body's Content-Type is neither multipart/form-data nor application/x-www-form-urlencoded.");
}

const converters = {
  arrayBuffer: (read) => freshArrayBuffer(read),
  blob: (read, headers) => {
    // A Blob never writes its bytes, so a byte body's bytes can be shared with it.
    const mime = mimeTypeOf(headers);
    return internals.createBlob(read.bytes, mime === null ? "" : internals.serializeMimeType(mime));
  },
  bytes: (read) => (read.fresh ? read.bytes : new Uint8ArrayCtor(freshArrayBuffer(read))),
  formData: (read, headers) => toFormData(read, headers),
  json: (read) => JSONParse(internals.utf8Decode(read.bytes)),
  text: (read) => internals.utf8Decode(read.bytes),
};

/** The Body mixin on a prototype: body, bodyUsed, arrayBuffer(), blob(), bytes(), formData(), json(), text(). */
function installBodyMixin(proto, stateOf) {
  const methods = {};
  for (const kind of ["arrayBuffer", "blob", "bytes", "formData", "json", "text"]) {
    const convert = converters[kind];
    methods[kind] = {
      [kind]() {
        let state;
        try {
          state = stateOf(this);
          if (bodyUnusable(state.body)) throw new TypeErrorCtor("Body is unusable: it has already been read or is locked.");
        } catch (error) {
          return promiseReject(error);
        }
        // Callbacks up to the final value: no intermediate promise a patched `then` could intercept.
        return new PromiseCtor((resolve, reject) => {
          fullyRead(state.body, (read) => {
            try {
              resolve(convert(read, state.headers));
            } catch (error) {
              reject(error);
            }
          }, reject);
        });
      },
    }[kind];
  }
  const getters = {
    get body() {
      const body = stateOf(this).body;
      return body === null ? null : bodyStream(body);
    },
    get bodyUsed() {
      return bodyUsed(stateOf(this).body);
    },
  };
  for (const name of ["body", "bodyUsed"]) {
    ObjectDefineProperty(proto, name, { get: ObjectGetOwnPropertyDescriptor(getters, name).get, enumerable: true, configurable: true });
  }
  for (const kind of ["arrayBuffer", "blob", "bytes", "formData", "json", "text"]) {
    ObjectDefineProperty(proto, kind, { value: methods[kind], writable: true, enumerable: true, configurable: true });
  }
}

internals.extractBody = extractBody;
internals.bodyFrom = bodyFrom;
internals.bodyStream = bodyStream;
internals.bodyUsed = bodyUsed;
internals.bodyUnusable = bodyUnusable;
internals.cloneBody = cloneBody;
internals.takeBody = takeBody;
internals.proxyBody = proxyBody;
internals.discardBody = discardBody;
internals.installBodyMixin = installBodyMixin;
internals.registerBodySource = registerBodySource;
