// META: title=AbortSignal reason and throwIfAborted
// Restates the reason and throwIfAborted() parts of upstream dom/abort tests.

test(() => {
  const c = new AbortController();
  assert_equals(c.signal.reason, undefined);
  c.abort();
  assert_true(c.signal.reason instanceof DOMException);
  assert_equals(c.signal.reason.name, "AbortError");
}, "abort() without a reason gives an AbortError DOMException");

test(() => {
  for (const reason of ["string", 0, null, false, { custom: 1 }, new Error("e")]) {
    const c = new AbortController();
    c.abort(reason);
    assert_equals(c.signal.reason, reason);
    assert_equals(AbortSignal.abort(reason).reason, reason);
  }
}, "abort(reason) keeps the reason as it is");

test(() => {
  assert_equals(AbortSignal.abort().reason.name, "AbortError");
  const c = new AbortController();
  c.abort(undefined);
  assert_equals(c.signal.reason.name, "AbortError");
}, "an undefined reason is replaced by an AbortError");

test(() => {
  const c = new AbortController();
  c.signal.throwIfAborted();
  const reason = new Error("why");
  c.abort(reason);
  assert_throws_exactly(reason, () => c.signal.throwIfAborted());
  assert_throws_exactly("plain", () => AbortSignal.abort("plain").throwIfAborted());
}, "throwIfAborted() throws the reason, only once aborted");

test(() => {
  assert_throws_js(TypeError, () => new AbortSignal());
}, "AbortSignal has no public constructor");
