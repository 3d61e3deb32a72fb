// Error stacks without the runtime's own frames (as deno hides its ext: frames): the prelude
// ("esrun:prelude"), the dispatcher ("esrun:dispatch"), the synthetic importer ("esrun-import:N")
// and the host-function frames ClearScript adds between them are not the user's code.
//
// V8 calls Error.prepareStackTrace lazily, when `stack` is first read, so a throw that nobody
// inspects costs the same as before. A script may replace it (source-map tools do); ours is then
// gone for that script, as in node.
const ErrorPrototypeToString = Function.prototype.call.bind(Error.prototype.toString);
const StringPrototypeStartsWith = Function.prototype.call.bind(String.prototype.startsWith);
const CallSiteToString = (site) => `${site}`;

function isInternal(site) {
  const file = site.getFileName();
  if (typeof file === "string") {
    return StringPrototypeStartsWith(file, "esrun:") || StringPrototypeStartsWith(file, "esrun-import:");
  }
  return site.getTypeName() === "FastHostFunction";
}

// The header V8 itself writes ("Name: message"), or "<error>" when that cannot be computed.
function header(error) {
  try {
    return ErrorPrototypeToString(error);
  } catch {
    return "<error>";
  }
}

function prepareStackTrace(error, sites) {
  let text = header(error);
  for (let i = 0; i < sites.length; i++) {
    if (!isInternal(sites[i])) text += "\n    at " + CallSiteToString(sites[i]);
  }
  return text;
}

Object.defineProperty(Error, "prepareStackTrace", { value: prepareStackTrace, writable: true, configurable: true, enumerable: false });
internals.isInternalFrame = isInternal;
