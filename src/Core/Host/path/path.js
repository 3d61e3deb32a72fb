// runtime:path — platform-aware path utilities. Pure computation, no I/O.
//
// One surface for the host platform: "/" paths on linux and macos, "\" and "/"
// paths with drive letters and UNC roots on windows. Every function runs the same
// code with the `win` flag choosing separators and root syntax.
//
// On posix the results match Node's `path.posix` (and `url.fileURLToPath` /
// `url.pathToFileURL`), with one deliberate difference: `parse("/..")` gives
// ext "" and name "..", as `extname("/..")` does (Node reports ext ".").
//
// Windows is best effort. Covered: "\" and "/" as separators, drive roots
// ("C:\", and drive-relative "C:foo"), UNC roots ("\\server\share\"), rooted
// paths ("\foo"), case-insensitive comparison of roots and segments in
// `relative`, UNC hosts in file URLs. Not covered: the per-drive working
// directory ("C:foo" with a cwd on another drive resolves to "C:\foo"),
// device and long-path namespaces ("\\?\", "\\.\"), reserved device names
// (CON, NUL, ...), alternate data streams, trailing dots/spaces in names, and
// IDNA (punycode) conversion of UNC host names in file URLs.

import { platform, cwd } from "runtime:process";

const win = platform === "windows";

export const sep = win ? "\\" : "/";
export const delimiter = win ? ";" : ":";

const SEPS = win ? /[\\/]+/ : /\/+/;

function isSep(c) {
  return c === "/" || (win && c === "\\");
}

function isDriveLetter(c) {
  return (c >= "A" && c <= "Z") || (c >= "a" && c <= "z");
}

// ---------------------------------------------------------------- validation

function describe(value) {
  if (value === null || value === undefined) return String(value);
  if (typeof value === "function") return `function ${value.name}`;
  if (typeof value === "object") {
    const ctor = Object.getPrototypeOf(value) === null ? undefined : value.constructor;
    if (ctor && typeof ctor.name === "string" && ctor.name) return `an instance of ${ctor.name}`;
    return "[Object: null prototype] {}";
  }
  let shown;
  if (typeof value === "number") shown = Object.is(value, -0) ? "-0" : String(value);
  else if (typeof value === "bigint") shown = `${value}n`;
  else if (typeof value === "string") shown = `'${value}'`;
  else shown = String(value); // boolean, symbol
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return `type ${typeof value} (${shown})`;
}

function invalidArgType(name, expected, value) {
  const err = new TypeError(`The "${name}" argument must be ${expected}. Received ${describe(value)}`);
  err.code = "ERR_INVALID_ARG_TYPE";
  return err;
}

function checkString(value, name = "path") {
  if (typeof value !== "string") throw invalidArgType(name, "of type string", value);
}

// ---------------------------------------------------------------- roots

// Splits off the root of `p`:
//   end      length of the root prefix in `p`
//   device   "" on posix; "C:" or "\\server\share" (normalized) on windows
//   absolute true if the path is anchored at a root separator
function rootOf(p) {
  const len = p.length;
  if (len === 0) return { end: 0, device: "", absolute: false };
  if (!win) return p[0] === "/" ? { end: 1, device: "", absolute: true } : { end: 0, device: "", absolute: false };

  if (isSep(p[0])) {
    if (len > 1 && isSep(p[1])) {
      // UNC: \\server\share[\...]
      let j = 2;
      while (j < len && !isSep(p[j])) j++;
      if (j < len && j > 2) {
        const server = p.slice(2, j);
        while (j < len && isSep(p[j])) j++;
        const shareStart = j;
        while (j < len && !isSep(p[j])) j++;
        if (j > shareStart) {
          const device = `\\\\${server}\\${p.slice(shareStart, j)}`;
          return { end: j === len ? j : j + 1, device, absolute: true };
        }
      }
    }
    return { end: 1, device: "", absolute: true };
  }
  if (len > 1 && isDriveLetter(p[0]) && p[1] === ":") {
    if (len > 2 && isSep(p[2])) return { end: 3, device: p.slice(0, 2), absolute: true };
    return { end: 2, device: p.slice(0, 2), absolute: false };
  }
  return { end: 0, device: "", absolute: false };
}

// Collapses "." and ".." in a separator-delimited tail (no root). Leading ".."
// survive only when `aboveRoot` (relative paths).
function collapse(tail, aboveRoot) {
  const out = [];
  for (const seg of tail.split(SEPS)) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (aboveRoot) out.push("..");
      continue;
    }
    out.push(seg);
  }
  return out;
}

// The root as a normalized path prefix: "/", "C:\", "C:", "\\server\share\", "\".
function rootText(r) {
  return r.device + (r.absolute ? sep : "");
}

// ---------------------------------------------------------------- exports

export function isAbsolute(p) {
  checkString(p);
  return rootOf(p).absolute;
}

export function normalize(p) {
  checkString(p);
  if (p.length === 0) return ".";
  const r = rootOf(p);
  const trailing = isSep(p[p.length - 1]);
  let body = collapse(p.slice(r.end), !r.absolute).join(sep);
  if (body === "") {
    if (r.absolute) return rootText(r);
    body = ".";
  }
  if (trailing) body += sep;
  // windows: do not let a relative path turn into a drive ("b:c" out of
  // "a\..\b:c") or end a name in ":" ("x\y:", read as a stream); keep it
  // relative with a leading ".\" (the same guard as Node's win32.normalize).
  if (win && r.end === 0 && p.includes(":") && (/^[A-Za-z]:/.test(body) || /:(?:[\\/]|$)/.test(p))) {
    body = `.${sep}${body}`;
  }
  return rootText(r) + body;
}

export function join(...segments) {
  let joined;
  let first;
  for (const s of segments) {
    checkString(s);
    if (s.length === 0) continue;
    if (joined === undefined) joined = first = s;
    else joined += sep + s;
  }
  if (joined === undefined) return ".";
  if (win) {
    // Do not let the join invent a UNC root ("\" + "\server"): keep a leading
    // double separator only when the first part plainly is "\\server...".
    const plainUnc = first.length > 2 && isSep(first[0]) && isSep(first[1]) && !isSep(first[2]);
    if (!plainUnc) {
      let n = 0;
      while (n < joined.length && isSep(joined[n])) n++;
      if (n >= 2) joined = `\\${joined.slice(n)}`;
    }
  }
  return normalize(joined);
}

export function resolve(...segments) {
  for (const s of segments) checkString(s);
  let device = "";
  let tail = "";
  let absolute = false;
  for (let i = segments.length - 1; i >= -1; i--) {
    let p;
    if (i >= 0) {
      p = segments[i];
      if (p.length === 0) continue;
    } else {
      p = String(cwd());
      // A drive-relative path on another drive than the cwd: anchor at that
      // drive's root (the per-drive cwd is not tracked).
      if (win && device !== "" && rootOf(p).device.toLowerCase() !== device.toLowerCase()) p = `${device}\\`;
    }
    const r = rootOf(p);
    if (r.device !== "") {
      if (device === "") device = r.device;
      else if (r.device.toLowerCase() !== device.toLowerCase()) continue; // other drive: ignore
    }
    if (absolute) {
      if (device !== "") break;
      continue; // windows: rooted but still looking for a drive
    }
    tail = `${p.slice(r.end)}${sep}${tail}`;
    absolute = r.absolute;
    if (absolute && (!win || device !== "")) break;
  }
  const body = collapse(tail, !absolute).join(sep);
  if (absolute) return `${device}${sep}${body}`;
  return device + body || ".";
}

export function relative(from, to) {
  checkString(from, "from");
  checkString(to, "to");
  if (from === to) return "";
  const a = resolve(from);
  const b = resolve(to);
  const key = win ? (s) => s.toLowerCase() : (s) => s;
  if (key(a) === key(b)) return "";
  const ra = rootOf(a);
  const rb = rootOf(b);
  if (key(rootText(ra)) !== key(rootText(rb))) return b; // different drive or share
  const as = collapse(a.slice(ra.end), false);
  const bs = collapse(b.slice(rb.end), false);
  let common = 0;
  while (common < as.length && common < bs.length && key(as[common]) === key(bs[common])) common++;
  const up = new Array(as.length - common).fill("..");
  return up.concat(bs.slice(common)).join(sep);
}

export function dirname(p) {
  checkString(p);
  if (p.length === 0) return ".";
  const r = rootOf(p);
  if (win && r.end === p.length && r.device !== "" && r.device.startsWith("\\\\")) return p; // bare UNC root
  // Scan back over trailing separators and the last segment to the separator before it.
  const stop = win ? Math.max(r.end, 1) : 1;
  let end = -1;
  let inName = false;
  for (let i = p.length - 1; i >= stop; i--) {
    if (isSep(p[i])) {
      if (inName) {
        end = i;
        break;
      }
    } else {
      inName = true;
    }
  }
  if (end === -1) return r.end === 0 ? "." : p.slice(0, r.end);
  if (!win && r.absolute && end === 1) return "//"; // "//a": POSIX leaves a leading "//" alone
  return p.slice(0, end);
}

// [start, end) of the last segment of p at or after `from`, trailing separators ignored.
function lastSegment(p, from) {
  let end = -1;
  let start = from;
  for (let i = p.length - 1; i >= from; i--) {
    if (isSep(p[i])) {
      if (end !== -1) {
        start = i + 1;
        break;
      }
    } else if (end === -1) {
      end = i + 1;
    }
  }
  return end === -1 ? { start: from, end: -1 } : { start, end };
}

function extOf(base) {
  const dot = base.lastIndexOf(".");
  if (dot <= 0 || base === "..") return "";
  return base.slice(dot);
}

function driveSkip(p) {
  return win && p.length > 1 && isDriveLetter(p[0]) && p[1] === ":" ? 2 : 0;
}

export function basename(p) {
  checkString(p);
  const s = lastSegment(p, driveSkip(p));
  return s.end === -1 ? "" : p.slice(s.start, s.end);
}

export function extname(p) {
  checkString(p);
  const s = lastSegment(p, driveSkip(p));
  return s.end === -1 ? "" : extOf(p.slice(s.start, s.end));
}

export function parse(p) {
  checkString(p);
  const ret = { root: "", dir: "", base: "", name: "", ext: "" };
  if (p.length === 0) return ret;
  const r = rootOf(p);
  ret.root = p.slice(0, r.end);
  const s = lastSegment(p, r.end);
  if (s.end !== -1) {
    ret.base = p.slice(s.start, s.end);
    ret.ext = extOf(ret.base);
    ret.name = ret.base.slice(0, ret.base.length - ret.ext.length);
  }
  ret.dir = s.start > r.end ? p.slice(0, s.start - 1) : ret.root;
  return ret;
}

// ---------------------------------------------------------------- file URLs

function isURLLike(v) {
  if (typeof URL === "function" && v instanceof URL) return true;
  return v !== null && typeof v === "object" && typeof v.href === "string" && typeof v.protocol === "string";
}

function invalidFileURLPath(msg) {
  const err = new TypeError(`File URL path ${msg}`);
  err.code = "ERR_INVALID_FILE_URL_PATH";
  return err;
}

export function fromFileURL(url) {
  if (typeof url === "string") url = new URL(url);
  else if (!isURLLike(url)) throw invalidArgType("url", "of type string or an instance of URL", url);
  if (url.protocol !== "file:") {
    const err = new TypeError("The URL must be of scheme file");
    err.code = "ERR_INVALID_URL_SCHEME";
    throw err;
  }
  const host = url.hostname;
  let pathname = url.pathname;
  if (!win && host !== "" && host !== "localhost") {
    const err = new TypeError(`File URL host must be "localhost" or empty on ${platform}`);
    err.code = "ERR_INVALID_FILE_URL_HOST";
    throw err;
  }
  if (win ? /%(2f|5c)/i.test(pathname) : /%2f/i.test(pathname)) {
    throw invalidFileURLPath(win ? "must not include encoded \\ or / characters" : "must not include encoded / characters");
  }
  if (!win) return decodeURIComponent(pathname);
  pathname = decodeURIComponent(pathname.replace(/\//g, "\\"));
  if (host !== "" && host !== "localhost") return `\\\\${host}${pathname}`;
  if (pathname.length < 3 || !isDriveLetter(pathname[1]) || pathname[2] !== ":") {
    throw invalidFileURLPath("must be absolute");
  }
  return pathname.slice(1);
}

const HEX = "0123456789ABCDEF";

function pct(byte) {
  return `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
}

// Percent-encodes a path for a file: URL: C0 controls, space, DEL and non-ASCII
// (as UTF-8), and " # % < > ? [ ] ^ ` { | } ~ (the set Node 20 encodes), plus
// "\" on posix, where it is an ordinary file-name character. Everything is
// encoded here so the URL parser has nothing left to change or strip.
function encodePath(s) {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      const ch = s[i];
      if (c <= 0x20 || c === 0x7f || '"#%<>?[]^`{|}~'.includes(ch) || (!win && ch === "\\")) out += pct(c);
      else out += ch;
      continue;
    }
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // lone surrogate
    if (cp < 0x800) {
      out += pct(0xc0 | (cp >> 6)) + pct(0x80 | (cp & 63));
    } else if (cp < 0x10000) {
      out += pct(0xe0 | (cp >> 12)) + pct(0x80 | ((cp >> 6) & 63)) + pct(0x80 | (cp & 63));
    } else {
      out += pct(0xf0 | (cp >> 18)) + pct(0x80 | ((cp >> 12) & 63)) + pct(0x80 | ((cp >> 6) & 63)) + pct(0x80 | (cp & 63));
    }
  }
  return out;
}

export function toFileURL(p) {
  checkString(p);
  let resolved = resolve(p);
  // resolve() drops a trailing separator; a directory URL keeps it.
  if (p.length > 0 && isSep(p[p.length - 1]) && !isSep(resolved[resolved.length - 1])) resolved += sep;
  if (!win) return new URL(`file://${encodePath(resolved)}`);
  const r = rootOf(resolved);
  if (r.device.startsWith("\\\\")) {
    // \\server\share\rest -> file://server/share/rest
    const hostEnd = resolved.indexOf("\\", 2);
    const host = resolved.slice(2, hostEnd);
    return new URL(`file://${host}${encodePath(resolved.slice(hostEnd).replace(/\\/g, "/"))}`);
  }
  return new URL(`file:///${encodePath(resolved.replace(/\\/g, "/"))}`);
}

export default Object.freeze({
  sep,
  delimiter,
  isAbsolute,
  normalize,
  join,
  resolve,
  relative,
  dirname,
  basename,
  extname,
  parse,
  fromFileURL,
  toFileURL,
});
