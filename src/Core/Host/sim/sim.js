// runtime:sim — the simulated system this host runs in (esrun --sim SEED --host ...): its name, the
// simulated time, invariants the driver checks after every step of this host, crash() to crash and
// restart from the synced disk, and buggify(p) (FoundationDB's BUGGIFY: true with probability p under
// the seed). Importable anywhere; outside a simulation every function throws, saying it needs --sim.
const internals = import.meta.internals;
const { ops } = internals;
const call = internals.call;
const invariants = [];

function describe(value) {
  return typeof value === "string" ? JSON.stringify(value) : typeof value === "function" ? "a function" : String(value);
}

/** This host's name on the simulated network. */
export function hostName() {
  return call(ops.simHostName);
}

/** Simulated milliseconds since the simulation started (the same time line on every host, without skew). */
export function now() {
  return call(ops.simNow);
}

/** True with probability p, drawn from this host's seeded entropy: a rare path to exercise under simulation. */
export function buggify(p = 0.05) {
  const n = Number(p);
  if (Number.isNaN(n)) throw new TypeError(`buggify: p must be a probability, received ${describe(p)}`);
  return call(ops.simBuggify, n);
}

/** Crashes this host now: nothing more of this run of its script runs; it restarts on what its disk synced. */
export function crash() {
  call(ops.simCrash);
}

/**
 * Registers a check that must hold after every simulated step of this host: fn throws (or returns
 * false) when it does not, which fails the run naming the invariant. fn must be synchronous.
 */
export function invariant(name, fn) {
  if (typeof name !== "string" || name === "") throw new TypeError(`invariant: the name must be a non-empty string, received ${describe(name)}`);
  if (typeof fn !== "function") throw new TypeError(`invariant: the check must be a function, received ${describe(fn)}`);
  call(ops.simInvariant);
  invariants.push({ name, fn });
}

// A violated invariant ends this host's run at once with exit code 1, saying which one and why.
function fail(message) {
  ops.print(2, `error: ${message}\n`);
  ops.processExit(1);
}

function check() {
  for (const { name, fn } of invariants) {
    let result;
    try {
      result = fn();
    } catch (error) {
      fail(`invariant "${name}" violated: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (result === false) fail(`invariant "${name}" violated`);
    if (result !== null && typeof result === "object" && typeof result.then === "function") {
      fail(`invariant "${name}": the check returned a promise; invariants must be synchronous`);
    }
  }
}

// The driver calls this (as an embedder script) after each step of this host.
Object.defineProperty(globalThis, Symbol.for("esrun.sim.checkInvariants"), { value: check, enumerable: false });

export default Object.freeze({ hostName, now, buggify, crash, invariant });
