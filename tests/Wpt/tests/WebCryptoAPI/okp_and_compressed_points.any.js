// META: title=WebCryptoAPI: Ed25519, X25519 and compressed EC points
// META: script=webcrypto_util.js
// Restates the parts of upstream WebCryptoAPI/{generateKey/successes_Ed25519,sign_verify/eddsa,
// derive_bits_keys/cfrg_curves_bits,import_export/ec_importKey}.js that esrun does not support yet,
// so the expectations file tracks them: Ed25519 (RFC 8032 §7.1 test 1), X25519 (RFC 7748 §6.1) and
// importing a compressed P-256 point (the generator G).

const subtle = crypto.subtle;
const ed25519Pkcs8Prefix = "302e020100300506032b657004220420";
const x25519Pkcs8Prefix = "302e020100300506032b656e04220420";

promise_test(async () => {
  const pair = await subtle.generateKey("Ed25519", true, ["sign", "verify"]);
  assertGoodKey(pair.privateKey, { type: "private", extractable: true, name: "Ed25519", usages: ["sign"] });
}, "Ed25519 generateKey");

promise_test(async () => {
  const publicKey = await subtle.importKey("raw", unhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"), "Ed25519", true, ["verify"]);
  const signature = unhex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
  assert_true(await subtle.verify("Ed25519", publicKey, signature, new Uint8Array(0)));
}, "Ed25519 verifies the RFC 8032 test 1 signature");

promise_test(async () => {
  const privateKey = await subtle.importKey("pkcs8", unhex(ed25519Pkcs8Prefix + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"), "Ed25519", false, ["sign"]);
  const signature = await subtle.sign("Ed25519", privateKey, new Uint8Array(0));
  assert_equals(toHex(signature), "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
}, "Ed25519 signs the RFC 8032 test 1 message");

promise_test(async () => {
  const pair = await subtle.generateKey("X25519", true, ["deriveBits"]);
  assertGoodKey(pair.privateKey, { type: "private", extractable: true, name: "X25519", usages: ["deriveBits"] });
}, "X25519 generateKey");

promise_test(async () => {
  const alice = await subtle.importKey("pkcs8", unhex(x25519Pkcs8Prefix + "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"), "X25519", false, ["deriveBits"]);
  const bob = await subtle.importKey("raw", unhex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"), "X25519", true, []);
  assert_equals(toHex(await subtle.deriveBits({ name: "X25519", public: bob }, alice, 256)), "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
}, "X25519 derives the RFC 7748 shared secret");

promise_test(async () => {
  const key = await subtle.importKey("raw", unhex("036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"), { name: "ECDSA", namedCurve: "P-256" }, true, ["verify"]);
  assert_equals(toHex(await subtle.exportKey("raw", key)),
    "046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c2964fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5");
}, "ECDSA P-256 imports a compressed raw point");
