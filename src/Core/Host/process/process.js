// runtime:process — the host process: environment, arguments, cwd, platform, exit.
// Values are captured when this module is evaluated; reading them needs the Env capability.
const internals = import.meta.internals;
const { ops } = internals;

function denied(what, error) {
  const fail = () => { throw error; };
  return new Proxy(Object.create(null), {
    get: fail, set: fail, has: fail, ownKeys: fail, deleteProperty: fail, defineProperty: fail, getOwnPropertyDescriptor: fail,
  });
}

let snapshot;
let deniedError;
try {
  snapshot = JSON.parse(internals.call(ops.processSnapshot));
} catch (error) {
  deniedError = error;
}

function envObject(values) {
  const target = {};
  for (const key of Object.keys(values)) {
    Object.defineProperty(target, key, { value: values[key], writable: true, enumerable: true, configurable: true });
  }
  // Writes stay in-process and are stored as strings, as a process environment holds them.
  return new Proxy(target, {
    set(obj, key, value) {
      if (typeof key === "symbol") return Reflect.set(obj, key, value);
      Object.defineProperty(obj, key, { value: String(value), writable: true, enumerable: true, configurable: true });
      return true;
    },
  });
}

export const env = snapshot ? envObject(snapshot.env) : denied("env", deniedError);
export const args = snapshot ? Object.freeze(snapshot.args) : denied("args", deniedError);
export const platform = ops.processPlatform();
export const arch = ops.processArch();

export function cwd() {
  return internals.call(ops.processCwd);
}

export function exit(code = 0) {
  const n = Number(code);
  if (!Number.isInteger(n)) throw new TypeError(`exit: the code must be an integer, received ${String(code)}`);
  ops.processExit(n);
}

export default Object.freeze({ env, args, platform, arch, cwd, exit });
