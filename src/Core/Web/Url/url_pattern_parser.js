// URLPattern's string machinery (URL Pattern Standard §1.4-§2): the tokenizer, the pattern parser
// into a part list, the regular expression and pattern string generated from a part list, and the
// constructor string parser. Strings are handled as arrays of code points, as the standard does.
// Prelude function body; exports internals.urlPatternParser for url_pattern.js.
const TypeErrorCtor = TypeError;
const ArrayFrom = Array.from;
const ArrayPrototypeJoin = Array.prototype.join;
const ArrayPrototypeSlice = Array.prototype.slice;
const ReflectApply = Reflect.apply;
const RegExpPrototypeTest = RegExp.prototype.test;
const StringPrototypeCharCodeAt = String.prototype.charCodeAt;

const codePoints = (string) => ArrayFrom(string);
const join = (list, start, end) => ReflectApply(ArrayPrototypeJoin, ReflectApply(ArrayPrototypeSlice, list, [start, end]), [""]);
const idStart = /^[\p{ID_Start}$_]$/u;
const idContinue = /^[\p{ID_Continue}$\u200C\u200D]$/u;
const isValidNameCodePoint = (c, first) => ReflectApply(RegExpPrototypeTest, first ? idStart : idContinue, [c]);
const isAsciiDigit = (c) => c !== undefined && c >= "0" && c <= "9";

// ---------------------------------------------------------------------------
// Tokenizer

function tokenize(input, policy) {
  const chars = codePoints(input);
  const tokens = [];
  let index = 0;
  let next = 0;
  let c;
  const seek = (at) => {
    next = at;
    c = chars[next];
    next++;
  };
  const add = (type, nextPosition, valuePosition, valueLength) => {
    tokens.push({ type, index, value: join(chars, valuePosition, valuePosition + valueLength) });
    index = nextPosition;
  };
  const addDefault = (type) => add(type, next, index, next - index);
  const error = (nextPosition, valuePosition) => {
    if (policy === "strict") throw new TypeErrorCtor(`Invalid pattern '${input}'`);
    add("invalid-char", nextPosition, valuePosition, nextPosition - valuePosition);
  };
  while (index < chars.length) {
    seek(index);
    if (c === "*") { addDefault("asterisk"); continue; }
    if (c === "+" || c === "?") { addDefault("other-modifier"); continue; }
    if (c === "\\") {
      if (index === chars.length - 1) { error(next, index); continue; }
      const escapedIndex = next;
      seek(next);
      add("escaped-char", next, escapedIndex, next - escapedIndex);
      continue;
    }
    if (c === "{") { addDefault("open"); continue; }
    if (c === "}") { addDefault("close"); continue; }
    if (c === ":") {
      let position = next;
      const start = position;
      while (position < chars.length) {
        seek(position);
        if (!isValidNameCodePoint(c, position === start)) break;
        position = next;
      }
      if (position <= start) { error(start, index); continue; }
      add("name", position, start, position - start);
      continue;
    }
    if (c === "(") {
      let depth = 1;
      let position = next;
      const start = position;
      let failed = false;
      while (position < chars.length) {
        seek(position);
        if (c.codePointAt(0) > 0x7f || (position === start && c === "?")) { error(start, index); failed = true; break; }
        if (c === "\\") {
          if (position === chars.length - 1) { error(start, index); failed = true; break; }
          seek(next);
          if (c.codePointAt(0) > 0x7f) { error(start, index); failed = true; break; }
          position = next;
          continue;
        }
        if (c === ")") {
          depth--;
          if (depth === 0) { position = next; break; }
        } else if (c === "(") {
          depth++;
          if (position === chars.length - 1) { error(start, index); failed = true; break; }
          const temporary = next;
          seek(next);
          if (c !== "?") { error(start, index); failed = true; break; }
          next = temporary;
        }
        position = next;
      }
      if (failed) continue;
      if (depth !== 0) { error(start, index); continue; }
      const length = position - start - 1;
      if (length === 0) { error(start, index); continue; }
      add("regexp", position, start, length);
      continue;
    }
    addDefault("char");
  }
  add("end", index, index, 0);
  return tokens;
}

// ---------------------------------------------------------------------------
// Pattern parser

const escapeRegExp = (s) => s.replace(/[.+*?^${}()[\]|/\\]/g, "\\$&");
const escapePattern = (s) => s.replace(/[+*?:{}()\\]/g, "\\$&");
const segmentWildcard = (options) => `[^${escapeRegExp(options.delimiter)}]+?`;
const FULL_WILDCARD = ".*";
const MODIFIER = { "?": "optional", "*": "zero-or-more", "+": "one-or-more" };
const modifierString = (m) => (m === "zero-or-more" ? "*" : m === "optional" ? "?" : m === "one-or-more" ? "+" : "");

function parsePattern(input, options, encode) {
  const tokens = tokenize(input, "strict");
  const parts = [];
  const wildcard = segmentWildcard(options);
  let pending = "";
  let index = 0;
  let nextNumericName = 0;
  const tryConsume = (type) => {
    const token = tokens[index];
    if (token.type !== type) return null;
    index++;
    return token;
  };
  const tryModifier = () => tryConsume("other-modifier") ?? tryConsume("asterisk");
  const tryRegexpOrWildcard = (name) => {
    const token = tryConsume("regexp");
    return name === null && token === null ? tryConsume("asterisk") : token;
  };
  const required = (type) => {
    const token = tryConsume(type);
    if (token === null) throw new TypeErrorCtor(`Invalid pattern '${input}': expected ${type}`);
    return token;
  };
  const consumeText = () => {
    let result = "";
    for (;;) {
      const token = tryConsume("char") ?? tryConsume("escaped-char");
      if (token === null) return result;
      result += token.value;
    }
  };
  const flushPending = () => {
    if (pending === "") return;
    const value = encode(pending);
    pending = "";
    parts.push({ type: "fixed-text", value, modifier: "none", name: "", prefix: "", suffix: "" });
  };
  const addPart = (prefix, nameToken, regexpToken, suffix, modifierToken) => {
    const modifier = modifierToken === null ? "none" : MODIFIER[modifierToken.value];
    if (nameToken === null && regexpToken === null && modifier === "none") {
      pending += prefix;
      return;
    }
    flushPending();
    if (nameToken === null && regexpToken === null) {
      if (prefix === "") return;
      parts.push({ type: "fixed-text", value: encode(prefix), modifier, name: "", prefix: "", suffix: "" });
      return;
    }
    let value = regexpToken === null ? wildcard : regexpToken.type === "asterisk" ? FULL_WILDCARD : regexpToken.value;
    let type = "regexp";
    if (value === wildcard) { type = "segment-wildcard"; value = ""; }
    else if (value === FULL_WILDCARD) { type = "full-wildcard"; value = ""; }
    let name = "";
    if (nameToken !== null) name = nameToken.value;
    else if (regexpToken !== null) name = `${nextNumericName++}`;
    for (const part of parts) {
      if (part.name === name && name !== "") throw new TypeErrorCtor(`Invalid pattern '${input}': duplicate name '${name}'`);
    }
    parts.push({ type, value, modifier, name, prefix: encode(prefix), suffix: encode(suffix) });
  };
  while (index < tokens.length) {
    const charToken = tryConsume("char");
    let nameToken = tryConsume("name");
    let regexpToken = tryRegexpOrWildcard(nameToken);
    if (nameToken !== null || regexpToken !== null) {
      let prefix = charToken === null ? "" : charToken.value;
      if (prefix !== "" && prefix !== options.prefix) {
        pending += prefix;
        prefix = "";
      }
      flushPending();
      addPart(prefix, nameToken, regexpToken, "", tryModifier());
      continue;
    }
    const fixed = charToken ?? tryConsume("escaped-char");
    if (fixed !== null) {
      pending += fixed.value;
      continue;
    }
    if (tryConsume("open") !== null) {
      const prefix = consumeText();
      nameToken = tryConsume("name");
      regexpToken = tryRegexpOrWildcard(nameToken);
      const suffix = consumeText();
      required("close");
      addPart(prefix, nameToken, regexpToken, suffix, tryModifier());
      continue;
    }
    flushPending();
    required("end");
  }
  return parts;
}

function generateRegExp(parts, options) {
  let result = "^";
  const names = [];
  for (const part of parts) {
    const modifier = modifierString(part.modifier);
    if (part.type === "fixed-text") {
      result += part.modifier === "none" ? escapeRegExp(part.value) : `(?:${escapeRegExp(part.value)})${modifier}`;
      continue;
    }
    names.push(part.name);
    const value = part.type === "segment-wildcard" ? segmentWildcard(options) : part.type === "full-wildcard" ? FULL_WILDCARD : part.value;
    const single = part.modifier === "none" || part.modifier === "optional";
    if (part.prefix === "" && part.suffix === "") {
      result += single ? `(${value})${modifier}` : `((?:${value})${modifier})`;
      continue;
    }
    const prefix = escapeRegExp(part.prefix);
    const suffix = escapeRegExp(part.suffix);
    if (single) {
      result += `(?:${prefix}(${value})${suffix})${modifier}`;
      continue;
    }
    result += `(?:${prefix}((?:${value})(?:${suffix}${prefix}(?:${value}))*)${suffix})`;
    if (part.modifier === "zero-or-more") result += "?";
  }
  return { source: result + "$", names };
}

function generatePatternString(parts, options) {
  let result = "";
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const previous = i > 0 ? parts[i - 1] : null;
    const next = i < parts.length - 1 ? parts[i + 1] : null;
    const modifier = modifierString(part.modifier);
    if (part.type === "fixed-text") {
      result += part.modifier === "none" ? escapePattern(part.value) : `{${escapePattern(part.value)}}${modifier}`;
      continue;
    }
    const customName = !isAsciiDigit(part.name[0]);
    let grouping = part.suffix !== "" || (part.prefix !== "" && part.prefix !== options.prefix);
    if (!grouping && customName && part.type === "segment-wildcard" && part.modifier === "none" && next !== null &&
        next.prefix === "" && next.suffix === "") {
      if (next.type === "fixed-text") grouping = isValidNameCodePoint(codePoints(next.value)[0] ?? "", false);
      else grouping = isAsciiDigit(next.name[0]);
    }
    if (!grouping && part.prefix === "" && previous !== null && previous.type === "fixed-text") {
      const chars = codePoints(previous.value);
      if (chars[chars.length - 1] === options.prefix) grouping = true;
    }
    if (grouping) result += "{";
    result += escapePattern(part.prefix);
    if (customName) result += `:${part.name}`;
    if (part.type === "regexp") result += `(${part.value})`;
    else if (part.type === "segment-wildcard" && !customName) result += `(${segmentWildcard(options)})`;
    else if (part.type === "full-wildcard") {
      result += !customName && (previous === null || previous.type === "fixed-text" || previous.modifier !== "none" || grouping || part.prefix !== "")
        ? "*" : `(${FULL_WILDCARD})`;
    }
    if (part.type === "segment-wildcard" && customName && part.suffix !== "" && isValidNameCodePoint(codePoints(part.suffix)[0], false)) {
      result += "\\";
    }
    result += escapePattern(part.suffix);
    if (grouping) result += "}";
    result += modifier;
  }
  return result;
}

// ---------------------------------------------------------------------------
// Constructor string parser (§2.3)

const PROTOCOL_TO_HOST = ["protocol", "authority", "username", "password"];

function parseConstructorString(input, protocolIsSpecial) {
  const chars = codePoints(input);
  const tokens = tokenize(input, "lenient");
  const result = {};
  let componentStart = 0;
  let tokenIndex = 0;
  let tokenIncrement = 1;
  let groupDepth = 0;
  let ipv6Depth = 0;
  let special = false;
  let state = "init";
  const safeToken = (i) => (i < tokens.length ? tokens[i] : tokens[tokens.length - 1]);
  const nonSpecial = (i, value) => {
    const token = safeToken(i);
    return token.value === value && (token.type === "char" || token.type === "escaped-char" || token.type === "invalid-char");
  };
  const isSearchPrefix = () => {
    if (nonSpecial(tokenIndex, "?")) return true;
    if (tokens[tokenIndex].value !== "?") return false;
    if (tokenIndex - 1 < 0) return true;
    const type = safeToken(tokenIndex - 1).type;
    return !(type === "name" || type === "regexp" || type === "close" || type === "asterisk");
  };
  const isHashPrefix = () => nonSpecial(tokenIndex, "#");
  const isPathnameStart = () => nonSpecial(tokenIndex, "/");
  const componentString = () => join(chars, safeToken(componentStart).index, tokens[tokenIndex].index);
  const rewind = () => {
    tokenIndex = componentStart;
    tokenIncrement = 0;
  };
  const changeState = (newState, skip) => {
    if (state !== "init" && state !== "authority" && state !== "done") result[state] = componentString();
    if (state !== "init" && newState !== "done") {
      const beforeHost = PROTOCOL_TO_HOST.includes(state);
      if (beforeHost && ["port", "pathname", "search", "hash"].includes(newState) && result.hostname === undefined) result.hostname = "";
      if ((beforeHost || state === "hostname" || state === "port") && (newState === "search" || newState === "hash") && result.pathname === undefined) {
        result.pathname = special ? "/" : "";
      }
      if ((beforeHost || state === "hostname" || state === "port" || state === "pathname") && newState === "hash" && result.search === undefined) {
        result.search = "";
      }
    }
    state = newState;
    tokenIndex += skip;
    componentStart = tokenIndex;
    tokenIncrement = 0;
  };
  while (tokenIndex < tokens.length) {
    tokenIncrement = 1;
    const token = tokens[tokenIndex];
    if (token.type === "end") {
      if (state === "init") {
        rewind();
        if (isHashPrefix()) changeState("hash", 1);
        else if (isSearchPrefix()) changeState("search", 1);
        else changeState("pathname", 0);
        tokenIndex += tokenIncrement;
        continue;
      }
      if (state === "authority") {
        rewind();
        state = "hostname";
        tokenIndex += tokenIncrement;
        continue;
      }
      changeState("done", 0);
      break;
    }
    if (token.type === "open") {
      groupDepth++;
      tokenIndex += tokenIncrement;
      continue;
    }
    if (groupDepth > 0) {
      if (token.type === "close") {
        groupDepth--;
      } else {
        tokenIndex += tokenIncrement;
        continue;
      }
    }
    switch (state) {
      case "init":
        if (nonSpecial(tokenIndex, ":")) {
          rewind();
          state = "protocol";
        }
        break;
      case "protocol":
        if (nonSpecial(tokenIndex, ":")) {
          special = protocolIsSpecial(componentString());
          let nextState = "pathname";
          let skip = 1;
          if (nonSpecial(tokenIndex + 1, "/") && nonSpecial(tokenIndex + 2, "/")) {
            nextState = "authority";
            skip = 3;
          } else if (special) {
            nextState = "authority";
          }
          changeState(nextState, skip);
        }
        break;
      case "authority":
        if (nonSpecial(tokenIndex, "@")) {
          rewind();
          state = "username";
        } else if (isPathnameStart() || isSearchPrefix() || isHashPrefix()) {
          rewind();
          state = "hostname";
        }
        break;
      case "username":
        if (nonSpecial(tokenIndex, ":")) changeState("password", 1);
        else if (nonSpecial(tokenIndex, "@")) changeState("hostname", 1);
        break;
      case "password":
        if (nonSpecial(tokenIndex, "@")) changeState("hostname", 1);
        break;
      case "hostname":
        if (nonSpecial(tokenIndex, "[")) ipv6Depth++;
        else if (nonSpecial(tokenIndex, "]")) ipv6Depth--;
        else if (nonSpecial(tokenIndex, ":") && ipv6Depth === 0) changeState("port", 1);
        else if (isPathnameStart()) changeState("pathname", 0);
        else if (isSearchPrefix()) changeState("search", 1);
        else if (isHashPrefix()) changeState("hash", 1);
        break;
      case "port":
        if (isPathnameStart()) changeState("pathname", 0);
        else if (isSearchPrefix()) changeState("search", 1);
        else if (isHashPrefix()) changeState("hash", 1);
        break;
      case "pathname":
        if (isSearchPrefix()) changeState("search", 1);
        else if (isHashPrefix()) changeState("hash", 1);
        break;
      case "search":
        if (isHashPrefix()) changeState("hash", 1);
        break;
      default:
        break;
    }
    tokenIndex += tokenIncrement;
  }
  if (result.hostname !== undefined && result.port === undefined) result.port = "";
  return result;
}

internals.urlPatternParser = {
  parsePattern, generateRegExp, generatePatternString, parseConstructorString, escapePattern,
  isValidNameCodePoint, charCode: (s, i) => ReflectApply(StringPrototypeCharCodeAt, s, [i]),
};
