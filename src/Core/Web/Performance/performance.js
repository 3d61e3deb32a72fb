// Performance (HR Time §4) as an EventTarget, and User Timing (mark/measure and the entry buffer of
// Performance Timeline). Every time is performance.now(): the monotonic clock provider through
// monoNow, coarsened by the op without the HrTime capability, so seeded and replayed runs see the
// same marks. Prelude function body; needs event_target.js and structured_clone.js.
const { ops, DOMException } = internals;
const EventTarget = internals.EventTarget;
const requireArgs = internals.requireArgs;
const toDOMString = internals.toDOMString;
const illegalInvocation = internals.illegalInvocation;
const timeOrigin = ops.timeOrigin();
const TypeErrorCtor = TypeError;
const NumberCtor = Number;
const NumberIsFinite = Number.isFinite;
const ArrayPrototypePush = Array.prototype.push;
const ArrayPrototypeFilter = Array.prototype.filter;
const ReflectApply = Reflect.apply;
const CONSTRUCT = Symbol("Performance");

const clone = (value) => (value === undefined || value === null ? null : internals.structuredClone(value));

// WebIDL DOMHighResTimeStamp (a restricted double).
function toTimestamp(value, what) {
  const n = NumberCtor(value);
  if (!NumberIsFinite(n)) throw new TypeErrorCtor(`${what} must be a finite number`);
  return n;
}

// ---------------------------------------------------------------------------
// Entries

let entryState;
let isEntry;

class PerformanceEntry {
  #state;

  constructor(token, state) {
    if (token !== CONSTRUCT) throw new TypeErrorCtor("Illegal constructor");
    this.#state = state;
  }

  get name() { return entryState(this).name; }
  get entryType() { return entryState(this).entryType; }
  get startTime() { return entryState(this).startTime; }
  get duration() { return entryState(this).duration; }

  toJSON() {
    const s = entryState(this);
    const json = { name: s.name, entryType: s.entryType, startTime: s.startTime, duration: s.duration };
    if (s.entryType === "mark" || s.entryType === "measure") json.detail = s.detail;
    return json;
  }

  static {
    entryState = (value) => {
      if (value === null || typeof value !== "object" || !(#state in value)) illegalInvocation();
      return value.#state;
    };
    isEntry = (value) => value !== null && typeof value === "object" && #state in value;
  }
}

const entryOf = (self, type) => {
  const s = entryState(self);
  if (s.entryType !== type) illegalInvocation();
  return s;
};

class PerformanceMark extends PerformanceEntry {
  constructor(markName, markOptions = undefined) {
    requireArgs(arguments.length, 1, "PerformanceMark");
    const name = toDOMString(markName);
    const options = internals.webidlDictionary(markOptions, "PerformanceMarkOptions");
    // PerformanceMarkOptions members in lexicographic order: detail, startTime.
    const rawDetail = options?.detail;
    const rawStart = options?.startTime;
    let startTime;
    if (rawStart !== undefined) {
      startTime = toTimestamp(rawStart, "PerformanceMark startTime");
      if (startTime < 0) throw new TypeErrorCtor("PerformanceMark startTime must not be negative");
    } else {
      startTime = ops.monoNow();
    }
    super(CONSTRUCT, { name, entryType: "mark", startTime, duration: 0, detail: clone(rawDetail) });
  }

  get detail() { return entryOf(this, "mark").detail; }
}

class PerformanceMeasure extends PerformanceEntry {
  constructor(token, state) {
    if (token !== CONSTRUCT) throw new TypeErrorCtor("Illegal constructor");
    super(CONSTRUCT, state);
  }

  get detail() { return entryOf(this, "measure").detail; }
}

for (const ctor of [PerformanceEntry, PerformanceMark, PerformanceMeasure]) internals.webidlInterface(ctor);
// Entries are not [Serializable]: structuredClone throws DataCloneError.
internals.registerPlatformObject(PerformanceEntry.prototype, (value) => isEntry(value));

// ---------------------------------------------------------------------------
// Performance

// The performance entry buffer of marks and measures, in insertion order (startTime order on read).
let entries = [];

function sorted(list) {
  // A stable sort by startTime (insertion order breaks ties), without Array.prototype.sort.
  const out = [];
  for (const entry of list) {
    let i = out.length;
    while (i > 0 && entryState(out[i - 1]).startTime > entryState(entry).startTime) i--;
    out.splice(i, 0, entry);
  }
  return out;
}

function markTime(name) {
  for (let i = entries.length - 1; i >= 0; i--) {
    const s = entryState(entries[i]);
    if (s.entryType === "mark" && s.name === name) return s.startTime;
  }
  throw new DOMException(`the mark '${name}' does not exist`, "SyntaxError");
}

// User Timing "convert a mark to a timestamp".
function toMarkTime(mark, what) {
  if (typeof mark === "string") return markTime(mark);
  const time = toTimestamp(mark, what);
  if (time < 0) throw new TypeErrorCtor(`${what} must not be negative`);
  return time;
}
// (DOMString or DOMHighResTimeStamp): a number stays a number, anything else becomes a string.
const markArgument = (value) => (typeof value === "number" ? value : toDOMString(value));

class Performance extends EventTarget {
  constructor(token) {
    if (token !== CONSTRUCT) throw new TypeErrorCtor("Illegal constructor");
    super();
  }

  now() {
    brand(this);
    return ops.monoNow();
  }

  get timeOrigin() {
    brand(this);
    return timeOrigin;
  }

  toJSON() {
    brand(this);
    return { timeOrigin };
  }

  mark(markName, markOptions = undefined) {
    brand(this);
    requireArgs(arguments.length, 1, "performance.mark");
    const mark = new PerformanceMark(markName, markOptions);
    ReflectApply(ArrayPrototypePush, entries, [mark]);
    return mark;
  }

  measure(measureName, startOrMeasureOptions = undefined, endMark = undefined) {
    brand(this);
    requireArgs(arguments.length, 1, "performance.measure");
    const name = toDOMString(measureName);
    let options;
    let startMark;
    if (startOrMeasureOptions !== null && typeof startOrMeasureOptions === "object") {
      // PerformanceMeasureOptions members in lexicographic order: detail, duration, end, start.
      const o = startOrMeasureOptions;
      options = { detail: o.detail, duration: o.duration, end: o.end, start: o.start };
      if (options.duration !== undefined) options.duration = toTimestamp(options.duration, "duration");
      if (options.end !== undefined) options.end = markArgument(options.end);
      if (options.start !== undefined) options.start = markArgument(options.start);
    } else if (startOrMeasureOptions !== undefined) {
      startMark = markArgument(startOrMeasureOptions);
    }
    const end = endMark === undefined ? undefined : markArgument(endMark);
    if (options !== undefined) {
      const nonEmpty = options.start !== undefined || options.end !== undefined || options.duration !== undefined || options.detail !== undefined;
      if (nonEmpty && end !== undefined) throw new TypeErrorCtor("performance.measure: an end mark cannot go with measure options");
      if (nonEmpty && options.start === undefined && options.end === undefined) {
        throw new TypeErrorCtor("performance.measure: the options need a start or an end");
      }
      if (options.start !== undefined && options.duration !== undefined && options.end !== undefined) {
        throw new TypeErrorCtor("performance.measure: start, duration and end cannot all be given");
      }
    }
    let endTime;
    if (end !== undefined) endTime = toMarkTime(end, "end");
    else if (options?.end !== undefined) endTime = toMarkTime(options.end, "end");
    else if (options?.start !== undefined && options.duration !== undefined) endTime = toMarkTime(options.start, "start") + options.duration;
    else endTime = ops.monoNow();
    let startTime;
    if (options?.start !== undefined) startTime = toMarkTime(options.start, "start");
    else if (options?.duration !== undefined && options.end !== undefined) startTime = endTime - options.duration;
    else if (startMark !== undefined) startTime = toMarkTime(startMark, "start");
    else startTime = 0;
    const measure = new PerformanceMeasure(CONSTRUCT, {
      name, entryType: "measure", startTime, duration: endTime - startTime, detail: clone(options?.detail),
    });
    ReflectApply(ArrayPrototypePush, entries, [measure]);
    return measure;
  }

  clearMarks(markName = undefined) {
    brand(this);
    clear("mark", markName === undefined ? undefined : toDOMString(markName));
  }

  clearMeasures(measureName = undefined) {
    brand(this);
    clear("measure", measureName === undefined ? undefined : toDOMString(measureName));
  }

  getEntries() {
    brand(this);
    return sorted(entries);
  }

  getEntriesByType(type) {
    brand(this);
    requireArgs(arguments.length, 1, "performance.getEntriesByType");
    const t = toDOMString(type);
    return sorted(ReflectApply(ArrayPrototypeFilter, entries, [(e) => entryState(e).entryType === t]));
  }

  getEntriesByName(name, type = undefined) {
    brand(this);
    requireArgs(arguments.length, 1, "performance.getEntriesByName");
    const n = toDOMString(name);
    const t = type === undefined ? undefined : toDOMString(type);
    return sorted(ReflectApply(ArrayPrototypeFilter, entries, [(e) => {
      const s = entryState(e);
      return s.name === n && (t === undefined || s.entryType === t);
    }]));
  }
}

function clear(entryType, name) {
  entries = ReflectApply(ArrayPrototypeFilter, entries, [(e) => {
    const s = entryState(e);
    return s.entryType !== entryType || (name !== undefined && s.name !== name);
  }]);
}

const performance = new Performance(CONSTRUCT);
function brand(value) {
  if (value !== performance) illegalInvocation();
}

internals.webidlInterface(Performance);
internals.defineGlobal("Performance", Performance);
internals.defineGlobal("PerformanceEntry", PerformanceEntry);
internals.defineGlobal("PerformanceMark", PerformanceMark);
internals.defineGlobal("PerformanceMeasure", PerformanceMeasure);
internals.defineGlobal("performance", performance);
