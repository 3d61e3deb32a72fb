// DOMException (WebIDL §3.14 / "DOMException" in the WebIDL spec).
// Prelude function body: receives `internals`, installs the global and
// exports internals.DOMException and internals.isDOMException.

const ObjectDefineProperty = Object.defineProperty;
const ObjectSetPrototypeOf = Object.setPrototypeOf;
const ObjectCreate = Object.create;
const StringCtor = String;
const ErrorCtor = Error;
const ErrorPrototype = Error.prototype;
const TypeErrorCtor = TypeError;
const SymbolToStringTag = Symbol.toStringTag;
const captureStackTrace = typeof Error.captureStackTrace === "function"
  ? Error.captureStackTrace
  : undefined;

// Legacy error codes, keyed by name (names not listed map to 0).
const codeByName = ObjectCreate(null);
// Constant name -> value, in table order; these become static and
// prototype properties (some have no current name, e.g. DOMSTRING_SIZE_ERR).
const legacyConstants = [
  ["INDEX_SIZE_ERR", 1, "IndexSizeError"],
  ["DOMSTRING_SIZE_ERR", 2, ""],
  ["HIERARCHY_REQUEST_ERR", 3, "HierarchyRequestError"],
  ["WRONG_DOCUMENT_ERR", 4, "WrongDocumentError"],
  ["INVALID_CHARACTER_ERR", 5, "InvalidCharacterError"],
  ["NO_DATA_ALLOWED_ERR", 6, ""],
  ["NO_MODIFICATION_ALLOWED_ERR", 7, "NoModificationAllowedError"],
  ["NOT_FOUND_ERR", 8, "NotFoundError"],
  ["NOT_SUPPORTED_ERR", 9, "NotSupportedError"],
  ["INUSE_ATTRIBUTE_ERR", 10, "InUseAttributeError"],
  ["INVALID_STATE_ERR", 11, "InvalidStateError"],
  ["SYNTAX_ERR", 12, "SyntaxError"],
  ["INVALID_MODIFICATION_ERR", 13, "InvalidModificationError"],
  ["NAMESPACE_ERR", 14, "NamespaceError"],
  ["INVALID_ACCESS_ERR", 15, "InvalidAccessError"],
  ["VALIDATION_ERR", 16, ""],
  ["TYPE_MISMATCH_ERR", 17, "TypeMismatchError"],
  ["SECURITY_ERR", 18, "SecurityError"],
  ["NETWORK_ERR", 19, "NetworkError"],
  ["ABORT_ERR", 20, "AbortError"],
  ["URL_MISMATCH_ERR", 21, "URLMismatchError"],
  ["QUOTA_EXCEEDED_ERR", 22, "QuotaExceededError"],
  ["TIMEOUT_ERR", 23, "TimeoutError"],
  ["INVALID_NODE_TYPE_ERR", 24, "InvalidNodeTypeError"],
  ["DATA_CLONE_ERR", 25, "DataCloneError"],
];
for (let i = 0; i < legacyConstants.length; i++) {
  const entry = legacyConstants[i];
  if (entry[2] !== "") codeByName[entry[2]] = entry[1];
}

// WebIDL DOMString conversion: ToString, but symbols throw a TypeError.
function toDOMString(value) {
  if (typeof value === "symbol") {
    throw new TypeErrorCtor("Cannot convert a Symbol value to a string");
  }
  return StringCtor(value);
}

function illegalInvocation() {
  throw new TypeErrorCtor("Illegal invocation");
}

let isDOMException;

class DOMException {
  #name;
  #message;

  // Both parameters are optional, so DOMException.length is 0 as WebIDL says.
  constructor(message = undefined, options = undefined) {
    this.#message = message === undefined ? "" : toDOMString(message);
    let name = "Error";
    if (options !== null && typeof options === "object") {
      // Options-bag form { name, cause } (as in Node and the WebIDL proposal).
      const optName = options.name;
      if (optName !== undefined) name = toDOMString(optName);
      if ("cause" in options) {
        ObjectDefineProperty(this, "cause", {
          value: options.cause, writable: true, enumerable: false, configurable: true,
        });
      }
    } else if (options !== undefined) {
      name = toDOMString(options);
    }
    this.#name = name;
    addStack(this);
  }

  get name() {
    if (!isDOMException(this)) illegalInvocation();
    return this.#name;
  }

  get message() {
    if (!isDOMException(this)) illegalInvocation();
    return this.#message;
  }

  get code() {
    if (!isDOMException(this)) illegalInvocation();
    const code = codeByName[this.#name];
    return code === undefined ? 0 : code;
  }

  static {
    isDOMException = (value) =>
      value !== null && (typeof value === "object" || typeof value === "function") &&
      #name in value;
  }
}

// Gives the instance an own, non-enumerable `stack` whose first line is
// "<name>: <message>", like a native error (the getters above already work).
function addStack(exception) {
  if (captureStackTrace !== undefined) {
    captureStackTrace(exception, DOMException);
    return;
  }
  const raw = new ErrorCtor().stack;
  let frames = "";
  if (typeof raw === "string") {
    // Drop the "Error" header and the frames of addStack and the constructor.
    let cut = raw.indexOf("\n");
    for (let i = 0; i < 2 && cut !== -1; i++) cut = raw.indexOf("\n", cut + 1);
    if (cut !== -1) frames = raw.slice(cut);
  }
  const header = exception.message === ""
    ? exception.name
    : exception.name + ": " + exception.message;
  ObjectDefineProperty(exception, "stack", {
    value: header + frames, writable: true, enumerable: false, configurable: true,
  });
}

// WebIDL: attributes are enumerable accessors; the prototype chains to
// Error.prototype (so instanceof Error holds), the interface object does not.
for (const attribute of ["name", "message", "code"]) {
  ObjectDefineProperty(DOMException.prototype, attribute, { enumerable: true });
}
ObjectSetPrototypeOf(DOMException.prototype, ErrorPrototype);
ObjectDefineProperty(DOMException.prototype, SymbolToStringTag, {
  value: "DOMException", writable: false, enumerable: false, configurable: true,
});
for (let i = 0; i < legacyConstants.length; i++) {
  const descriptor = {
    value: legacyConstants[i][1], writable: false, enumerable: true, configurable: false,
  };
  ObjectDefineProperty(DOMException, legacyConstants[i][0], descriptor);
  ObjectDefineProperty(DOMException.prototype, legacyConstants[i][0], descriptor);
}

internals.DOMException = DOMException;
internals.isDOMException = isDOMException;
internals.defineGlobal("DOMException", DOMException);
