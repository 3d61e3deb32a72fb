// navigator (HTML §8.9.1, the part ECMA-429 asks for): only `userAgent`, "esrun/<version>".
// Nothing that describes the machine (hardwareConcurrency, language, platform) is exposed: a run
// must not depend on where it runs. Prelude function body.

const userAgent = "esrun/" + internals.ops.version();
internals.userAgent = userAgent; // fetch sends it too
const kCreate = Symbol("Navigator.create");

let isNavigator;

class Navigator {
  #brand = true;

  // No public constructor (Navigator.length is 0).
  constructor() {
    if (arguments[0] !== kCreate) throw new TypeError("Illegal constructor");
  }

  get userAgent() {
    if (!isNavigator(this)) internals.illegalInvocation();
    return userAgent;
  }

  [Symbol.for("nodejs.util.inspect.custom")](depth, options, inspect) {
    return internals.inspectObject("Navigator", { userAgent }, depth, options, inspect);
  }

  static {
    isNavigator = (value) => value !== null && typeof value === "object" && #brand in value;
  }
}
internals.webidlInterface(Navigator);

const navigator = new Navigator(kCreate);
internals.navigator = navigator;
// Platform objects are not serializable: structuredClone(navigator) is a DataCloneError.
internals.registerPlatformObject(Navigator.prototype, (value) => isNavigator(value));
internals.defineGlobal("Navigator", Navigator);
// A read-only accessor on the global object, as `navigator` is on Window/WorkerGlobalScope.
Object.defineProperty(globalThis, "navigator", {
  get: { navigator() { return navigator; } }.navigator,
  enumerable: false,
  configurable: true,
});
Object.defineProperty(Object.getOwnPropertyDescriptor(globalThis, "navigator").get, "name", { value: "get navigator" });
