// Object inspection (Node's util.inspect default output) and console.log's
// printf-like formatting. Prelude function body: exports internals.inspect
// and internals.format.
//
// Every built-in used after load is captured here, so user code that later
// replaces globals or prototype methods cannot change what console prints.

const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
const getterOf = (proto, name) => {
  const descriptor = Object.getOwnPropertyDescriptor(proto, name);
  return descriptor === undefined || descriptor.get === undefined
    ? undefined
    : uncurryThis(descriptor.get);
};
const ReflectApply = Reflect.apply;

const ObjectKeys = Object.keys;
const ObjectGetOwnPropertyNames = Object.getOwnPropertyNames;
const ObjectGetOwnPropertySymbols = Object.getOwnPropertySymbols;
const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const ObjectGetPrototypeOf = Object.getPrototypeOf;
const ObjectHasOwn = Object.hasOwn;
const ObjectIs = Object.is;
const ObjectPrototypeToString = uncurryThis(Object.prototype.toString);
const ObjectPrototypePropertyIsEnumerable = uncurryThis(Object.prototype.propertyIsEnumerable);
const ArrayIsArray = Array.isArray;
const ArrayPrototypePush = uncurryThis(Array.prototype.push);
const ArrayPrototypeJoin = uncurryThis(Array.prototype.join);
const ArrayPrototypeIncludes = uncurryThis(Array.prototype.includes);
const ArrayPrototypeIndexOf = uncurryThis(Array.prototype.indexOf);
const ArrayPrototypeSplice = uncurryThis(Array.prototype.splice);
const ArrayPrototypeUnshift = uncurryThis(Array.prototype.unshift);
const ArrayPrototypePop = uncurryThis(Array.prototype.pop);
const StringCtor = String;
const StringPrototypeSlice = uncurryThis(String.prototype.slice);
const StringPrototypeRepeat = uncurryThis(String.prototype.repeat);
const StringPrototypeIncludes = uncurryThis(String.prototype.includes);
const StringPrototypeIndexOf = uncurryThis(String.prototype.indexOf);
const StringPrototypeStartsWith = uncurryThis(String.prototype.startsWith);
const StringPrototypeEndsWith = uncurryThis(String.prototype.endsWith);
const StringPrototypePadStart = uncurryThis(String.prototype.padStart);
const StringPrototypePadEnd = uncurryThis(String.prototype.padEnd);
const StringPrototypeSplit = uncurryThis(String.prototype.split);
const StringPrototypeCharCodeAt = uncurryThis(String.prototype.charCodeAt);
const StringPrototypeCodePointAt = uncurryThis(String.prototype.codePointAt);
const StringPrototypeToUpperCase = uncurryThis(String.prototype.toUpperCase);
const StringPrototypeToLowerCase = uncurryThis(String.prototype.toLowerCase);
const StringPrototypeValueOf = uncurryThis(String.prototype.valueOf);
const NumberPrototypeValueOf = uncurryThis(Number.prototype.valueOf);
const NumberPrototypeToString = uncurryThis(Number.prototype.toString);
const NumberParseInt = Number.parseInt;
const NumberParseFloat = Number.parseFloat;
const NumberCtor = Number;
const NumberIsNaN = Number.isNaN;
const BooleanPrototypeValueOf = uncurryThis(Boolean.prototype.valueOf);
const BigIntPrototypeValueOf = uncurryThis(BigInt.prototype.valueOf);
const SymbolPrototypeValueOf = uncurryThis(Symbol.prototype.valueOf);
const SymbolPrototypeToString = uncurryThis(Symbol.prototype.toString);
const SymbolToStringTag = Symbol.toStringTag;
const SymbolFor = Symbol.for;
const FunctionPrototypeToString = uncurryThis(Function.prototype.toString);
const ErrorPrototypeToString = uncurryThis(Error.prototype.toString);
const ErrorCtor = Error;
const DatePrototypeGetTime = uncurryThis(Date.prototype.getTime);
const DatePrototypeToISOString = uncurryThis(Date.prototype.toISOString);
const DatePrototypeToString = uncurryThis(Date.prototype.toString);
const RegExpPrototypeToString = uncurryThis(RegExp.prototype.toString);
const RegExpPrototypeGetSource = getterOf(RegExp.prototype, "source");
const RegExpPrototype = RegExp.prototype;
const MapCtor = Map;
const MapPrototypeGetSize = getterOf(Map.prototype, "size");
const MapPrototypeGet = uncurryThis(Map.prototype.get);
const MapPrototypeSet = uncurryThis(Map.prototype.set);
const MapPrototypeHas = uncurryThis(Map.prototype.has);
const MapPrototypeEntries = uncurryThis(Map.prototype.entries);
const MapIteratorNext = uncurryThis(ObjectGetPrototypeOf(new Map().entries()).next);
const SetPrototypeGetSize = getterOf(Set.prototype, "size");
const SetPrototypeValues = uncurryThis(Set.prototype.values);
const SetIteratorNext = uncurryThis(ObjectGetPrototypeOf(new Set().values()).next);
const WeakMapPrototypeHas = uncurryThis(WeakMap.prototype.has);
const WeakSetPrototypeHas = uncurryThis(WeakSet.prototype.has);
const ArrayBufferPrototypeGetByteLength = getterOf(ArrayBuffer.prototype, "byteLength");
const SharedArrayBufferPrototypeGetByteLength = typeof SharedArrayBuffer === "function"
  ? getterOf(SharedArrayBuffer.prototype, "byteLength")
  : undefined;
const Uint8ArrayCtor = Uint8Array;
const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
const TypedArrayPrototypeGetToStringTag = getterOf(TypedArrayPrototype, SymbolToStringTag);
const TypedArrayPrototypeGetLength = getterOf(TypedArrayPrototype, "length");
const DataViewPrototypeGetBuffer = getterOf(DataView.prototype, "buffer");
const JSONStringify = JSON.stringify;
const MathMin = Math.min;
const MathMax = Math.max;
const MathFloor = Math.floor;
const MathRound = Math.round;
const MathSqrt = Math.sqrt;
const globalObject = globalThis;

// Node's hook for custom inspection; other prelude code can use it too.
const customInspectSymbol = SymbolFor("nodejs.util.inspect.custom");

// A promise's state comes from the host (V8 reports it with a host-call argument; script cannot
// read it). Its value can only be read through ClearScript's EngineInternal, which the runtime does
// not rely on: an optional internals.promiseResult(promise) supplies it, else a settled promise
// prints as <fulfilled> / <rejected> without its value.
const promiseState = internals.ops.promiseState;
const promiseResult = () => internals.promiseResult;
const MapIteratorPrototype = ObjectGetPrototypeOf(new MapCtor().entries());
const SetIteratorPrototype = ObjectGetPrototypeOf(new Set().values());

// ANSI styles of node's util.inspect.styles, used when ctx.colors is true.
const styles = {
  special: [36, 39], number: [33, 39], bigint: [33, 39], boolean: [33, 39], undefined: [90, 39],
  null: [1, 22], string: [32, 39], symbol: [32, 39], date: [35, 39], regexp: [31, 39], module: [4, 24],
};

function stylize(ctx, text, styleType) {
  if (!ctx.colors) return text;
  const style = styles[styleType];
  return style === undefined ? text : `\u001b[${style[0]}m${text}\u001b[${style[1]}m`;
}

// Length without colour escapes (for layout decisions).
function visibleLength(ctx, text) {
  if (!ctx.colors || !StringPrototypeIncludes(text, "\u001b[")) return text.length;
  return removeColors(text).length;
}

function removeColors(text) {
  let out = "";
  let i = 0;
  for (;;) {
    const escape = StringPrototypeIndexOf(text, "\u001b[", i);
    if (escape === -1) return out + StringPrototypeSlice(text, i);
    out += StringPrototypeSlice(text, i, escape);
    const end = StringPrototypeIndexOf(text, "m", escape);
    if (end === -1) return out + StringPrototypeSlice(text, escape);
    i = end + 1;
  }
}

// Names of the built-in constructors present at load time; used by %s to
// decide whether an object's toString is user-defined.
const builtInConstructorNames = new MapCtor();
for (const name of ObjectGetOwnPropertyNames(globalObject)) {
  const descriptor = ObjectGetOwnPropertyDescriptor(globalObject, name);
  const code = StringPrototypeCharCodeAt(name, 0);
  if (descriptor !== undefined && typeof descriptor.value === "function" && code >= 65 && code <= 90) {
    MapPrototypeSet(builtInConstructorNames, name, true);
  }
}

const defaultOptions = {
  depth: 2,
  showHidden: false,
  customInspect: true,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
};

// How an entry is printed by formatProperty.
const kObjectType = 0; // "key: value"
const kArrayType = 1; // value only (array element)
const kArrayExtrasType = 2; // "key: value" inside an array-like

// ---------------------------------------------------------------------------
// Brand checks. Each uses a built-in that throws (or answers undefined) for
// objects lacking the internal slot, so they cannot be fooled by prototypes.

function succeeds(check, value) {
  try {
    check(value);
    return true;
  } catch {
    return false;
  }
}

const isDate = (v) => succeeds(DatePrototypeGetTime, v);
const isRegExp = (v) => v !== RegExpPrototype && succeeds(RegExpPrototypeGetSource, v);
const isMap = (v) => succeeds(MapPrototypeGetSize, v);
const isSet = (v) => succeeds(SetPrototypeGetSize, v);
const isWeakMap = (v) => succeeds((x) => WeakMapPrototypeHas(x, {}), v);
const isWeakSet = (v) => succeeds((x) => WeakSetPrototypeHas(x, {}), v);
const isArrayBuffer = (v) => succeeds(ArrayBufferPrototypeGetByteLength, v);
const isSharedArrayBuffer = (v) =>
  SharedArrayBufferPrototypeGetByteLength !== undefined && succeeds(SharedArrayBufferPrototypeGetByteLength, v);
const isDataView = (v) => succeeds(DataViewPrototypeGetBuffer, v);
const typedArrayName = (v) => TypedArrayPrototypeGetToStringTag(v); // undefined if not a typed array

function builtinTag(value) {
  try {
    return ObjectPrototypeToString(value);
  } catch {
    return "";
  }
}

const isPromise = (v) => builtinTag(v) === "[object Promise]";
const isCollectionIterator = (v) => {
  const proto = ObjectGetPrototypeOf(v);
  return proto === MapIteratorPrototype || proto === SetIteratorPrototype;
};
const isArguments = (v) => builtinTag(v) === "[object Arguments]";
const isModuleNamespace = (v) => builtinTag(v) === "[object Module]" && ObjectGetPrototypeOf(v) === null;

function isError(value) {
  if (builtinTag(value) === "[object Error]") return true;
  try {
    return value instanceof ErrorCtor;
  } catch {
    return false;
  }
}

// [typeName, unwrap] for boxed primitives (new Number(1) etc.), else undefined.
function boxedPrimitive(value) {
  const kinds = [
    ["Number", NumberPrototypeValueOf],
    ["String", StringPrototypeValueOf],
    ["Boolean", BooleanPrototypeValueOf],
    ["BigInt", BigIntPrototypeValueOf],
    ["Symbol", SymbolPrototypeValueOf],
  ];
  for (let i = 0; i < kinds.length; i++) {
    if (succeeds(kinds[i][1], value)) return kinds[i];
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Primitives

const escapeNames = { 8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r" };

function hex(code, width) {
  return StringPrototypePadStart(StringPrototypeToUpperCase(NumberPrototypeToString(code, 16)), width, "0");
}

// Quotes a string the way Node does: single quotes, unless the string has
// single quotes and a different quote avoids escaping.
function quoteString(str) {
  let quote = "'";
  if (StringPrototypeIncludes(str, "'")) {
    if (!StringPrototypeIncludes(str, '"')) quote = '"';
    else if (!StringPrototypeIncludes(str, "`") && !StringPrototypeIncludes(str, "${")) quote = "`";
  }
  return quote + escapeString(str, quote) + quote;
}

function escapeString(str, quote) {
  const quoteCode = quote === "" ? -1 : StringPrototypeCharCodeAt(quote, 0);
  let out = "";
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const code = StringPrototypeCharCodeAt(str, i);
    let replacement;
    if (code === quoteCode || code === 92) {
      replacement = "\\" + str[i];
    } else if (code < 32 || (code >= 0x7f && code <= 0x9f)) {
      replacement = escapeNames[code] || "\\x" + hex(code, 2);
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // Surrogate pairs are fine; lone surrogates are shown escaped.
      const next = i + 1 < str.length ? StringPrototypeCharCodeAt(str, i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      replacement = "\\u" + StringPrototypeSlice("000" + NumberPrototypeToString(code, 16), -4);
    } else {
      continue;
    }
    out += StringPrototypeSlice(str, last, i) + replacement;
    last = i + 1;
  }
  return last === 0 ? str : out + StringPrototypeSlice(str, last);
}

function formatNumber(value) {
  return ObjectIs(value, -0) ? "-0" : `${value}`;
}

function formatPrimitive(ctx, value) {
  switch (typeof value) {
    case "string":
      return formatString(ctx, value);
    case "number":
      return stylize(ctx, formatNumber(value), "number");
    case "bigint":
      return stylize(ctx, `${value}n`, "bigint");
    case "symbol":
      return stylize(ctx, SymbolPrototypeToString(value), "symbol");
    case "boolean":
      return stylize(ctx, `${value}`, "boolean");
    default:
      // undefined (and document.all-like objects, which do not exist here)
      return stylize(ctx, `${value}`, "undefined");
  }
}

function formatString(ctx, value) {
  let trailer = "";
  if (value.length > ctx.maxStringLength) {
    const remaining = value.length - ctx.maxStringLength;
    value = StringPrototypeSlice(value, 0, ctx.maxStringLength);
    trailer = `... ${remaining} more character${remaining > 1 ? "s" : ""}`;
  }
  // Long strings that would overflow the line are split after each newline
  // into 'a\n' + 'b' pieces, as Node does.
  if (ctx.compact !== true && value.length > 16 && value.length > ctx.breakLength - ctx.indentationLvl - 4) {
    const lines = splitAfterNewlines(value);
    if (lines.length > 1) {
      const pieces = [];
      for (let i = 0; i < lines.length; i++) ArrayPrototypePush(pieces, stylize(ctx, quoteString(lines[i]), "string"));
      return ArrayPrototypeJoin(pieces, ` +\n${StringPrototypeRepeat(" ", ctx.indentationLvl + 2)}`) + trailer;
    }
  }
  return stylize(ctx, quoteString(value), "string") + trailer;
}

function splitAfterNewlines(str) {
  const lines = [];
  let start = 0;
  for (;;) {
    const index = StringPrototypeIndexOf(str, "\n", start);
    if (index === -1 || index === str.length - 1) break;
    ArrayPrototypePush(lines, StringPrototypeSlice(str, start, index + 1));
    start = index + 1;
  }
  ArrayPrototypePush(lines, StringPrototypeSlice(str, start));
  return lines;
}

// Property keys: identifiers bare, other strings quoted, symbols in brackets.
function isIdentifierKey(key) {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = StringPrototypeCharCodeAt(key, i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!letter && !(i > 0 && c >= 48 && c <= 57)) return false;
  }
  return true;
}

function formatKey(ctx, key, enumerable) {
  if (typeof key === "symbol") return `[${stylize(ctx, escapeString(SymbolPrototypeToString(key), ""), "symbol")}]`;
  if (enumerable === false) return `[${escapeString(key, "")}]`;
  if (isIdentifierKey(key)) return key;
  return stylize(ctx, quoteString(key), "string");
}

// ---------------------------------------------------------------------------
// Objects: names, tags and keys

// Name of the nearest constructor whose prototype is really in the chain;
// null for objects without one (e.g. Object.create(null)).
function getConstructorName(value) {
  let obj = value;
  while (obj !== null && obj !== undefined) {
    const descriptor = ObjectGetOwnPropertyDescriptor(obj, "constructor");
    if (descriptor !== undefined && typeof descriptor.value === "function" &&
        typeof descriptor.value.name === "string" && descriptor.value.name !== "" &&
        isInstanceOf(value, descriptor.value)) {
      return descriptor.value.name;
    }
    obj = ObjectGetPrototypeOf(obj);
  }
  return null;
}

function isInstanceOf(value, ctor) {
  try {
    return value instanceof ctor;
  } catch {
    return false;
  }
}

// Symbol.toStringTag, unless it is an own enumerable key (printed anyway).
function getTag(ctx, value) {
  let tag;
  try {
    tag = value[SymbolToStringTag];
  } catch {
    return "";
  }
  if (typeof tag !== "string") return "";
  if (tag !== "") {
    const shownAsKey = ctx.showHidden
      ? ObjectHasOwn(value, SymbolToStringTag)
      : ObjectPrototypePropertyIsEnumerable(value, SymbolToStringTag);
    if (shownAsKey) return "";
  }
  return tag;
}

// "Foo ", "Foo [tag] ", "Map(2) ", "[Object: null prototype] " ...
function getPrefix(constructor, tag, fallback, size = "") {
  if (constructor === null) {
    if (tag !== "" && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== "" && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

// Own keys to print: enumerable string keys and enumerable symbols, or all
// own keys with showHidden.
function getKeys(value, showHidden) {
  const symbols = ObjectGetOwnPropertySymbols(value);
  let keys;
  if (showHidden) {
    keys = ObjectGetOwnPropertyNames(value);
    for (let i = 0; i < symbols.length; i++) ArrayPrototypePush(keys, symbols[i]);
  } else {
    keys = ObjectKeys(value);
    for (let i = 0; i < symbols.length; i++) {
      if (ObjectPrototypePropertyIsEnumerable(value, symbols[i])) ArrayPrototypePush(keys, symbols[i]);
    }
  }
  return keys;
}

function isArrayIndex(key) {
  if (typeof key !== "string" || key.length === 0) return false;
  if (key.length > 1 && StringPrototypeCharCodeAt(key, 0) === 48) return false;
  for (let i = 0; i < key.length; i++) {
    const c = StringPrototypeCharCodeAt(key, i);
    if (c < 48 || c > 57) return false;
  }
  return NumberCtor(key) < 4294967295;
}

function withoutIndexKeys(keys) {
  const out = [];
  for (let i = 0; i < keys.length; i++) {
    if (!isArrayIndex(keys[i])) ArrayPrototypePush(out, keys[i]);
  }
  return out;
}

function removeKey(keys, key) {
  const index = ArrayPrototypeIndexOf(keys, key);
  if (index !== -1) ArrayPrototypeSplice(keys, index, 1);
}

// ---------------------------------------------------------------------------
// Core

function formatValue(ctx, value, recurseTimes) {
  if (typeof value !== "object" && typeof value !== "function") return formatPrimitive(ctx, value);
  if (value === null) return stylize(ctx, "null", "null");

  if (ctx.customInspect) {
    const custom = formatCustom(ctx, value, recurseTimes);
    if (custom !== undefined) return custom;
  }

  // Objects already on the path from the root are cycles.
  if (ArrayPrototypeIncludes(ctx.seen, value)) {
    if (ctx.circular === undefined) ctx.circular = new MapCtor();
    let index = MapPrototypeGet(ctx.circular, value);
    if (index === undefined) {
      index = MapPrototypeGetSize(ctx.circular) + 1;
      MapPrototypeSet(ctx.circular, value, index);
    }
    return stylize(ctx, `[Circular *${index}]`, "special");
  }
  return formatRaw(ctx, value, recurseTimes);
}

// value[Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect)
function formatCustom(ctx, value, recurseTimes) {
  let custom;
  try {
    custom = value[customInspectSymbol];
  } catch {
    return undefined;
  }
  if (typeof custom !== "function" || custom === inspect) return undefined;
  // Skip the hook when looking at a prototype that merely defines it.
  const ctorDescriptor = ObjectGetOwnPropertyDescriptor(value, "constructor");
  if (ctorDescriptor !== undefined && typeof ctorDescriptor.value === "function" &&
      ctorDescriptor.value.prototype === value) {
    return undefined;
  }
  const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
  const options = { ...ctx.userOptions, depth };
  const result = ReflectApply(custom, value, [depth, options, inspect]);
  if (result === value) return undefined;
  if (typeof result !== "string") return formatValue(ctx, result, recurseTimes);
  return ArrayPrototypeJoin(
    StringPrototypeSplit(result, "\n"),
    `\n${StringPrototypeRepeat(" ", ctx.indentationLvl)}`);
}

function formatRaw(ctx, value, recurseTimes) {
  const constructor = getConstructorName(value);
  const tag = getTag(ctx, value);
  let keys;
  let base = "";
  let braces;
  let formatter = noEntries;
  let extrasType = kObjectType;
  const typedName = typedArrayName(value);

  if (ArrayIsArray(value)) {
    keys = withoutIndexKeys(getKeys(value, ctx.showHidden));
    const prefix = constructor !== "Array" || tag !== ""
      ? getPrefix(constructor, tag, "Array", `(${value.length})`)
      : "";
    braces = [`${prefix}[`, "]"];
    if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
    extrasType = kArrayExtrasType;
    formatter = formatArray;
  } else if (typedName !== undefined) {
    keys = withoutIndexKeys(getKeys(value, ctx.showHidden));
    const length = TypedArrayPrototypeGetLength(value);
    braces = [`${getPrefix(constructor, tag, typedName, `(${length})`)}[`, "]"];
    if (length === 0 && keys.length === 0) return `${braces[0]}]`;
    extrasType = kArrayExtrasType;
    formatter = (c, v) => formatTypedArray(c, v, length);
  } else if (isSet(value)) {
    const size = SetPrototypeGetSize(value);
    keys = getKeys(value, ctx.showHidden);
    const prefix = getPrefix(constructor, tag, "Set", `(${size})`);
    if (size === 0 && keys.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, "}"];
    formatter = formatSet;
  } else if (isMap(value)) {
    const size = MapPrototypeGetSize(value);
    keys = getKeys(value, ctx.showHidden);
    const prefix = getPrefix(constructor, tag, "Map", `(${size})`);
    if (size === 0 && keys.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, "}"];
    formatter = formatMap;
  } else {
    keys = getKeys(value, ctx.showHidden);
    braces = ["{", "}"];
    if (constructor === "Object" && isCollectionIterator(value)) {
      braces[0] = `[${tag}] {`;
      formatter = formatItemsUnknown;
    } else if (constructor === "Object" && !isError(value) && !isDate(value)) {
      if (isArguments(value)) {
        keys = withoutIndexKeys(keys);
        braces = ["[Arguments] [", "]"];
        extrasType = kArrayExtrasType;
        formatter = formatArray;
        if (value.length === 0 && keys.length === 0) return "[Arguments] []";
      } else {
        // The global object, as node shows it.
        const shownTag = value === globalObject && tag === "" ? "global" : tag;
        if (shownTag !== "") braces[0] = `${getPrefix(constructor, shownTag, "Object")}{`;
        if (keys.length === 0) return `${braces[0]}}`;
      }
    } else if (typeof value === "function") {
      base = stylize(ctx, getFunctionBase(value, constructor, tag), "special");
      if (keys.length === 0) return base;
    } else if (isRegExp(value)) {
      base = RegExpPrototypeToString(value);
      const prefix = getPrefix(constructor, tag, "RegExp");
      if (prefix !== "RegExp ") base = `${prefix}${base}`;
      base = stylize(ctx, base, "regexp");
      if (keys.length === 0 || (ctx.depth !== null && recurseTimes > ctx.depth)) return base;
    } else if (isDate(value)) {
      const time = DatePrototypeGetTime(value);
      base = NumberIsNaN(time) ? DatePrototypeToString(value) : DatePrototypeToISOString(value);
      const prefix = getPrefix(constructor, tag, "Date");
      if (prefix !== "Date ") base = `${prefix}${base}`;
      base = stylize(ctx, base, "date");
      if (keys.length === 0) return base;
    } else if (isError(value)) {
      base = formatError(ctx, value, constructor, tag, keys);
      if (keys.length === 0) return base;
    } else if (isArrayBuffer(value) || isSharedArrayBuffer(value)) {
      const kind = isArrayBuffer(value) ? "ArrayBuffer" : "SharedArrayBuffer";
      braces[0] = `${getPrefix(constructor, tag, kind)}{`;
      ArrayPrototypeUnshift(keys, "byteLength");
      formatter = formatArrayBuffer;
    } else if (isDataView(value)) {
      braces[0] = `${getPrefix(constructor, tag, "DataView")}{`;
      ArrayPrototypeUnshift(keys, "byteLength", "byteOffset", "buffer");
    } else if (isPromise(value)) {
      braces[0] = `${getPrefix(constructor, tag, "Promise")}{`;
      formatter = formatPromise;
    } else if (isWeakSet(value)) {
      braces[0] = `${getPrefix(constructor, tag, "WeakSet")}{`;
      formatter = formatItemsUnknown;
    } else if (isWeakMap(value)) {
      braces[0] = `${getPrefix(constructor, tag, "WeakMap")}{`;
      formatter = formatItemsUnknown;

    } else if (isModuleNamespace(value)) {
      braces[0] = `${getPrefix(constructor, tag, "Module")}{`;
      const namespaceKeys = keys;
      keys = [];
      formatter = (c, v, r) => formatNamespace(c, v, r, namespaceKeys);
    } else {
      const boxed = boxedPrimitive(value);
      if (boxed !== undefined) {
        if (boxed[0] === "String") keys = withoutIndexKeys(keys);
        base = formatBoxed(ctx, value, boxed, constructor, tag);
        if (keys.length === 0) return base;
      } else {
        if (keys.length === 0) return `${getPrefix(constructor, tag, "Object")}{}`;
        braces[0] = `${getPrefix(constructor, tag, "Object")}{`;
      }
    }
  }

  if (ctx.depth !== null && recurseTimes > ctx.depth) {
    const name = StringPrototypeSlice(getPrefix(constructor, tag, "Object"), 0, -1);
    return stylize(ctx, constructor === null ? name : `[${name}]`, "special");
  }

  recurseTimes += 1;
  ArrayPrototypePush(ctx.seen, value);
  ctx.currentDepth = recurseTimes;
  const output = formatter(ctx, value, recurseTimes);
  for (let i = 0; i < keys.length; i++) {
    ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
  }
  ArrayPrototypePop(ctx.seen);

  // Objects that turned out to be the target of a cycle get a "<ref *N>" label.
  if (ctx.circular !== undefined) {
    const index = MapPrototypeGet(ctx.circular, value);
    if (index !== undefined) {
      const reference = stylize(ctx, `<ref *${index}>`, "special");
      base = base === "" ? reference : `${reference} ${base}`;
    }
  }
  return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
}

function noEntries() {
  return [];
}

function formatProperty(ctx, value, recurseTimes, key, type) {
  let descriptor = ObjectGetOwnPropertyDescriptor(value, key);
  if (descriptor === undefined) descriptor = { value: value[key], enumerable: true };
  let str;
  if (descriptor.value !== undefined) {
    ctx.indentationLvl += 2;
    str = formatValue(ctx, descriptor.value, recurseTimes);
    ctx.indentationLvl -= 2;
  } else if (descriptor.get !== undefined) {
    str = stylize(ctx, descriptor.set !== undefined ? "[Getter/Setter]" : "[Getter]", "special");
  } else if (descriptor.set !== undefined) {
    str = stylize(ctx, "[Setter]", "special");
  } else {
    str = stylize(ctx, "undefined", "undefined");
  }
  if (type === kArrayType) return str;
  return `${formatKey(ctx, key, descriptor.enumerable)}: ${str}`;
}

function remainingText(remaining) {
  return `... ${remaining} more item${remaining > 1 ? "s" : ""}`;
}

// Array elements; runs of holes collapse into "<N empty items>".
function formatArray(ctx, value, recurseTimes) {
  const length = value.length;
  const output = [];
  let index = 0;
  while (index < length && output.length < ctx.maxArrayLength) {
    if (ObjectHasOwn(value, index)) {
      ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, index, kArrayType));
      index++;
      continue;
    }
    const next = nextOwnIndex(value, index, length);
    const holes = next - index;
    ArrayPrototypePush(output, stylize(ctx, `<${holes} empty item${holes > 1 ? "s" : ""}>`, "undefined"));
    index = next;
  }
  const remaining = length - index;
  if (remaining > 0) ArrayPrototypePush(output, remainingText(remaining));
  return output;
}

// First own index >= from (or length). Scans keys only when there are
// holes, so huge sparse arrays stay cheap.
function nextOwnIndex(value, from, length) {
  let next = length;
  const keys = ObjectKeys(value);
  for (let i = 0; i < keys.length; i++) {
    if (!isArrayIndex(keys[i])) continue;
    const n = NumberCtor(keys[i]);
    if (n >= from && n < next) next = n;
  }
  return next;
}

function formatTypedArray(ctx, value, length) {
  const shown = MathMin(MathMax(0, ctx.maxArrayLength), length);
  const output = [];
  for (let i = 0; i < shown; i++) {
    const element = value[i];
    ArrayPrototypePush(output, typeof element === "bigint" ? stylize(ctx, `${element}n`, "bigint") : stylize(ctx, formatNumber(element), "number"));
  }
  if (length > shown) ArrayPrototypePush(output, remainingText(length - shown));
  return output;
}

function formatSet(ctx, value, recurseTimes) {
  const output = [];
  const size = SetPrototypeGetSize(value);
  const iterator = SetPrototypeValues(value);
  ctx.indentationLvl += 2;
  for (let step = SetIteratorNext(iterator); !step.done; step = SetIteratorNext(iterator)) {
    if (output.length >= ctx.maxArrayLength) break;
    ArrayPrototypePush(output, formatValue(ctx, step.value, recurseTimes));
  }
  ctx.indentationLvl -= 2;
  if (size > output.length) ArrayPrototypePush(output, remainingText(size - output.length));
  return output;
}

function formatMap(ctx, value, recurseTimes) {
  const output = [];
  const size = MapPrototypeGetSize(value);
  const iterator = MapPrototypeEntries(value);
  ctx.indentationLvl += 2;
  for (let step = MapIteratorNext(iterator); !step.done; step = MapIteratorNext(iterator)) {
    if (output.length >= ctx.maxArrayLength) break;
    const key = formatValue(ctx, step.value[0], recurseTimes);
    const entryValue = formatValue(ctx, step.value[1], recurseTimes);
    ArrayPrototypePush(output, `${key} => ${entryValue}`);
  }
  ctx.indentationLvl -= 2;
  if (size > output.length) ArrayPrototypePush(output, remainingText(size - output.length));
  return output;
}

// "[Uint8Contents]: <01 02 ff>"; a detached buffer cannot be viewed.
function formatArrayBuffer(ctx, value) {
  let bytes;
  try {
    bytes = new Uint8ArrayCtor(value);
  } catch {
    return ["(detached)"];
  }
  const shown = MathMin(ctx.maxArrayLength, bytes.length);
  const parts = [];
  for (let i = 0; i < shown; i++) ArrayPrototypePush(parts, StringPrototypePadStart(NumberPrototypeToString(bytes[i], 16), 2, "0"));
  let str = ArrayPrototypeJoin(parts, " ");
  const remaining = bytes.length - shown;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}`;
  return [`[Uint8Contents]: <${str}>`];
}

function formatPromise(ctx, value, recurseTimes) {
  const state = promiseState(value);
  if (state === 0) return [stylize(ctx, "<pending>", "special")];
  const read = promiseResult();
  if (typeof read !== "function") return [stylize(ctx, state === 2 ? "<rejected>" : "<fulfilled>", "special")];
  ctx.indentationLvl += 2;
  const result = formatValue(ctx, read(value), recurseTimes);
  ctx.indentationLvl -= 2;
  return [state === 2 ? `${stylize(ctx, "<rejected>", "special")} ${result}` : result];
}

// Weak collections and Map/Set iterators: their entries can only be previewed through V8's
// internal API, and walking an iterator would consume it.
function formatItemsUnknown(ctx) {
  return [stylize(ctx, "<items unknown>", "special")];
}

// Module namespaces: uninitialized (TDZ) bindings throw on access.
function formatNamespace(ctx, value, recurseTimes, keys) {
  const output = [];
  for (let i = 0; i < keys.length; i++) {
    try {
      ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, keys[i], kObjectType));
    } catch {
      ArrayPrototypePush(output, `${formatKey(ctx, keys[i], true)}: ${stylize(ctx, "<uninitialized>", "special")}`);
    }
  }
  return output;
}

function formatBoxed(ctx, value, boxed, constructor, tag) {
  const type = boxed[0];
  let base = `[${type}`;
  if (type !== constructor) base += constructor === null ? " (null prototype)" : ` (${constructor})`;
  // The inner value is printed without string splitting.
  const inner = boxed[1](value);
  base += `: ${typeof inner === "string" ? quoteString(inner) : formatPrimitive({ ...ctx, colors: false }, inner)}]`;
  if (tag !== "" && tag !== constructor) base += ` [${tag}]`;
  return stylize(ctx, base, StringPrototypeToLowerCase(type));
}

// "[Function: f]", "[AsyncFunction (anonymous)]", "[class A extends B]" ...
function getFunctionBase(value, constructor, tag) {
  const source = FunctionPrototypeToString(value);
  if (looksLikeClass(source)) return getClassBase(value, constructor, tag);
  const kindTag = builtinTag(value); // "[object AsyncFunction]" etc.
  let type = "Function";
  if (kindTag === "[object GeneratorFunction]") type = "GeneratorFunction";
  else if (kindTag === "[object AsyncFunction]") type = "AsyncFunction";
  else if (kindTag === "[object AsyncGeneratorFunction]") type = "AsyncGeneratorFunction";
  let base = `[${type}`;
  if (constructor === null) base += " (null prototype)";
  const name = value.name;
  base += name === "" || typeof name !== "string" ? " (anonymous)" : `: ${name}`;
  base += "]";
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
  return base;
}

// True for class source text; rejects methods that are merely named "class".
function looksLikeClass(source) {
  if (!StringPrototypeStartsWith(source, "class") || !StringPrototypeEndsWith(source, "}")) return false;
  const afterKeyword = source[5];
  if (afterKeyword !== "{" && afterKeyword !== " " && afterKeyword !== "\n" &&
      afterKeyword !== "\t" && afterKeyword !== "\r" && afterKeyword !== "/") {
    return false;
  }
  for (let i = 5; i < source.length; i++) {
    const ch = source[i];
    if (ch === " " || ch === "\n" || ch === "\t" || ch === "\r") continue;
    return ch !== "(";
  }
  return false;
}

function getClassBase(value, constructor, tag) {
  const name = (ObjectHasOwn(value, "name") && value.name) || "(anonymous)";
  let base = `class ${name}`;
  if (constructor !== "Function" && constructor !== null) base += ` [${constructor}]`;
  if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const superName = ObjectGetPrototypeOf(value).name;
    if (superName) base += ` extends ${superName}`;
  } else {
    base += " extends [null prototype]";
  }
  return `[${base}]`;
}

// ---------------------------------------------------------------------------
// Errors

function formatError(ctx, err, constructor, tag, keys) {
  const name = err.name != null ? StringCtor(err.name) : "Error";
  let stack = getStackString(err);
  removeDuplicateErrorKeys(ctx, keys, err, stack);
  if ("cause" in err && !ArrayPrototypeIncludes(keys, "cause")) ArrayPrototypePush(keys, "cause");
  if (ArrayIsArray(err.errors) && !ArrayPrototypeIncludes(keys, "errors")) ArrayPrototypePush(keys, "errors");
  stack = improveStack(stack, constructor, name, tag);

  // Errors without stack frames are wrapped in brackets: [Error: message].
  const message = err.message;
  let messageEnd = -1;
  if (typeof message === "string" && message !== "") {
    const at = StringPrototypeIndexOf(stack, message);
    if (at !== -1) messageEnd = at + message.length;
  }
  const framesStart = StringPrototypeIndexOf(stack, "\n    at", messageEnd);
  if (framesStart === -1) {
    stack = `[${stack}]`;
  } else {
    stack = ArrayPrototypeJoin(collapseCauseFrames(err, StringPrototypeSplit(stack, "\n")), "\n");
  }
  if (ctx.indentationLvl !== 0) {
    const indentation = StringPrototypeRepeat(" ", ctx.indentationLvl);
    stack = ArrayPrototypeJoin(StringPrototypeSplit(stack, "\n"), `\n${indentation}`);
  }
  return stack;
}

function getStackString(err) {
  const stack = err.stack;
  if (stack) return StringCtor(stack);
  return ErrorPrototypeToString(err);
}

// name/message/stack own enumerable keys already visible in the stack are not repeated.
function removeDuplicateErrorKeys(ctx, keys, err, stack) {
  if (ctx.showHidden || keys.length === 0) return;
  const names = ["name", "message", "stack"];
  for (let i = 0; i < names.length; i++) {
    const index = ArrayPrototypeIndexOf(keys, names[i]);
    if (index !== -1 && typeof err[names[i]] === "string" && StringPrototypeIncludes(stack, err[names[i]])) {
      ArrayPrototypeSplice(keys, index, 1);
    }
  }
}

// Shows the class when the stack header only has the error name:
// "MyError [Error]: x", "DOMException [AbortError]: x".
function improveStack(stack, constructor, name, tag) {
  let length = name.length;
  const namedHeader = StringPrototypeEndsWith(name, "Error") && StringPrototypeStartsWith(stack, name) &&
    (stack.length === length || stack[length] === ":" || stack[length] === "\n");
  if (constructor !== null && !namedHeader) return stack;
  let fallback = "Error";
  if (constructor === null) {
    fallback = nullPrototypeErrorName(stack);
    length = fallback.length;
    if (fallback === "") fallback = "Error";
  }
  const prefix = StringPrototypeSlice(getPrefix(constructor, tag, fallback), 0, -1);
  if (name === prefix) return stack;
  if (StringPrototypeIncludes(prefix, name)) {
    return length === 0 ? `${prefix}: ${stack}` : `${prefix}${StringPrototypeSlice(stack, length)}`;
  }
  return `${prefix} [${name}]${StringPrototypeSlice(stack, length)}`;
}

// The leading "SomeName" of a stack header ("SomeName: ..." / "SomeName\n    at").
function nullPrototypeErrorName(stack) {
  let end = 0;
  while (end < stack.length) {
    const ch = stack[end];
    if (ch === ":" || ch === "\n") break;
    end++;
  }
  const candidate = StringPrototypeSlice(stack, 0, end);
  const first = StringPrototypeCharCodeAt(candidate, 0);
  return first >= 65 && first <= 90 ? candidate : "";
}

// When the cause's frames repeat the error's own frames, the repeated run
// is replaced by "... N lines matching cause stack trace ...".
function collapseCauseFrames(err, frames) {
  let cause;
  try {
    cause = err.cause;
  } catch {
    return frames;
  }
  if (cause === null || typeof cause !== "object" || !isError(cause)) return frames;
  const causeStack = getStackString(cause);
  const start = StringPrototypeIndexOf(causeStack, "\n    at");
  if (start === -1) return frames;
  const causeFrames = StringPrototypeSplit(StringPrototypeSlice(causeStack, start + 1), "\n");
  const run = longestSharedRun(frames, causeFrames);
  if (run.length > 0) {
    const skipped = run.length - 2;
    ArrayPrototypeSplice(frames, run.offset + 1, skipped,
      `    ... ${skipped} lines matching cause stack trace ...`);
  }
  return frames;
}

function longestSharedRun(a, b) {
  for (let i = 0; i < a.length - 3; i++) {
    const pos = ArrayPrototypeIndexOf(b, a[i]);
    if (pos === -1) continue;
    const rest = b.length - pos;
    if (rest <= 3) continue;
    let length = 1;
    const maxLength = MathMin(a.length - i, rest);
    while (maxLength > length && a[i + length] === b[pos + length]) length++;
    if (length > 3) return { length, offset: i };
  }
  return { length: 0, offset: 0 };
}

// ---------------------------------------------------------------------------
// Layout

// Joins entries on one line when they fit (and the object is not too deeply
// nested), else one entry per line; long arrays of short items are grouped
// into aligned columns first.
function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
  const basePrefix = base === "" ? "" : `${base} `;
  if (ctx.compact !== true && typeof ctx.compact === "number" && ctx.compact >= 1) {
    const entries = output.length;
    if (extrasType === kArrayExtrasType && entries > 6) output = groupArrayElements(ctx, output, value);
    if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
      const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
      if (isBelowBreakLength(ctx, output, start, base)) {
        const joined = ArrayPrototypeJoin(output, ", ");
        if (!StringPrototypeIncludes(joined, "\n")) return `${basePrefix}${braces[0]} ${joined} ${braces[1]}`;
      }
    }
  } else if (ctx.compact === true) {
    const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
    if (isBelowBreakLength(ctx, output, start, base)) {
      return `${basePrefix}${braces[0]} ${ArrayPrototypeJoin(output, ", ")} ${braces[1]}`;
    }
  }
  const indentation = `\n${StringPrototypeRepeat(" ", ctx.indentationLvl)}`;
  return `${basePrefix}${braces[0]}${indentation}  ${ArrayPrototypeJoin(output, `,${indentation}  `)}${indentation}${braces[1]}`;
}

function isBelowBreakLength(ctx, output, start, base) {
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (let i = 0; i < output.length; i++) {
    total += visibleLength(ctx, output[i]);
    if (total > ctx.breakLength) return false;
  }
  return base === "" || !StringPrototypeIncludes(base, "\n");
}

// Lays out many short entries in columns, aiming for a roughly square block
// (characters are ~2.5 times taller than wide). Numbers are right-aligned.
function groupArrayElements(ctx, output, value) {
  const separatorSpace = 2; // ", "
  let count = output.length;
  if (ctx.maxArrayLength < output.length) count--; // leave "... more items" alone
  const widths = [];
  let totalLength = 0;
  let maxLength = 0;
  for (let i = 0; i < count; i++) {
    const width = stringWidth(ctx.colors ? removeColors(output[i]) : output[i]);
    widths[i] = width;
    totalLength += width + separatorSpace;
    if (maxLength < width) maxLength = width;
  }
  const actualMax = maxLength + separatorSpace;
  const fitsThree = actualMax * 3 + ctx.indentationLvl < ctx.breakLength;
  const similarWidths = totalLength / actualMax > 5 || maxLength <= 6;
  if (!fitsThree || !similarWidths) return output;

  const averageBias = MathSqrt(actualMax - totalLength / output.length);
  const biasedMax = MathMax(actualMax - 3 - averageBias, 1);
  const columns = MathMin(
    MathRound(MathSqrt(2.5 * biasedMax * count) / biasedMax),
    MathFloor((ctx.breakLength - ctx.indentationLvl) / actualMax),
    ctx.compact * 4,
    15);
  if (columns <= 1) return output;

  const columnWidths = [];
  for (let column = 0; column < columns; column++) {
    let widest = 0;
    for (let j = column; j < output.length; j += columns) {
      if (widths[j] > widest) widest = widths[j];
    }
    ArrayPrototypePush(columnWidths, widest + separatorSpace);
  }
  let alignRight = true;
  if (value !== undefined) {
    for (let i = 0; i < output.length; i++) {
      if (typeof value[i] !== "number" && typeof value[i] !== "bigint") {
        alignRight = false;
        break;
      }
    }
  }
  const grouped = [];
  for (let i = 0; i < count; i += columns) {
    const end = MathMin(i + columns, count);
    let line = "";
    let j = i;
    for (; j < end - 1; j++) {
      const cell = `${output[j]}, `;
      const pad = columnWidths[j - i] + output[j].length - widths[j];
      line += alignRight ? StringPrototypePadStart(cell, pad, " ") : StringPrototypePadEnd(cell, pad, " ");
    }
    if (alignRight) {
      const pad = columnWidths[j - i] + output[j].length - widths[j] - separatorSpace;
      line += StringPrototypePadStart(output[j], pad, " ");
    } else {
      line += output[j];
    }
    ArrayPrototypePush(grouped, line);
  }
  if (ctx.maxArrayLength < output.length) ArrayPrototypePush(grouped, output[count]);
  return grouped;
}

// Display width: East Asian wide/fullwidth characters take two columns,
// combining marks and zero-width characters none.
function stringWidth(str) {
  let width = 0;
  for (let i = 0; i < str.length; i++) {
    const code = StringPrototypeCodePointAt(str, i);
    if (code > 0xffff) i++;
    width += codePointWidth(code);
  }
  return width;
}

function codePointWidth(code) {
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0;
  if ((code >= 0x300 && code <= 0x36f) || code === 0x200b || code === 0x200c ||
      code === 0x200d || code === 0xfeff || (code >= 0xfe00 && code <= 0xfe0f)) {
    return 0;
  }
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

// ---------------------------------------------------------------------------
// Public entry points

function newContext(options) {
  const ctx = {
    depth: defaultOptions.depth,
    showHidden: defaultOptions.showHidden,
    customInspect: defaultOptions.customInspect,
    maxArrayLength: defaultOptions.maxArrayLength,
    maxStringLength: defaultOptions.maxStringLength,
    breakLength: defaultOptions.breakLength,
    compact: defaultOptions.compact,
    colors: false,
    userOptions: options,
    seen: [],
    circular: undefined,
    indentationLvl: 0,
    currentDepth: 0,
  };
  if (options !== null && typeof options === "object") {
    const names = ObjectKeys(defaultOptions);
    for (let i = 0; i < names.length; i++) {
      const value = options[names[i]];
      if (value !== undefined) ctx[names[i]] = value;
    }
    ctx.colors = options.colors === true;
    // Node accepts null (and Infinity) for "no limit".
    if (ctx.depth === Infinity) ctx.depth = null;
    if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
    if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  }
  return ctx;
}

function inspect(value, options) {
  return formatValue(newContext(options), value, 0);
}
inspect.custom = customInspectSymbol;

// %s: objects with their own (non built-in) toString use it.
function hasBuiltInToString(value) {
  let toString;
  try {
    toString = value.toString;
  } catch {
    return true;
  }
  if (typeof toString !== "function") return true;
  if (ObjectHasOwn(value, "toString")) return false;
  let pointer = value;
  do {
    pointer = ObjectGetPrototypeOf(pointer);
  } while (pointer !== null && !ObjectHasOwn(pointer, "toString"));
  if (pointer === null) return true;
  const descriptor = ObjectGetOwnPropertyDescriptor(pointer, "constructor");
  return descriptor !== undefined && typeof descriptor.value === "function" &&
    MapPrototypeHas(builtInConstructorNames, descriptor.value.name);
}

function formatNumberLike(value) {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol") return "NaN";
  return formatNumber(value);
}

function stringifyForJ(value) {
  try {
    return `${JSONStringify(value)}`;
  } catch (error) {
    if (error instanceof TypeError && StringPrototypeIncludes(`${error.message}`, "circular")) return "[Circular]";
    throw error;
  }
}

// One conversion: returns the replacement text, or undefined when the
// character after % is not a specifier.
function convertSpecifier(code, arg, colors) {
  switch (code) {
    case 115: // %s
      if (typeof arg === "number") return formatNumber(arg);
      if (typeof arg === "bigint") return `${arg}n`;
      if (typeof arg !== "object" || arg === null || !hasBuiltInToString(arg)) return StringCtor(arg);
      return inspect(arg, { depth: 0, colors });
    case 106: // %j
      return stringifyForJ(arg);
    case 100: // %d
      return typeof arg === "bigint" || typeof arg === "symbol" ? formatNumberLike(arg) : formatNumber(NumberCtor(arg));
    case 105: // %i
      return typeof arg === "bigint" || typeof arg === "symbol" ? formatNumberLike(arg) : formatNumber(NumberParseInt(arg));
    case 102: // %f
      return typeof arg === "symbol" ? "NaN" : formatNumber(NumberParseFloat(arg));
    case 79: // %O
      return inspect(arg, { colors });
    case 111: // %o
      return inspect(arg, { showHidden: true, depth: 4, colors });
    case 99: // %c (CSS, ignored)
      return "";
    default:
      return undefined;
  }
}

// console.log's formatting: printf-like specifiers in a leading string, then
// the remaining arguments separated by spaces (strings raw, others inspected,
// in colour when `colors`).
function formatWithColors(colors, args) {
  const first = args[0];
  let argIndex = 0;
  let str = "";
  let separator = "";
  if (typeof first === "string") {
    if (args.length === 1) return first;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (StringPrototypeCharCodeAt(first, i) !== 37) continue; // '%'
      const code = StringPrototypeCharCodeAt(first, ++i);
      if (code === 37) { // "%%" -> "%"
        str += StringPrototypeSlice(first, lastPos, i);
        lastPos = i + 1;
        continue;
      }
      if (argIndex + 1 === args.length) continue; // no argument left for it
      const replacement = convertSpecifier(code, args[argIndex + 1], colors);
      if (replacement === undefined) continue;
      argIndex++;
      str += StringPrototypeSlice(first, lastPos, i - 1) + replacement;
      lastPos = i + 1;
    }
    if (lastPos !== 0) {
      argIndex++;
      separator = " ";
      if (lastPos < first.length) str += StringPrototypeSlice(first, lastPos);
    }
  }
  for (; argIndex < args.length; argIndex++) {
    const value = args[argIndex];
    str += separator + (typeof value === "string" ? value : inspect(value, colors ? { colors } : undefined));
    separator = " ";
  }
  return str;
}

function format(...args) {
  return formatWithColors(false, args);
}

internals.inspect = inspect;
internals.format = format;
internals.formatWithColors = formatWithColors;
internals.stringWidth = stringWidth;
