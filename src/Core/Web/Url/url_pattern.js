// URLPattern (URL Pattern Standard): component compilation, URLPatternInit processing, the
// canonicalization callbacks (which lean on URL and its setters), exec() and test(). The string
// machinery is url_pattern_parser.js. Prelude function body; needs url.js.
const P = internals.urlPatternParser;
const URLCtor = internals.URL;
const TypeErrorCtor = TypeError;
const RegExpCtor = RegExp;
const RegExpPrototypeExec = RegExp.prototype.exec;
const ReflectApply = Reflect.apply;
const ObjectCreate = Object.create;
const toUSVString = internals.toUSVString;
const exec = (regexp, input) => ReflectApply(RegExpPrototypeExec, regexp, [input]);

const COMPONENTS = ["protocol", "username", "password", "hostname", "port", "pathname", "search", "hash"];
const SPECIAL = ["ftp", "file", "http", "https", "ws", "wss"];
const DEFAULT_PORT = { ftp: "21", http: "80", https: "443", ws: "80", wss: "443" };
const DEFAULT_OPTIONS = { delimiter: "", prefix: "", ignoreCase: false };
const HOSTNAME_OPTIONS = { delimiter: ".", prefix: "", ignoreCase: false };
const PATHNAME_OPTIONS = { delimiter: "/", prefix: "/", ignoreCase: false };

// The "v" flag where the engine has it (the standard's choice), else "u".
let REGEXP_FLAGS = "v";
try {
  new RegExpCtor("a", "v");
} catch {
  REGEXP_FLAGS = "u";
}

// ---------------------------------------------------------------------------
// Canonicalization (§3.2), on a dummy special URL

const dummy = () => new URLCtor("https://dummy.invalid/");
const stripNewlines = (s) => s.replace(/[\t\n\r]/g, "");
const parseUrl = (input, base) => {
  try {
    return base === undefined ? new URLCtor(input) : new URLCtor(input, base);
  } catch {
    return null;
  }
};

function canonicalizeProtocol(value) {
  if (value === "") return value;
  const url = parseUrl(`${value}://dummy.invalid/`);
  if (url === null) throw new TypeErrorCtor(`Invalid protocol '${value}'`);
  return url.protocol.slice(0, -1);
}

function canonicalizeUsername(value) {
  if (value === "") return value;
  const url = dummy();
  url.username = value;
  return url.username;
}

function canonicalizePassword(value) {
  if (value === "") return value;
  const url = dummy();
  url.password = value;
  return url.password;
}

// The URL hostname setter's steps (host state with a hostname state override): the host ends at
// "/", "?", "#" (and "\\" for special schemes); ":" outside brackets is a failure. The host itself
// is parsed by URL (so "@", which would read as credentials there, is refused first).
function canonicalizeHostname(value, protocol) {
  if (value === "") return value;
  const special = protocol === undefined || protocol === "" || SPECIAL.includes(protocol);
  const stripped = stripNewlines(value);
  let end = stripped.length;
  let insideBrackets = false;
  for (let i = 0; i < stripped.length; i++) {
    const c = stripped[i];
    if (c === "[") insideBrackets = true;
    else if (c === "]") insideBrackets = false;
    else if (c === ":" && !insideBrackets) throw new TypeErrorCtor(`Invalid hostname '${value}'`);
    else if (c === "/" || c === "?" || c === "#" || (special && c === "\\")) {
      end = i;
      break;
    }
  }
  const host = stripped.slice(0, end);
  if (host === "") {
    if (special) throw new TypeErrorCtor(`Invalid hostname '${value}'`);
    return "";
  }
  const url = host.includes("@") ? null : parseUrl(`${special ? "https" : "esrun-opaque"}://${host}/`);
  if (url === null) throw new TypeErrorCtor(`Invalid hostname '${value}'`);
  return url.hostname;
}

function canonicalizeIPv6Hostname(value) {
  let result = "";
  for (const c of value) {
    if (!/^[0-9a-fA-F[\]:]$/.test(c)) throw new TypeErrorCtor(`Invalid IPv6 hostname '${value}'`);
    result += c.toLowerCase();
  }
  return result;
}

// The URL port setter's steps: the leading digits are the port (what follows is ignored); no digit,
// or a number above 65535, is a failure; a scheme's default port is no port.
function canonicalizePort(value, protocol) {
  if (value === "") return value;
  const digits = /^[0-9]*/.exec(stripNewlines(value))[0];
  if (digits === "") throw new TypeErrorCtor(`Invalid port '${value}'`);
  const number = Number(digits);
  if (number > 65535) throw new TypeErrorCtor(`Invalid port '${value}'`);
  const port = `${number}`;
  return protocol !== undefined && DEFAULT_PORT[protocol] === port ? "" : port;
}

function canonicalizePathname(value) {
  if (value === "") return value;
  const leadingSlash = value[0] === "/";
  const url = dummy();
  url.pathname = leadingSlash ? value : "/-" + value;
  return leadingSlash ? url.pathname : url.pathname.slice(2);
}

// An opaque path percent-encodes only C0 controls and code points above U+007E.
function canonicalizeOpaquePathname(value) {
  let result = "";
  for (const c of stripNewlines(value)) {
    const code = c.codePointAt(0);
    if (code < 0x20 || code === 0x7f) result += "%" + code.toString(16).toUpperCase().padStart(2, "0");
    else if (code > 0x7e) result += encodeURIComponent(c);
    else result += c;
  }
  return result;
}

function canonicalizeSearch(value) {
  if (value === "") return value;
  const url = dummy();
  url.search = "?" + value;
  return url.search.slice(1);
}

function canonicalizeHash(value) {
  if (value === "") return value;
  const url = dummy();
  url.hash = "#" + value;
  return url.hash.slice(1);
}

// ---------------------------------------------------------------------------
// Components (§1.5)

function compileComponent(input, encode, options) {
  const parts = P.parsePattern(input, options, encode);
  const { source, names } = P.generateRegExp(parts, options);
  let regexp;
  try {
    regexp = new RegExpCtor(source, options.ignoreCase ? REGEXP_FLAGS + "i" : REGEXP_FLAGS);
  } catch (error) {
    throw new TypeErrorCtor(`Invalid pattern '${input}': ${error.message}`);
  }
  let hasRegExpGroups = false;
  for (const part of parts) if (part.type === "regexp") hasRegExpGroups = true;
  return { pattern: P.generatePatternString(parts, options), regexp, names, hasRegExpGroups };
}

const matchesSpecialScheme = (component) => {
  for (const scheme of SPECIAL) if (exec(component.regexp, scheme) !== null) return true;
  return false;
};

const protocolIsSpecial = (protocol) => matchesSpecialScheme(compileComponent(protocol, canonicalizeProtocol, DEFAULT_OPTIONS));

function isIPv6Pattern(input) {
  if (input.length < 2) return false;
  return input[0] === "[" || ((input[0] === "{" || input[0] === "\\") && input[1] === "[");
}

// ---------------------------------------------------------------------------
// URLPatternInit (§3.1)

function toInit(value) {
  const init = ObjectCreate(null);
  if (value === undefined || value === null) return init;
  if (typeof value !== "object" && typeof value !== "function") throw new TypeErrorCtor("URLPatternInit must be an object");
  // Members in lexicographic order.
  for (const member of ["baseURL", "hash", "hostname", "password", "pathname", "port", "protocol", "search", "username"]) {
    const raw = value[member];
    if (raw !== undefined) init[member] = toUSVString(raw);
  }
  return init;
}

const isAbsolutePathname = (input, type) => {
  if (input === "") return false;
  if (input[0] === "/") return true;
  if (type === "url" || input.length < 2) return false;
  return (input[0] === "\\" || input[0] === "{") && input[1] === "/";
};

function processInit(init, type, defaults) {
  const result = ObjectCreate(null);
  if (defaults !== undefined) for (const c of COMPONENTS) result[c] = defaults;
  const baseString = (s) => (type === "pattern" ? P.escapePattern(s) : s);
  const has = (...members) => members.some((m) => init[m] !== undefined);
  let baseURL = null;
  if (init.baseURL !== undefined) {
    baseURL = parseUrl(init.baseURL);
    if (baseURL === null) throw new TypeErrorCtor(`Invalid baseURL '${init.baseURL}'`);
    if (!has("protocol")) result.protocol = baseString(baseURL.protocol.slice(0, -1));
    if (type !== "pattern" && !has("protocol", "hostname", "port", "username")) result.username = baseString(baseURL.username);
    if (type !== "pattern" && !has("protocol", "hostname", "port", "username", "password")) result.password = baseString(baseURL.password);
    if (!has("protocol", "hostname")) result.hostname = baseString(baseURL.hostname);
    if (!has("protocol", "hostname", "port")) result.port = baseString(baseURL.port);
    if (!has("protocol", "hostname", "port", "pathname")) result.pathname = baseString(baseURL.pathname);
    if (!has("protocol", "hostname", "port", "pathname", "search")) result.search = baseString(baseURL.search.slice(1));
    if (!has("protocol", "hostname", "port", "pathname", "search", "hash")) result.hash = baseString(baseURL.hash.slice(1));
  }
  const url = type !== "pattern";
  if (init.protocol !== undefined) {
    const stripped = init.protocol.endsWith(":") ? init.protocol.slice(0, -1) : init.protocol;
    result.protocol = url ? canonicalizeProtocol(stripped) : stripped;
  }
  if (init.username !== undefined) result.username = url ? canonicalizeUsername(init.username) : init.username;
  if (init.password !== undefined) result.password = url ? canonicalizePassword(init.password) : init.password;
  if (init.hostname !== undefined) result.hostname = url ? canonicalizeHostname(init.hostname, result.protocol) : init.hostname;
  if (init.port !== undefined) result.port = url ? canonicalizePort(init.port, result.protocol) : init.port;
  if (init.pathname !== undefined) {
    let pathname = init.pathname;
    if (baseURL !== null && !isOpaque(baseURL) && !isAbsolutePathname(pathname, type)) {
      const basePath = baseString(baseURL.pathname);
      const slash = basePath.lastIndexOf("/");
      if (slash >= 0) pathname = basePath.slice(0, slash + 1) + pathname;
    }
    if (url) {
      const protocol = result.protocol;
      pathname = protocol === undefined || protocol === "" || SPECIAL.includes(protocol) ? canonicalizePathname(pathname) : canonicalizeOpaquePathname(pathname);
    }
    result.pathname = pathname;
  }
  if (init.search !== undefined) {
    const stripped = init.search.startsWith("?") ? init.search.slice(1) : init.search;
    result.search = url ? canonicalizeSearch(stripped) : stripped;
  }
  if (init.hash !== undefined) {
    const stripped = init.hash.startsWith("#") ? init.hash.slice(1) : init.hash;
    result.hash = url ? canonicalizeHash(stripped) : stripped;
  }
  return result;
}

// A URL has an opaque path when it is not special and its path does not start with "/".
const isOpaque = (url) => !SPECIAL.includes(url.protocol.slice(0, -1)) && !url.pathname.startsWith("/") && url.host === "" &&
  !url.href.slice(url.protocol.length).startsWith("/");

// ---------------------------------------------------------------------------
// URLPattern

let patternState;
let isPattern;

class URLPattern {
  #components;
  #ignoreCase;

  constructor(input = undefined, baseURL = undefined, options = undefined) {
    let base;
    if (arguments.length >= 2 && baseURL !== undefined && baseURL !== null && typeof baseURL !== "object" && typeof baseURL !== "function") {
      base = toUSVString(baseURL);
    } else {
      options = baseURL;
    }
    const ignoreCase = options !== undefined && options !== null && !!options.ignoreCase;
    let init;
    if (typeof input === "object" && input !== null || input === undefined) {
      if (base !== undefined) throw new TypeErrorCtor("URLPattern: a baseURL cannot go with a URLPatternInit");
      init = toInit(input);
    } else {
      init = P.parseConstructorString(toUSVString(input), protocolIsSpecial);
      if (base === undefined && init.protocol === undefined) throw new TypeErrorCtor(`URLPattern: '${input}' is relative and there is no baseURL`);
      if (base !== undefined) init.baseURL = base;
    }
    const processed = processInit(init, "pattern");
    for (const c of COMPONENTS) if (processed[c] === undefined) processed[c] = "*";
    if (SPECIAL.includes(processed.protocol) && DEFAULT_PORT[processed.protocol] === processed.port) processed.port = "";
    const components = ObjectCreate(null);
    components.protocol = compileComponent(processed.protocol, canonicalizeProtocol, DEFAULT_OPTIONS);
    components.username = compileComponent(processed.username, canonicalizeUsername, DEFAULT_OPTIONS);
    components.password = compileComponent(processed.password, canonicalizePassword, DEFAULT_OPTIONS);
    components.hostname = isIPv6Pattern(processed.hostname)
      ? compileComponent(processed.hostname, canonicalizeIPv6Hostname, HOSTNAME_OPTIONS)
      : compileComponent(processed.hostname, (v) => canonicalizeHostname(v), HOSTNAME_OPTIONS);
    components.port = compileComponent(processed.port, (v) => canonicalizePort(v), DEFAULT_OPTIONS);
    const options2 = { ...DEFAULT_OPTIONS, ignoreCase };
    components.pathname = matchesSpecialScheme(components.protocol)
      ? compileComponent(processed.pathname, canonicalizePathname, { ...PATHNAME_OPTIONS, ignoreCase })
      : compileComponent(processed.pathname, canonicalizeOpaquePathname, options2);
    components.search = compileComponent(processed.search, canonicalizeSearch, options2);
    components.hash = compileComponent(processed.hash, canonicalizeHash, options2);
    this.#components = components;
    this.#ignoreCase = ignoreCase;
  }

  test(input = undefined, baseURL = undefined) {
    return match(patternState(this), input, baseURL, arguments.length >= 2) !== null;
  }

  exec(input = undefined, baseURL = undefined) {
    return match(patternState(this), input, baseURL, arguments.length >= 2);
  }

  get protocol() { return patternState(this).protocol.pattern; }
  get username() { return patternState(this).username.pattern; }
  get password() { return patternState(this).password.pattern; }
  get hostname() { return patternState(this).hostname.pattern; }
  get port() { return patternState(this).port.pattern; }
  get pathname() { return patternState(this).pathname.pattern; }
  get search() { return patternState(this).search.pattern; }
  get hash() { return patternState(this).hash.pattern; }

  get hasRegExpGroups() {
    const components = patternState(this);
    for (const c of COMPONENTS) if (components[c].hasRegExpGroups) return true;
    return false;
  }

  static {
    patternState = (value) => {
      if (value === null || typeof value !== "object" || !(#components in value)) internals.illegalInvocation();
      return value.#components;
    };
    isPattern = (value) => #components in value;
  }
}

function match(components, input, baseURL, baseGiven) {
  const inputs = [];
  let values;
  if (typeof input === "object" && input !== null || input === undefined) {
    if (baseGiven && baseURL !== undefined) throw new TypeErrorCtor("URLPattern: a baseURL cannot go with a URLPatternInit");
    const init = toInit(input);
    inputs.push(input === undefined ? {} : input);
    try {
      values = processInit(init, "url", "");
    } catch {
      return null;
    }
  } else {
    const text = toUSVString(input);
    inputs.push(text);
    let base;
    if (baseURL !== undefined) {
      const baseText = toUSVString(baseURL);
      base = parseUrl(baseText);
      if (base === null) return null;
      inputs.push(baseText);
    }
    const url = base === undefined ? parseUrl(text) : parseUrl(text, base);
    if (url === null) return null;
    values = {
      protocol: url.protocol.slice(0, -1), username: url.username, password: url.password, hostname: url.hostname,
      port: url.port, pathname: url.pathname, search: url.search.slice(1), hash: url.hash.slice(1),
    };
  }
  const result = { inputs };
  for (const c of COMPONENTS) {
    const component = components[c];
    const value = values[c];
    const found = exec(component.regexp, value);
    if (found === null) return null;
    const groups = {};
    // One group per name: named groups inside a regexp part are not URLPattern groups.
    for (let i = 0; i < component.names.length; i++) groups[component.names[i]] = found[i + 1];
    result[c] = { input: value, groups };
  }
  return result;
}

internals.webidlInterface(URLPattern);
// Not [Serializable]: structuredClone throws DataCloneError.
internals.registerPlatformObject(URLPattern.prototype, (value) => value !== null && typeof value === "object" && isPattern(value));
internals.defineGlobal("URLPattern", URLPattern);
