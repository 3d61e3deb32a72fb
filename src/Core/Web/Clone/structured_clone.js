// structuredClone(value, { transfer }) — the HTML structured serialize /
// deserialize algorithms run back to back. Prelude function body: needs
// internals.DOMException / internals.isDOMException (dom_exception.js) and
// exports internals.structuredClone.
//
// Without a transfer list the clone is built in one walk (cloneValue); with
// one, serialization first builds records and only when that succeeded are
// the buffers detached and the clone built (serialize, deserialize).

const DOMException = internals.DOMException;
const isDOMException = internals.isDOMException;

const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
const getterOf = (proto, name) => {
  const descriptor = Object.getOwnPropertyDescriptor(proto, name);
  return descriptor === undefined || descriptor.get === undefined ? undefined : uncurryThis(descriptor.get);
};

const ObjectCtor = Object;
const ObjectKeys = Object.keys;
const ObjectHasOwn = Object.hasOwn;
const ObjectDefineProperty = Object.defineProperty;
const ObjectGetPrototypeOf = Object.getPrototypeOf;
const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const ObjectPrototypeToString = uncurryThis(Object.prototype.toString);
const ArrayCtor = Array;
const ArrayIsArray = Array.isArray;
const ArrayPrototypePush = uncurryThis(Array.prototype.push);
const StringCtor = String;
const TypeErrorCtor = TypeError;
const SymbolIterator = Symbol.iterator;
const SymbolPrototypeToString = uncurryThis(Symbol.prototype.toString);
const FunctionPrototypeToString = uncurryThis(Function.prototype.toString);
const ErrorIsError = typeof Error.isError === "function" ? Error.isError : undefined;
const DateCtor = Date;
const DatePrototypeGetTime = uncurryThis(Date.prototype.getTime);
const RegExpCtor = RegExp;
const RegExpPrototype = RegExp.prototype;
const RegExpPrototypeGetSource = getterOf(RegExp.prototype, "source");
const MapCtor = Map;
const MapPrototypeGet = uncurryThis(Map.prototype.get);
const MapPrototypeSet = uncurryThis(Map.prototype.set);
const MapPrototypeHas = uncurryThis(Map.prototype.has);
const MapPrototypeGetSize = getterOf(Map.prototype, "size");
const MapPrototypeEntries = uncurryThis(Map.prototype.entries);
const MapIteratorNext = uncurryThis(ObjectGetPrototypeOf(new Map().entries()).next);
const SetCtor = Set;
const SetPrototypeAdd = uncurryThis(Set.prototype.add);
const SetPrototypeGetSize = getterOf(Set.prototype, "size");
const SetPrototypeValues = uncurryThis(Set.prototype.values);
const SetIteratorNext = uncurryThis(ObjectGetPrototypeOf(new Set().values()).next);
const WeakMapPrototypeHas = uncurryThis(WeakMap.prototype.has);
const WeakSetPrototypeHas = uncurryThis(WeakSet.prototype.has);
const WeakRefPrototypeDeref = typeof WeakRef === "function" ? uncurryThis(WeakRef.prototype.deref) : undefined;
const FinalizationRegistryPrototypeUnregister = typeof FinalizationRegistry === "function"
  ? uncurryThis(FinalizationRegistry.prototype.unregister)
  : undefined;
const ArrayBufferCtor = ArrayBuffer;
const ArrayBufferPrototypeGetByteLength = getterOf(ArrayBuffer.prototype, "byteLength");
const ArrayBufferPrototypeGetDetached = getterOf(ArrayBuffer.prototype, "detached");
const ArrayBufferPrototypeGetResizable = getterOf(ArrayBuffer.prototype, "resizable");
const ArrayBufferPrototypeGetMaxByteLength = getterOf(ArrayBuffer.prototype, "maxByteLength");
const ArrayBufferPrototypeTransfer = typeof ArrayBuffer.prototype.transfer === "function"
  ? uncurryThis(ArrayBuffer.prototype.transfer)
  : undefined;
const SharedArrayBufferPrototypeGetByteLength = typeof SharedArrayBuffer === "function"
  ? getterOf(SharedArrayBuffer.prototype, "byteLength")
  : undefined;
const Uint8ArrayCtor = Uint8Array;
const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
const TypedArrayPrototypeGetToStringTag = getterOf(TypedArrayPrototype, Symbol.toStringTag);
const TypedArrayPrototypeGetBuffer = getterOf(TypedArrayPrototype, "buffer");
const TypedArrayPrototypeGetByteOffset = getterOf(TypedArrayPrototype, "byteOffset");
const TypedArrayPrototypeGetLength = getterOf(TypedArrayPrototype, "length");
const TypedArrayPrototypeSet = uncurryThis(TypedArrayPrototype.set);
const DataViewCtor = DataView;
const DataViewPrototypeGetBuffer = getterOf(DataView.prototype, "buffer");
const DataViewPrototypeGetByteOffset = getterOf(DataView.prototype, "byteOffset");
const DataViewPrototypeGetByteLength = getterOf(DataView.prototype, "byteLength");
const globalObject = globalThis;

// RegExp flags, read through the brand-checking getters (not `flags`,
// which goes through user-replaceable properties).
const regExpFlagGetters = [
  ["d", "hasIndices"], ["g", "global"], ["i", "ignoreCase"], ["m", "multiline"],
  ["s", "dotAll"], ["u", "unicode"], ["v", "unicodeSets"], ["y", "sticky"],
];
for (let i = 0; i < regExpFlagGetters.length; i++) {
  regExpFlagGetters[i][1] = getterOf(RegExp.prototype, regExpFlagGetters[i][1]);
}

// Error constructors that survive cloning; any other name becomes "Error".
const errorConstructors = {
  __proto__: null,
  Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError,
};

const typedArrayConstructors = { __proto__: null };
for (const name of [
  "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
  "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
]) {
  if (typeof globalThis[name] === "function") typedArrayConstructors[name] = globalThis[name];
}

// Objects with internal state that cannot be copied, recognised by tag.
const uncloneableTags = {
  __proto__: null,
  "[object Promise]": true,
  "[object Arguments]": true,
  "[object Generator]": true,
  "[object AsyncGenerator]": true,
  "[object Module]": true,
  "[object Array Iterator]": true,
  "[object Map Iterator]": true,
  "[object Set Iterator]": true,
  "[object String Iterator]": true,
  "[object RegExp String Iterator]": true,
  "[object Iterator Helper]": true,
};

// ---------------------------------------------------------------------------
// Helpers

function dataCloneError(message) {
  return new DOMException(message, "DataCloneError");
}

function succeeds(check, value) {
  try {
    check(value);
    return true;
  } catch {
    return false;
  }
}

// How V8 names a value in "... could not be cloned." messages.
function describe(value) {
  if (typeof value === "symbol") return SymbolPrototypeToString(value);
  if (typeof value === "function") {
    try {
      return FunctionPrototypeToString(value);
    } catch {
      return "function";
    }
  }
  let name = "Object";
  try {
    const proto = ObjectGetPrototypeOf(value);
    const descriptor = proto === null ? undefined : ObjectGetOwnPropertyDescriptor(proto, "constructor");
    if (descriptor !== undefined && typeof descriptor.value === "function" &&
        typeof descriptor.value.name === "string" && descriptor.value.name !== "") {
      name = descriptor.value.name;
    }
  } catch {
    // keep "Object"
  }
  return `#<${name}>`;
}

function notCloneable(value) {
  return dataCloneError(`${describe(value)} could not be cloned.`);
}

function builtinTag(value) {
  try {
    return ObjectPrototypeToString(value);
  } catch {
    return "";
  }
}

const isArrayBuffer = (v) => succeeds(ArrayBufferPrototypeGetByteLength, v);
const isSharedArrayBuffer = (v) =>
  SharedArrayBufferPrototypeGetByteLength !== undefined && succeeds(SharedArrayBufferPrototypeGetByteLength, v);

function isDetached(buffer) {
  if (ArrayBufferPrototypeGetDetached !== undefined) return ArrayBufferPrototypeGetDetached(buffer);
  // Older engines: only a detached buffer refuses to be viewed.
  return !succeeds((b) => new Uint8ArrayCtor(b), buffer);
}

function isError(value) {
  if (ErrorIsError !== undefined) return ErrorIsError(value);
  return builtinTag(value) === "[object Error]";
}

// Platform objects of later prelude files (Blob, File, navigator...) register here their interface's
// prototype, their brand test and how they clone: `serialize` null means "not cloneable" (a
// DataCloneError), else serialize(value) -> data and deserialize(data) -> a new object. A subclass
// registers before its base class (File before Blob): platformIndex tries them in order.
const platformKinds = [];
internals.registerPlatformObject = (prototype, test, serialize = null, deserialize = null) => {
  const kind = KIND_PLATFORM + platformKinds.length;
  ArrayPrototypePush(platformKinds, { __proto__: null, test, serialize, deserialize });
  MapPrototypeSet(kindByPrototype, prototype, { __proto__: null, kind, check: test });
};

function platformIndex(value) {
  for (let i = 0; i < platformKinds.length; i++) {
    if (platformKinds[i].test(value)) return i;
  }
  return -1;
}

function isUncloneablePlatformObject(value) {
  if (value === globalObject) return true;
  if (succeeds((v) => WeakMapPrototypeHas(v, {}), value)) return true;
  if (succeeds((v) => WeakSetPrototypeHas(v, {}), value)) return true;
  if (WeakRefPrototypeDeref !== undefined && succeeds(WeakRefPrototypeDeref, value)) return true;
  if (FinalizationRegistryPrototypeUnregister !== undefined &&
      succeeds((v) => FinalizationRegistryPrototypeUnregister(v, {}), value)) {
    return true;
  }
  return uncloneableTags[builtinTag(value)] === true;
}

function regExpFlags(regexp) {
  let flags = "";
  for (let i = 0; i < regExpFlagGetters.length; i++) {
    const getter = regExpFlagGetters[i][1];
    if (getter !== undefined && getter(regexp)) flags += regExpFlagGetters[i][0];
  }
  return flags;
}

// A fresh ArrayBuffer with a copy of the bytes (keeping resizability).
function copyArrayBuffer(buffer) {
  const length = ArrayBufferPrototypeGetByteLength(buffer);
  const resizable = ArrayBufferPrototypeGetResizable !== undefined && ArrayBufferPrototypeGetResizable(buffer);
  const copy = resizable
    ? new ArrayBufferCtor(length, { maxByteLength: ArrayBufferPrototypeGetMaxByteLength(buffer) })
    : new ArrayBufferCtor(length);
  TypedArrayPrototypeSet(new Uint8ArrayCtor(copy), new Uint8ArrayCtor(buffer, 0, length));
  return copy;
}

function defineData(target, key, value) {
  ObjectDefineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function defineHidden(target, key, value) {
  ObjectDefineProperty(target, key, { value, writable: true, enumerable: false, configurable: true });
}

// ---------------------------------------------------------------------------
// Classification: which kind of serializable (or uncloneable) object a value is.
//
// The brand checks that decide it exactly are built-in methods that throw a TypeError for a value
// without the internal slot, and a thrown error costs microseconds. So the prototype chain says
// what to check: a value whose chain holds a built-in or platform prototype (Map.prototype,
// Date.prototype, Blob.prototype...) is confirmed by that one brand check, which does not throw for
// a genuine one; a value whose chain holds none (literals, null-prototype objects, instances of user
// classes) is ordinary unless one of the checks that cost nothing says otherwise (Error.isError,
// views, the built-in tag of Object.prototype.toString). Only what these cannot settle falls back to
// trying every brand check (classifyByBrandChecks). Known difference from a native structuredClone:
// an object whose internal slots disagree with its chain because its [[Prototype]] was replaced
// after creation (a Map or a Blob whose prototype was set to Object.prototype) clones as what its
// chain says. (Platform brands are private-field tests, each a megamorphic `in` on every plain
// object: trying them on every value cost more than the rest of the clone, D65.)

const KIND_OBJECT = 0;
const KIND_ARRAY = 1;
const KIND_BOXED = 2;
const KIND_DATE = 3;
const KIND_REGEXP = 4;
const KIND_ARRAYBUFFER = 5;
const KIND_TYPEDARRAY = 6;
const KIND_DATAVIEW = 7;
const KIND_MAP = 8;
const KIND_SET = 9;
const KIND_ERROR = 10;
const KIND_DOMEXCEPTION = 11;
const KIND_UNCLONEABLE = 12;
const KIND_PLATFORM = 16; // + index into platformKinds

const ObjectPrototype = Object.prototype;
const ArrayPrototype = Array.prototype;
const ArrayBufferIsView = ArrayBuffer.isView;
const BooleanPrototypeValueOf = uncurryThis(Boolean.prototype.valueOf);
const NumberPrototypeValueOf = uncurryThis(Number.prototype.valueOf);
const BigIntPrototypeValueOf = uncurryThis(BigInt.prototype.valueOf);
const StringPrototypeValueOf = uncurryThis(String.prototype.valueOf);
const SymbolPrototypeValueOf = uncurryThis(Symbol.prototype.valueOf);

const isTypedArray = (v) => TypedArrayPrototypeGetToStringTag(v) !== undefined;

// Built-in prototypes whose instances carry a brand: [prototype, kind, brand check].
const kindByPrototype = new MapCtor();
for (const [proto, kind, check] of [
  [Boolean.prototype, KIND_BOXED, BooleanPrototypeValueOf],
  [Number.prototype, KIND_BOXED, NumberPrototypeValueOf],
  [BigInt.prototype, KIND_BOXED, BigIntPrototypeValueOf],
  [String.prototype, KIND_BOXED, StringPrototypeValueOf],
  [Symbol.prototype, KIND_UNCLONEABLE, SymbolPrototypeValueOf],
  [Date.prototype, KIND_DATE, DatePrototypeGetTime],
  [RegExp.prototype, KIND_REGEXP, RegExpPrototypeGetSource],
  [ArrayBuffer.prototype, KIND_ARRAYBUFFER, ArrayBufferPrototypeGetByteLength],
  [typeof SharedArrayBuffer === "function" ? SharedArrayBuffer.prototype : undefined, KIND_UNCLONEABLE, SharedArrayBufferPrototypeGetByteLength],
  [TypedArrayPrototype, KIND_TYPEDARRAY, null],
  [DataView.prototype, KIND_DATAVIEW, DataViewPrototypeGetBuffer],
  [Map.prototype, KIND_MAP, MapPrototypeGetSize],
  [Set.prototype, KIND_SET, SetPrototypeGetSize],
  [WeakMap.prototype, KIND_UNCLONEABLE, (v) => WeakMapPrototypeHas(v, {})],
  [WeakSet.prototype, KIND_UNCLONEABLE, (v) => WeakSetPrototypeHas(v, {})],
  [typeof WeakRef === "function" ? WeakRef.prototype : undefined, KIND_UNCLONEABLE, WeakRefPrototypeDeref],
  [typeof FinalizationRegistry === "function" ? FinalizationRegistry.prototype : undefined, KIND_UNCLONEABLE,
    (v) => FinalizationRegistryPrototypeUnregister(v, {})],
  [DOMException.prototype, KIND_DOMEXCEPTION, null],
  [Error.prototype, KIND_ERROR, null],
]) {
  if (proto !== undefined) MapPrototypeSet(kindByPrototype, proto, { __proto__: null, kind, check });
}

// Whether value really has the brand its prototype chain promised.
function hasBrand(value, entry) {
  switch (entry.kind) {
    case KIND_TYPEDARRAY: return isTypedArray(value);
    case KIND_DOMEXCEPTION: return isDOMException(value);
    case KIND_ERROR: return isError(value);
    default: return entry.kind >= KIND_PLATFORM ? entry.check(value) : succeeds(entry.check, value);
  }
}

function classify(value) {
  if (ArrayIsArray(value)) return KIND_ARRAY;
  for (let p = ObjectGetPrototypeOf(value); p !== null && p !== ObjectPrototype; p = ObjectGetPrototypeOf(p)) {
    const entry = MapPrototypeGet(kindByPrototype, p);
    if (entry !== undefined) return hasBrand(value, entry) ? entry.kind : classifyByBrandChecks(value);
  }
  return classifyUnbranded(value);
}

// A value whose prototype chain holds no branded built-in or platform prototype.
function classifyUnbranded(value) {
  if (isError(value)) return KIND_ERROR;
  if (ArrayBufferIsView(value)) return isTypedArray(value) ? KIND_TYPEDARRAY : KIND_DATAVIEW;
  if (value === globalObject) return KIND_UNCLONEABLE;
  // Date, RegExp, boxed primitives, arguments, module namespaces, iterators and anything with a
  // Symbol.toStringTag: let the brand checks decide.
  if (builtinTag(value) !== "[object Object]") return classifyByBrandChecks(value);
  return KIND_OBJECT;
}

// The general path: every brand check in turn (each failing one throws and is caught).
function classifyByBrandChecks(value) {
  if (succeeds(BooleanPrototypeValueOf, value) || succeeds(NumberPrototypeValueOf, value) ||
      succeeds(BigIntPrototypeValueOf, value) || succeeds(StringPrototypeValueOf, value)) {
    return KIND_BOXED;
  }
  if (succeeds(SymbolPrototypeValueOf, value)) return KIND_UNCLONEABLE;
  if (succeeds(DatePrototypeGetTime, value)) return KIND_DATE;
  if (value !== RegExpPrototype && succeeds(RegExpPrototypeGetSource, value)) return KIND_REGEXP;
  if (isArrayBuffer(value)) return KIND_ARRAYBUFFER;
  if (isSharedArrayBuffer(value)) return KIND_UNCLONEABLE;
  const platform = platformIndex(value);
  if (platform >= 0) return KIND_PLATFORM + platform;
  if (isDOMException(value)) return KIND_DOMEXCEPTION;
  if (ArrayIsArray(value)) return KIND_ARRAY;
  if (isError(value)) return KIND_ERROR;
  if (isTypedArray(value)) return KIND_TYPEDARRAY;
  if (succeeds(DataViewPrototypeGetBuffer, value)) return KIND_DATAVIEW;
  if (succeeds(MapPrototypeGetSize, value)) return KIND_MAP;
  if (succeeds(SetPrototypeGetSize, value)) return KIND_SET;
  if (isUncloneablePlatformObject(value)) return KIND_UNCLONEABLE;
  return KIND_OBJECT;
}

// ---------------------------------------------------------------------------
// What each kind copies, shared by both ways of cloning below. Reading a
// value's parts is where user code can run (getters) and where errors are
// thrown; building a clone from the parts runs no user code.

function unbox(value) {
  if (succeeds(BooleanPrototypeValueOf, value)) return BooleanPrototypeValueOf(value);
  if (succeeds(NumberPrototypeValueOf, value)) return NumberPrototypeValueOf(value);
  if (succeeds(BigIntPrototypeValueOf, value)) return BigIntPrototypeValueOf(value);
  return StringPrototypeValueOf(value);
}

function ownStack(value) {
  const descriptor = ObjectGetOwnPropertyDescriptor(value, "stack");
  if (descriptor === undefined) return undefined;
  const stack = "value" in descriptor ? descriptor.value : value.stack;
  return typeof stack === "string" ? stack : undefined;
}

// A kind without children to visit, as a record; throws for the uncloneable.
function leafRecord(value, kind) {
  switch (kind) {
    case KIND_BOXED: return { __proto__: null, kind: "boxed", value: unbox(value) };
    case KIND_DATE: return { __proto__: null, kind: "date", time: DatePrototypeGetTime(value) };
    case KIND_REGEXP:
      return { __proto__: null, kind: "regexp", source: RegExpPrototypeGetSource(value), flags: regExpFlags(value) };
    case KIND_ARRAYBUFFER:
      if (isDetached(value)) throw dataCloneError("An ArrayBuffer is detached and could not be cloned.");
      return { __proto__: null, kind: "arraybuffer", buffer: copyArrayBuffer(value) };
    case KIND_DOMEXCEPTION:
      return {
        __proto__: null, kind: "domexception",
        name: StringCtor(value.name), message: StringCtor(value.message), stack: ownStack(value),
      };
    case KIND_UNCLONEABLE: throw notCloneable(value);
    default: {
      const index = kind - KIND_PLATFORM;
      if (platformKinds[index].serialize === null) throw notCloneable(value);
      return { __proto__: null, kind: "platform", index, data: platformKinds[index].serialize(value) };
    }
  }
}

function buildLeaf(record) {
  switch (record.kind) {
    case "boxed": return ObjectCtor(record.value);
    case "date": return new DateCtor(record.time);
    case "regexp": return new RegExpCtor(record.source, record.flags);
    case "arraybuffer": return record.buffer;
    case "domexception": {
      const exception = new DOMException(record.message, record.name);
      if (record.stack !== undefined) defineHidden(exception, "stack", record.stack);
      return exception;
    }
    default: return platformKinds[record.index].deserialize(record.data);
  }
}

// A typed array or DataView, as a record whose buffer is still the original one.
function viewRecord(value, kind) {
  const typed = kind === KIND_TYPEDARRAY;
  const type = typed ? TypedArrayPrototypeGetToStringTag(value) : "DataView";
  const buffer = typed ? TypedArrayPrototypeGetBuffer(value) : DataViewPrototypeGetBuffer(value);
  if (isDetached(buffer)) throw dataCloneError("An ArrayBuffer is detached and could not be cloned.");
  if (typed && typedArrayConstructors[type] === undefined) throw notCloneable(value);
  return {
    __proto__: null, kind: "view", type, buffer,
    byteOffset: typed ? TypedArrayPrototypeGetByteOffset(value) : DataViewPrototypeGetByteOffset(value),
    length: typed ? TypedArrayPrototypeGetLength(value) : DataViewPrototypeGetByteLength(value),
  };
}

function buildView(record, buffer) {
  return record.type === "DataView"
    ? new DataViewCtor(buffer, record.byteOffset, record.length)
    : new typedArrayConstructors[record.type](buffer, record.byteOffset, record.length);
}

// An error's name, message and stack (its cause is a child, visited by the caller).
function errorRecord(value) {
  const record = {
    __proto__: null, kind: "error", name: "Error", message: undefined, stack: undefined, hasCause: false, cause: undefined,
  };
  const name = value.name;
  if (typeof name === "string" && errorConstructors[name] !== undefined) record.name = name;
  if (ObjectHasOwn(value, "message")) record.message = StringCtor(value.message);
  record.stack = ownStack(value);
  record.hasCause = ObjectHasOwn(value, "cause");
  return record;
}

function buildError(record) {
  const Ctor = errorConstructors[record.name];
  const error = record.message === undefined ? new Ctor() : new Ctor(record.message);
  if (record.stack !== undefined) defineHidden(error, "stack", record.stack);
  else delete error.stack;
  return error;
}

// Map and Set contents are snapshotted before any is visited (user code run
// while visiting cannot change which entries are copied): key, value, key...
function mapSnapshot(value) {
  const snapshot = [];
  const iterator = MapPrototypeEntries(value);
  for (let step = MapIteratorNext(iterator); !step.done; step = MapIteratorNext(iterator)) {
    ArrayPrototypePush(snapshot, step.value[0], step.value[1]);
  }
  return snapshot;
}

function setSnapshot(value) {
  const snapshot = [];
  const iterator = SetPrototypeValues(value);
  for (let step = SetIteratorNext(iterator); !step.done; step = SetIteratorNext(iterator)) {
    ArrayPrototypePush(snapshot, step.value);
  }
  return snapshot;
}

function remember(memory, key, value) {
  MapPrototypeSet(memory, key, value);
  return value;
}

// target is a fresh object whose prototype is proto: a plain assignment creates the same own data
// property as defining it, unless the key exists up the chain (a setter, or "__proto__").
function addProperty(target, proto, key, value) {
  if (key in proto) defineData(target, key, value);
  else target[key] = value;
}

// ---------------------------------------------------------------------------
// Direct cloning (nothing transferred): one walk that builds the clone as it
// goes. `memory` maps each object seen to its clone (shared references and
// cycles). A failure leaves a half-built clone that nothing can reach.

function cloneValue(value, memory) {
  if (typeof value !== "object" || value === null) {
    if (typeof value === "symbol" || typeof value === "function") throw notCloneable(value);
    return value;
  }
  const known = MapPrototypeGet(memory, value);
  if (known !== undefined) return known;
  const kind = classify(value);
  switch (kind) {
    case KIND_OBJECT: return cloneProperties(value, remember(memory, value, {}), ObjectPrototype, memory);
    case KIND_ARRAY: return cloneProperties(value, remember(memory, value, new ArrayCtor(value.length)), ArrayPrototype, memory);
    case KIND_TYPEDARRAY:
    case KIND_DATAVIEW: {
      const record = viewRecord(value, kind);
      return remember(memory, value, buildView(record, cloneValue(record.buffer, memory)));
    }
    case KIND_MAP: {
      const map = remember(memory, value, new MapCtor());
      const entries = mapSnapshot(value);
      for (let i = 0; i < entries.length; i += 2) {
        MapPrototypeSet(map, cloneValue(entries[i], memory), cloneValue(entries[i + 1], memory));
      }
      return map;
    }
    case KIND_SET: {
      const set = remember(memory, value, new SetCtor());
      const values = setSnapshot(value);
      for (let i = 0; i < values.length; i++) SetPrototypeAdd(set, cloneValue(values[i], memory));
      return set;
    }
    case KIND_ERROR: {
      const record = errorRecord(value);
      const error = remember(memory, value, buildError(record));
      if (record.hasCause) defineHidden(error, "cause", cloneValue(value.cause, memory));
      return error;
    }
    default: return remember(memory, value, buildLeaf(leafRecord(value, kind)));
  }
}

// Own enumerable string keys, read with [[Get]] (so getters run), in order.
function cloneProperties(value, target, proto, memory) {
  const keys = ObjectKeys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!ObjectHasOwn(value, key)) continue; // deleted by an earlier getter
    addProperty(target, proto, key, cloneValue(value[key], memory));
  }
  return target;
}

// ---------------------------------------------------------------------------
// With a transfer list: serialization first turns the value into a graph of
// records (a primitive is its own record), and only when that succeeded are
// the transferred buffers detached and the clone built from the records, so
// a failed clone never detaches anything. `memory` maps objects to records.

function serialize(value, memory) {
  if (typeof value !== "object" || value === null) {
    if (typeof value === "symbol" || typeof value === "function") throw notCloneable(value);
    return value;
  }
  const known = MapPrototypeGet(memory, value);
  if (known !== undefined) return known;
  const kind = classify(value);
  switch (kind) {
    case KIND_OBJECT: return serializeProperties(value, remember(memory, value, { __proto__: null, kind: "object", properties: [] }), memory);
    case KIND_ARRAY:
      return serializeProperties(value, remember(memory, value, { __proto__: null, kind: "array", length: value.length, properties: [] }), memory);
    case KIND_TYPEDARRAY:
    case KIND_DATAVIEW: {
      const record = remember(memory, value, viewRecord(value, kind));
      record.buffer = serialize(record.buffer, memory);
      return record;
    }
    case KIND_MAP: {
      const record = remember(memory, value, { __proto__: null, kind: "map", entries: mapSnapshot(value) });
      for (let i = 0; i < record.entries.length; i++) record.entries[i] = serialize(record.entries[i], memory);
      return record;
    }
    case KIND_SET: {
      const record = remember(memory, value, { __proto__: null, kind: "set", values: setSnapshot(value) });
      for (let i = 0; i < record.values.length; i++) record.values[i] = serialize(record.values[i], memory);
      return record;
    }
    case KIND_ERROR: {
      const record = remember(memory, value, errorRecord(value));
      if (record.hasCause) record.cause = serialize(value.cause, memory);
      return record;
    }
    default: return remember(memory, value, leafRecord(value, kind));
  }
}

// properties holds key, record, key, record...
function serializeProperties(value, record, memory) {
  const keys = ObjectKeys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!ObjectHasOwn(value, key)) continue; // deleted by an earlier getter
    ArrayPrototypePush(record.properties, key, serialize(value[key], memory));
  }
  return record;
}

// record -> new value; `memory` maps records to results.
function deserialize(record, memory) {
  if (typeof record !== "object" || record === null) return record;
  const known = MapPrototypeGet(memory, record);
  if (known !== undefined) return known;
  switch (record.kind) {
    case "object": return deserializeProperties(record, remember(memory, record, {}), ObjectPrototype, memory);
    case "array": return deserializeProperties(record, remember(memory, record, new ArrayCtor(record.length)), ArrayPrototype, memory);
    case "transferred": return remember(memory, record, record.buffer);
    case "view": return remember(memory, record, buildView(record, deserialize(record.buffer, memory)));
    case "map": {
      const map = remember(memory, record, new MapCtor());
      const entries = record.entries;
      for (let i = 0; i < entries.length; i += 2) {
        MapPrototypeSet(map, deserialize(entries[i], memory), deserialize(entries[i + 1], memory));
      }
      return map;
    }
    case "set": {
      const set = remember(memory, record, new SetCtor());
      for (let i = 0; i < record.values.length; i++) SetPrototypeAdd(set, deserialize(record.values[i], memory));
      return set;
    }
    case "error": {
      const error = remember(memory, record, buildError(record));
      if (record.hasCause) defineHidden(error, "cause", deserialize(record.cause, memory));
      return error;
    }
    default: return remember(memory, record, buildLeaf(record));
  }
}

function deserializeProperties(record, target, proto, memory) {
  const properties = record.properties;
  for (let i = 0; i < properties.length; i += 2) {
    addProperty(target, proto, properties[i], deserialize(properties[i + 1], memory));
  }
  return target;
}

// ---------------------------------------------------------------------------
// Transfer

// WebIDL conversion of StructuredSerializeOptions.transfer (sequence<object>).
function readTransferList(options) {
  if (options === undefined || options === null) return [];
  if (typeof options !== "object" && typeof options !== "function") {
    throw new TypeErrorCtor("Failed to execute 'structuredClone': The provided value is not of type 'StructuredSerializeOptions'.");
  }
  const transfer = options.transfer;
  if (transfer === undefined) return [];
  if (transfer === null || typeof transfer !== "object" || typeof transfer[SymbolIterator] !== "function") {
    throw new TypeErrorCtor("Failed to execute 'structuredClone': The provided value cannot be converted to a sequence.");
  }
  const list = [];
  for (const item of transfer) {
    if (item === null || (typeof item !== "object" && typeof item !== "function")) {
      throw new TypeErrorCtor("Failed to execute 'structuredClone': Value at index " + list.length + " of the transfer list is not an object.");
    }
    ArrayPrototypePush(list, item);
  }
  return list;
}

// Reserves a record for every transferable before serialization, so that
// references to them inside the value resolve to the transferred buffer.
function reserveTransfers(list, memory) {
  const records = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isArrayBuffer(item)) throw dataCloneError("Value not transferable");
    if (MapPrototypeHas(memory, item)) {
      throw dataCloneError(`ArrayBuffer at index ${i} is a duplicate of an earlier ArrayBuffer. Duplicate ArrayBuffers cannot be transferred.`);
    }
    const record = { __proto__: null, kind: "transferred", buffer: undefined };
    MapPrototypeSet(memory, item, record);
    ArrayPrototypePush(records, record);
  }
  return records;
}

// Moves the bytes to new buffers and detaches the originals.
function performTransfers(list, records) {
  for (let i = 0; i < list.length; i++) {
    if (isDetached(list[i])) {
      throw dataCloneError(`ArrayBuffer at index ${i} is already detached.`);
    }
  }
  if (ArrayBufferPrototypeTransfer === undefined && list.length > 0) {
    throw dataCloneError("Transferring ArrayBuffers is not supported by this engine.");
  }
  for (let i = 0; i < list.length; i++) records[i].buffer = ArrayBufferPrototypeTransfer(list[i]);
}

// ---------------------------------------------------------------------------

function structuredClone(value, options = undefined) {
  if (arguments.length === 0) {
    throw new TypeErrorCtor("Failed to execute 'structuredClone': 1 argument required, but only 0 present.");
  }
  const transferList = readTransferList(options);
  if (transferList.length === 0) return cloneValue(value, new MapCtor());
  const memory = new MapCtor();
  const transferRecords = reserveTransfers(transferList, memory);
  const serialized = serialize(value, memory);
  performTransfers(transferList, transferRecords);
  return deserialize(serialized, new MapCtor());
}

internals.structuredClone = structuredClone;
internals.defineGlobal("structuredClone", structuredClone);
