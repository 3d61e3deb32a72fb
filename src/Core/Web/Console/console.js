// The `console` global (WHATWG Console, with Node's output format).
// Prelude function body: needs internals.format / internals.inspect from
// inspect.js and the host ops print (stream 1 = stdout, 2 = stderr) and
// monoNow (monotonic milliseconds).
//
// Methods never use `this`, so they work detached: `const { log } = console`.

const print = internals.ops.print;
const monoNow = internals.ops.monoNow;
const format = internals.format;
const formatWithColors = internals.formatWithColors;
const consoleColors = internals.ops.consoleColors;
const inspect = internals.inspect;
const stringWidth = internals.stringWidth;

const ReflectApply = Reflect.apply;
const ObjectCreate = Object.create;
const ObjectKeys = Object.keys;
const ObjectHasOwn = Object.hasOwn;
const ObjectDefineProperty = Object.defineProperty;
const ArrayIsArray = Array.isArray;
const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
const ArrayPrototypePush = uncurryThis(Array.prototype.push);
const ArrayPrototypeJoin = uncurryThis(Array.prototype.join);
const ArrayPrototypeUnshift = uncurryThis(Array.prototype.unshift);
const StringPrototypeSplit = uncurryThis(String.prototype.split);
const StringPrototypeSlice = uncurryThis(String.prototype.slice);
const StringPrototypeRepeat = uncurryThis(String.prototype.repeat);
const StringPrototypeIndexOf = uncurryThis(String.prototype.indexOf);
const StringPrototypePadStart = uncurryThis(String.prototype.padStart);
const NumberPrototypeToFixed = uncurryThis(Number.prototype.toFixed);
const StringCtor = String;
const NumberCtor = Number;
const MathFloor = Math.floor;
const MathMax = Math.max;
const TypeErrorCtor = TypeError;
const SymbolToStringTag = Symbol.toStringTag;
const captureStackTrace = typeof Error.captureStackTrace === "function" ? Error.captureStackTrace : undefined;
const ErrorCtor = Error;
const MapPrototypeGetSize = Object.getOwnPropertyDescriptor(Map.prototype, "size").get;
const SetPrototypeGetSize = Object.getOwnPropertyDescriptor(Set.prototype, "size").get;
const MapPrototypeEntries = uncurryThis(Map.prototype.entries);
const SetPrototypeValues = uncurryThis(Set.prototype.values);
const MapIteratorNext = uncurryThis(Object.getPrototypeOf(new Map().entries()).next);
const SetIteratorNext = uncurryThis(Object.getPrototypeOf(new Set().values()).next);

const STDOUT = 1;
const STDERR = 2;

let groupIndent = "";
const counts = ObjectCreate(null);
const timers = ObjectCreate(null);

// ---------------------------------------------------------------------------
// Output

function indent(text) {
  if (groupIndent === "") return text;
  return groupIndent + ArrayPrototypeJoin(StringPrototypeSplit(text, "\n"), `\n${groupIndent}`);
}

function writeText(stream, text) {
  print(stream, indent(text) + "\n");
}

// Whether each stream wants colours: a provider fact, asked once, when a value is first inspected.
const colorsWanted = [undefined, undefined, undefined];
function colorsFor(stream) {
  if (colorsWanted[stream] === undefined) colorsWanted[stream] = consoleColors(stream) === true;
  return colorsWanted[stream];
}

function writeArgs(stream, args) {
  let colors = false;
  for (let i = 0; i < args.length; i++) {
    if (typeof args[i] !== "string") {
      colors = colorsFor(stream);
      break;
    }
  }
  writeText(stream, formatWithColors(colors, args));
}

// Like Node's process warnings: straight to stderr, not group-indented.
function warning(message) {
  print(STDERR, `Warning: ${message}\n`);
}

// ---------------------------------------------------------------------------
// Timing

function pad2(value) {
  return StringPrototypePadStart(`${value}`, 2, "0");
}

// 1.234ms, 1.500s, 1:02.345 (m:ss.mmm), 1:02:03.456 (h:mm:ss.mmm)
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = MathFloor(ms / 3600000);
        ms %= 3600000;
      }
      minutes = MathFloor(ms / 60000);
      ms %= 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const parts = StringPrototypeSplit(NumberPrototypeToFixed(seconds, 3), ".");
    const head = hours !== 0 ? `${hours}:${pad2(minutes)}` : `${minutes}`;
    return `${head}:${pad2(parts[0])}.${parts[1]} (${hours !== 0 ? "h:m" : ""}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${NumberPrototypeToFixed(seconds, 3)}s`;
  return `${NumberCtor(NumberPrototypeToFixed(ms, 3))}ms`;
}

function labelOf(label) {
  return label === undefined ? "default" : StringCtor(label);
}

// Prints "label: <elapsed>" (plus data); false when the label is unknown.
function logElapsed(method, label, data) {
  if (!(label in timers)) {
    warning(`No such label '${label}' for console.${method}()`);
    return false;
  }
  const elapsed = formatTime(monoNow() - timers[label]);
  const args = ["%s: %s", label, elapsed];
  for (let i = 0; i < data.length; i++) ArrayPrototypePush(args, data[i]);
  writeArgs(STDOUT, args);
  return true;
}

// ---------------------------------------------------------------------------
// console.table

// Cells are inspected compactly: nested objects with more than two keys
// collapse to [Object], arrays show at most three items.
function inspectCell(value) {
  const collapse = value !== null && typeof value === "object" && !ArrayIsArray(value) && ObjectKeys(value).length > 2;
  return inspect(value, { depth: collapse ? -1 : 0, maxArrayLength: 3, breakLength: Infinity });
}

function indexColumn(length) {
  const column = [];
  for (let i = 0; i < length; i++) ArrayPrototypePush(column, inspectCell(i));
  return column;
}

function renderRow(cells, widths) {
  let out = "│ ";
  for (let i = 0; i < cells.length; i++) {
    out += cells[i] + StringPrototypeRepeat(" ", widths[i] - stringWidth(cells[i]));
    if (i !== cells.length - 1) out += " │ ";
  }
  return out + " │";
}

// head: column titles; columns: arrays of cell strings (may be sparse).
function renderTable(head, columns) {
  const widths = [];
  let rowCount = 0;
  for (let i = 0; i < columns.length; i++) rowCount = MathMax(rowCount, columns[i].length);
  const rows = [];
  for (let i = 0; i < head.length; i++) {
    widths[i] = stringWidth(head[i]);
    for (let j = 0; j < rowCount; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const cell = ObjectHasOwn(columns[i], j) ? columns[i][j] : "";
      rows[j][i] = cell;
      widths[i] = MathMax(widths[i], stringWidth(cell));
    }
  }
  const rules = [];
  for (let i = 0; i < widths.length; i++) ArrayPrototypePush(rules, StringPrototypeRepeat("─", widths[i] + 2));
  let result = `┌${ArrayPrototypeJoin(rules, "┬")}┐\n${renderRow(head, widths)}\n├${ArrayPrototypeJoin(rules, "┼")}┤\n`;
  for (let j = 0; j < rows.length; j++) result += `${renderRow(rows[j], widths)}\n`;
  return result + `└${ArrayPrototypeJoin(rules, "┴")}┘`;
}

function isMap(value) {
  try {
    ReflectApply(MapPrototypeGetSize, value, []);
    return true;
  } catch {
    return false;
  }
}

function isSet(value) {
  try {
    ReflectApply(SetPrototypeGetSize, value, []);
    return true;
  } catch {
    return false;
  }
}

function tableOfMap(map) {
  const keys = [];
  const values = [];
  const iterator = MapPrototypeEntries(map);
  for (let step = MapIteratorNext(iterator); !step.done; step = MapIteratorNext(iterator)) {
    ArrayPrototypePush(keys, inspectCell(step.value[0]));
    ArrayPrototypePush(values, inspectCell(step.value[1]));
  }
  return renderTable(["(iteration index)", "Key", "Values"], [indexColumn(keys.length), keys, values]);
}

function tableOfSet(set) {
  const values = [];
  const iterator = SetPrototypeValues(set);
  for (let step = SetIteratorNext(iterator); !step.done; step = SetIteratorNext(iterator)) {
    ArrayPrototypePush(values, inspectCell(step.value));
  }
  return renderTable(["(iteration index)", "Values"], [indexColumn(values.length), values]);
}

// Rows are the data's own keys; columns are the union of the rows' keys
// (or `properties`), plus "Values" for primitive rows.
function tableOfObject(data, properties) {
  const columnsByKey = ObjectCreate(null);
  const columnOrder = [];
  const primitiveValues = [];
  let hasPrimitives = false;
  const rowKeys = ObjectKeys(data);
  for (let i = 0; i < rowKeys.length; i++) {
    const item = data[rowKeys[i]];
    const primitive = item === null || (typeof item !== "function" && typeof item !== "object");
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      primitiveValues[i] = inspectCell(item);
      continue;
    }
    const keys = properties !== undefined ? properties : ObjectKeys(item);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      if (!(key in columnsByKey)) {
        columnsByKey[key] = [];
        ArrayPrototypePush(columnOrder, key);
      }
      columnsByKey[key][i] = primitive || !ObjectHasOwn(item, key) ? "" : inspectCell(item[key]);
    }
  }
  const head = [];
  const columns = [];
  for (let k = 0; k < columnOrder.length; k++) {
    ArrayPrototypePush(head, StringCtor(columnOrder[k]));
    ArrayPrototypePush(columns, columnsByKey[columnOrder[k]]);
  }
  if (hasPrimitives) {
    ArrayPrototypePush(head, "Values");
    ArrayPrototypePush(columns, primitiveValues);
  }
  ArrayPrototypeUnshift(head, "(index)");
  ArrayPrototypeUnshift(columns, rowKeys);
  return renderTable(head, columns);
}

// ---------------------------------------------------------------------------
// The console namespace

const consoleMethods = {
  log(...args) {
    writeArgs(STDOUT, args);
  },
  info(...args) {
    writeArgs(STDOUT, args);
  },
  debug(...args) {
    writeArgs(STDOUT, args);
  },
  dirxml(...args) {
    writeArgs(STDOUT, args);
  },
  warn(...args) {
    writeArgs(STDERR, args);
  },
  error(...args) {
    writeArgs(STDERR, args);
  },

  dir(value, options) {
    writeText(STDOUT, inspect(value, { customInspect: false, colors: colorsFor(STDOUT), ...options }));
  },

  assert(condition, ...data) {
    if (condition) return;
    if (data.length === 0) data[0] = "Assertion failed";
    else data[0] = `Assertion failed: ${StringCtor(data[0])}`;
    writeArgs(STDERR, data);
  },

  // "Trace: <message>" followed by the caller's stack frames.
  trace: function trace(...args) {
    const message = ReflectApply(format, undefined, args);
    let stack;
    if (captureStackTrace !== undefined) {
      const holder = { name: "Trace", message };
      captureStackTrace(holder, trace);
      stack = holder.stack;
    } else {
      stack = traceFallback(message, new ErrorCtor().stack);
    }
    writeText(STDERR, stack);
  },

  table(data, properties) {
    if (properties !== undefined && !ArrayIsArray(properties)) {
      throw new TypeErrorCtor('The "properties" argument must be an instance of Array');
    }
    if (data === null || typeof data !== "object") {
      writeArgs(STDOUT, [data]);
      return;
    }
    let text;
    if (isMap(data)) text = tableOfMap(data);
    else if (isSet(data)) text = tableOfSet(data);
    else text = tableOfObject(data, properties);
    writeText(STDOUT, text);
  },

  group(...label) {
    if (label.length > 0) writeArgs(STDOUT, label);
    groupIndent += "  ";
  },
  groupCollapsed(...label) {
    if (label.length > 0) writeArgs(STDOUT, label);
    groupIndent += "  ";
  },
  groupEnd() {
    groupIndent = StringPrototypeSlice(groupIndent, 0, MathMax(0, groupIndent.length - 2));
  },

  count(label) {
    label = labelOf(label);
    const count = label in counts ? counts[label] + 1 : 1;
    counts[label] = count;
    writeText(STDOUT, `${label}: ${count}`);
  },
  countReset(label) {
    label = labelOf(label);
    if (label in counts) delete counts[label];
    else warning(`Count for '${label}' does not exist`);
  },

  time(label) {
    label = labelOf(label);
    if (label in timers) {
      warning(`Label '${label}' already exists for console.time()`);
      return;
    }
    timers[label] = monoNow();
  },
  timeLog(label, ...data) {
    logElapsed("timeLog", labelOf(label), data);
  },
  timeEnd(label) {
    label = labelOf(label);
    if (logElapsed("timeEnd", label, [])) delete timers[label];
  },

  // No devtools here: these are accepted and do nothing, as in Node
  // without an inspector attached.
  clear() {},
  profile() {},
  profileEnd() {},
  timeStamp() {},
};

// Without Error.captureStackTrace: drop the "Error" line and trace's own frame.
function traceFallback(message, rawStack) {
  const header = message === "" ? "Trace" : `Trace: ${message}`;
  if (typeof rawStack !== "string") return header;
  const firstBreak = StringPrototypeIndexOf(rawStack, "\n");
  const secondBreak = firstBreak === -1 ? -1 : StringPrototypeIndexOf(rawStack, "\n", firstBreak + 1);
  return secondBreak === -1 ? header : header + StringPrototypeSlice(rawStack, secondBreak);
}

// A namespace object: its [[Prototype]] is an empty object whose own [[Prototype]] is Object.prototype.
const consoleObject = ObjectCreate(ObjectCreate(Object.prototype));
for (const name of ObjectKeys(consoleMethods)) {
  ObjectDefineProperty(consoleObject, name, {
    value: consoleMethods[name], writable: true, enumerable: true, configurable: true,
  });
}
ObjectDefineProperty(consoleObject, SymbolToStringTag, {
  value: "console", writable: false, enumerable: false, configurable: true,
});

internals.console = consoleObject;
internals.formatTime = formatTime;
internals.defineGlobal("console", consoleObject);
