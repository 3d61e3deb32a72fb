// The global a WPT worker test expects and a shell runtime lacks, given before testharness.js.
// Written for esrun's WPT runner (tests/Wpt/Runner); an expression: the loader calls it with the
// file's configuration. Everything here stands in for the WPT server and its worker wrapper, never
// for an API under test:
// - `self` (only if missing: node has none), `GLOBAL` (a worker: isWorker() is true), `META_TITLE`;
// - `location`: a WorkerLocation-shaped object (href, origin, protocol, host, hostname, port,
//   pathname, search, hash) for the URL the file has on a WPT server (`/x.any.js` →
//   `/x.any.worker.js`), so subset-tests.js and relative paths work (only where the runtime has
//   none: esrun, node; deno's is undefined without --location);
// - `importScripts` for the `*.worker.js` files, from scripts the runner preloaded (testharness.js
//   is already loaded, so it is skipped);
// - `fetch` ONLY in a file whose every fetch is of a tree file the runner found statically
//   (config.served: JSON vectors by literal path, the /interfaces/*.idl of idl_test), never in the
//   fetch area; it answers those files and rejects anything else. Elsewhere fetch stays whatever
//   the runtime has (esrun: none until issue 16);
// - an "error"/"unhandledrejection" listener that cancels the event (testharness.js still records it):
//   a browser reports an uncaught error to testharness.js and goes on, where esrun (and deno) would
//   end the run — a host decision, not web-API behaviour. (No test here dispatches a cancelable
//   "error" or "unhandledrejection" event of its own at the global.)
(function (config) {
  "use strict";
  const global = globalThis;
  const evaluate = eval;
  const define = (name, value) =>
    Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });

  if (!("self" in global)) define("self", global);
  define("GLOBAL", { isWindow: () => false, isWorker: () => true, isShadowRealm: () => false });
  if (config.title !== null) define("META_TITLE", config.title);
  // Deno has a location accessor that is undefined unless it was started with --location.
  let hasLocation = false;
  try {
    hasLocation = global.location !== undefined && global.location !== null;
  } catch {
    // A getter that throws: no location either.
  }
  if (!hasLocation) {
    const url = new URL(config.url);
    const location = Object.create(null);
    for (const name of ["href", "origin", "protocol", "host", "hostname", "port", "pathname", "search", "hash"])
      Object.defineProperty(location, name, { value: url[name], enumerable: true });
    Object.defineProperty(location, "toString", { value: () => url.href });
    define("location", Object.freeze(location));
  }

  define("importScripts", function importScripts(...urls) {
    for (const url of urls) {
      const path = new URL(url, config.url).pathname;
      if (path === "/resources/testharness.js") continue;
      const source = config.scripts === null ? undefined : config.scripts[path];
      if (source === undefined) throw new Error(`importScripts: ${path} was not preloaded by the WPT runner`);
      evaluate(source + "\n//# sourceURL=" + path);
    }
  });

  if (config.served !== null) {
    define("fetch", function fetch(input) {
      const url = new URL(String(input), config.url);
      const text = url.origin === new URL(config.url).origin ? config.served[url.pathname] : undefined;
      if (text === undefined) return Promise.reject(new TypeError(`WPT runner: ${url.href} is not served (only the tree files this test reads)`));
      return Promise.resolve({
        ok: true, status: 200, url: url.href,
        text: () => Promise.resolve(text),
        json: () => Promise.resolve(JSON.parse(text)),
      });
    });
  }

  if (typeof global.addEventListener === "function") {
    // Registered before testharness.js's own listener, which only records.
    const cancel = (event) => event.preventDefault();
    global.addEventListener("error", cancel);
    global.addEventListener("unhandledrejection", cancel);
  }
})
