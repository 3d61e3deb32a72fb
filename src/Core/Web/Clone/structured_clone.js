// structuredClone(value, { transfer }) — the HTML structured serialize /
// deserialize algorithms run back to back. Prelude function body: needs
// internals.DOMException / internals.isDOMException (dom_exception.js) and
// exports internals.structuredClone.
//
// Serialization first turns the value into a graph of plain "records" (this
// is where user code such as getters runs and where errors are thrown);
// only when that succeeded are transferred buffers detached and the clone
// built from the records. A failed clone therefore never detaches anything.

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

// Boxed primitives: [valueOf that brand-checks, kind].
const boxedKinds = [
  [uncurryThis(Boolean.prototype.valueOf), "Boolean"],
  [uncurryThis(Number.prototype.valueOf), "Number"],
  [uncurryThis(BigInt.prototype.valueOf), "BigInt"],
  [uncurryThis(String.prototype.valueOf), "String"],
  [uncurryThis(Symbol.prototype.valueOf), "Symbol"],
];

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

// Platform objects of later prelude files (Blob, File, navigator...) register here how they clone:
// `serialize` null means "not cloneable" (a DataCloneError), else serialize(value) -> data and
// deserialize(data) -> a new object.
const platformKinds = [];
internals.registerPlatformObject = (test, serialize = null, deserialize = null) => {
  ArrayPrototypePush(platformKinds, { __proto__: null, test, serialize, deserialize });
};

function serializePlatformObject(value) {
  for (let i = 0; i < platformKinds.length; i++) {
    const kind = platformKinds[i];
    if (!kind.test(value)) continue;
    if (kind.serialize === null) throw notCloneable(value);
    return { __proto__: null, kind: "platform", index: i, data: kind.serialize(value) };
  }
  return undefined;
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
// Serialization: value -> record. `memory` maps each object already seen to
// its record, which preserves shared references and cycles.

function serialize(value, memory) {
  if (typeof value === "symbol") throw notCloneable(value);
  if (value === null || (typeof value !== "object" && typeof value !== "function")) {
    return { __proto__: null, kind: "primitive", value };
  }
  const known = MapPrototypeGet(memory, value);
  if (known !== undefined) return known;
  if (typeof value === "function") throw notCloneable(value);

  const record = serializeLeaf(value);
  if (record !== undefined) {
    MapPrototypeSet(memory, value, record);
    return record;
  }
  if (ArrayIsArray(value)) return serializeArray(value, memory);
  if (isError(value)) return serializeError(value, memory);

  const typedName = TypedArrayPrototypeGetToStringTag(value);
  if (typedName !== undefined) return serializeTypedArray(value, typedName, memory);
  if (succeeds(DataViewPrototypeGetBuffer, value)) return serializeDataView(value, memory);
  if (succeeds(MapPrototypeGetSize, value)) return serializeMap(value, memory);
  if (succeeds(SetPrototypeGetSize, value)) return serializeSet(value, memory);
  if (isUncloneablePlatformObject(value)) throw notCloneable(value);
  return serializeObject(value, memory);
}

// Objects with no children to visit, or undefined if value is none of them.
function serializeLeaf(value) {
  for (let i = 0; i < boxedKinds.length; i++) {
    if (!succeeds(boxedKinds[i][0], value)) continue;
    if (boxedKinds[i][1] === "Symbol") throw notCloneable(value);
    return { __proto__: null, kind: "boxed", value: boxedKinds[i][0](value) };
  }
  if (succeeds(DatePrototypeGetTime, value)) {
    return { __proto__: null, kind: "date", time: DatePrototypeGetTime(value) };
  }
  if (value !== RegExpPrototype && succeeds(RegExpPrototypeGetSource, value)) {
    return { __proto__: null, kind: "regexp", source: RegExpPrototypeGetSource(value), flags: regExpFlags(value) };
  }
  if (isArrayBuffer(value)) {
    if (isDetached(value)) throw dataCloneError("An ArrayBuffer is detached and could not be cloned.");
    return { __proto__: null, kind: "arraybuffer", buffer: copyArrayBuffer(value) };
  }
  if (isSharedArrayBuffer(value)) throw notCloneable(value);
  const platform = serializePlatformObject(value);
  if (platform !== undefined) return platform;
  if (isDOMException(value)) {
    return {
      __proto__: null, kind: "domexception",
      name: StringCtor(value.name), message: StringCtor(value.message), stack: ownStack(value),
    };
  }
  return undefined;
}

function ownStack(value) {
  const descriptor = ObjectGetOwnPropertyDescriptor(value, "stack");
  if (descriptor === undefined) return undefined;
  const stack = "value" in descriptor ? descriptor.value : value.stack;
  return typeof stack === "string" ? stack : undefined;
}

function serializeArray(value, memory) {
  const record = { __proto__: null, kind: "array", length: value.length, properties: [] };
  MapPrototypeSet(memory, value, record);
  serializeProperties(value, record.properties, memory);
  return record;
}

// Own enumerable string keys, read with [[Get]] (so getters run), in order.
function serializeProperties(value, properties, memory) {
  const keys = ObjectKeys(value);
  for (let i = 0; i < keys.length; i++) {
    if (!ObjectHasOwn(value, keys[i])) continue; // deleted by an earlier getter
    ArrayPrototypePush(properties, [keys[i], serialize(value[keys[i]], memory)]);
  }
}

function serializeObject(value, memory) {
  const record = { __proto__: null, kind: "object", properties: [] };
  MapPrototypeSet(memory, value, record);
  serializeProperties(value, record.properties, memory);
  return record;
}

function serializeError(value, memory) {
  const record = { __proto__: null, kind: "error", name: "Error", message: undefined, stack: undefined, cause: undefined };
  MapPrototypeSet(memory, value, record);
  const name = value.name;
  if (typeof name === "string" && errorConstructors[name] !== undefined) record.name = name;
  if (ObjectHasOwn(value, "message")) record.message = StringCtor(value.message);
  record.stack = ownStack(value);
  if (ObjectHasOwn(value, "cause")) record.cause = serialize(value.cause, memory);
  return record;
}

function serializeTypedArray(value, typeName, memory) {
  const buffer = TypedArrayPrototypeGetBuffer(value);
  if (isDetached(buffer)) throw dataCloneError("An ArrayBuffer is detached and could not be cloned.");
  if (typedArrayConstructors[typeName] === undefined) throw notCloneable(value);
  const record = {
    __proto__: null, kind: "view", type: typeName, buffer: undefined,
    byteOffset: TypedArrayPrototypeGetByteOffset(value), length: TypedArrayPrototypeGetLength(value),
  };
  MapPrototypeSet(memory, value, record);
  record.buffer = serialize(buffer, memory);
  return record;
}

function serializeDataView(value, memory) {
  const buffer = DataViewPrototypeGetBuffer(value);
  if (isDetached(buffer)) throw dataCloneError("An ArrayBuffer is detached and could not be cloned.");
  const record = {
    __proto__: null, kind: "view", type: "DataView", buffer: undefined,
    byteOffset: DataViewPrototypeGetByteOffset(value), length: DataViewPrototypeGetByteLength(value),
  };
  MapPrototypeSet(memory, value, record);
  record.buffer = serialize(buffer, memory);
  return record;
}

// Entries are snapshotted first, then serialized (user code run while
// serializing cannot change which entries are copied).
function serializeMap(value, memory) {
  const record = { __proto__: null, kind: "map", entries: [] };
  MapPrototypeSet(memory, value, record);
  const snapshot = [];
  const iterator = MapPrototypeEntries(value);
  for (let step = MapIteratorNext(iterator); !step.done; step = MapIteratorNext(iterator)) {
    ArrayPrototypePush(snapshot, step.value);
  }
  for (let i = 0; i < snapshot.length; i++) {
    ArrayPrototypePush(record.entries, [serialize(snapshot[i][0], memory), serialize(snapshot[i][1], memory)]);
  }
  return record;
}

function serializeSet(value, memory) {
  const record = { __proto__: null, kind: "set", values: [] };
  MapPrototypeSet(memory, value, record);
  const snapshot = [];
  const iterator = SetPrototypeValues(value);
  for (let step = SetIteratorNext(iterator); !step.done; step = SetIteratorNext(iterator)) {
    ArrayPrototypePush(snapshot, step.value);
  }
  for (let i = 0; i < snapshot.length; i++) ArrayPrototypePush(record.values, serialize(snapshot[i], memory));
  return record;
}

// ---------------------------------------------------------------------------
// Deserialization: record -> new value. `memory` maps records to results.

function deserialize(record, memory) {
  if (record.kind === "primitive") return record.value;
  const known = MapPrototypeGet(memory, record);
  if (known !== undefined) return known;
  switch (record.kind) {
    case "boxed":
      return remember(memory, record, ObjectCtor(record.value));
    case "platform":
      return remember(memory, record, platformKinds[record.index].deserialize(record.data));
    case "date":
      return remember(memory, record, new DateCtor(record.time));
    case "regexp":
      return remember(memory, record, new RegExpCtor(record.source, record.flags));
    case "arraybuffer":
    case "transferred":
      return remember(memory, record, record.buffer);
    case "view":
      return deserializeView(record, memory);
    case "domexception":
      return deserializeDOMException(record, memory);
    case "error":
      return deserializeError(record, memory);
    case "map":
      return deserializeMap(record, memory);
    case "set":
      return deserializeSet(record, memory);
    case "array":
      return deserializeProperties(record, remember(memory, record, new ArrayCtor(record.length)), memory);
    default:
      return deserializeProperties(record, remember(memory, record, {}), memory);
  }
}

function remember(memory, record, value) {
  MapPrototypeSet(memory, record, value);
  return value;
}

function deserializeProperties(record, target, memory) {
  const properties = record.properties;
  for (let i = 0; i < properties.length; i++) {
    defineData(target, properties[i][0], deserialize(properties[i][1], memory));
  }
  return target;
}

function deserializeView(record, memory) {
  const buffer = deserialize(record.buffer, memory);
  const view = record.type === "DataView"
    ? new DataViewCtor(buffer, record.byteOffset, record.length)
    : new typedArrayConstructors[record.type](buffer, record.byteOffset, record.length);
  return remember(memory, record, view);
}

function deserializeDOMException(record, memory) {
  const exception = new DOMException(record.message, record.name);
  if (record.stack !== undefined) defineHidden(exception, "stack", record.stack);
  return remember(memory, record, exception);
}

function deserializeError(record, memory) {
  const Ctor = errorConstructors[record.name];
  const error = record.message === undefined ? new Ctor() : new Ctor(record.message);
  remember(memory, record, error);
  if (record.stack !== undefined) defineHidden(error, "stack", record.stack);
  else delete error.stack;
  if (record.cause !== undefined) defineHidden(error, "cause", deserialize(record.cause, memory));
  return error;
}

function deserializeMap(record, memory) {
  const map = remember(memory, record, new MapCtor());
  const entries = record.entries;
  for (let i = 0; i < entries.length; i++) {
    MapPrototypeSet(map, deserialize(entries[i][0], memory), deserialize(entries[i][1], memory));
  }
  return map;
}

function deserializeSet(record, memory) {
  const set = remember(memory, record, new SetCtor());
  const values = record.values;
  for (let i = 0; i < values.length; i++) SetPrototypeAdd(set, deserialize(values[i], memory));
  return set;
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
  const memory = new MapCtor();
  const transferRecords = reserveTransfers(transferList, memory);
  const serialized = serialize(value, memory);
  performTransfers(transferList, transferRecords);
  return deserialize(serialized, new MapCtor());
}

internals.structuredClone = structuredClone;
internals.defineGlobal("structuredClone", structuredClone);
