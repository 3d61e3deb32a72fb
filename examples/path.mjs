// runtime:path — platform-aware path utilities (pure computation, no I/O).
// Run: esrun examples/path.mjs
import path, { join, resolve, relative, parse, normalize, toFileURL, fromFileURL } from "runtime:path";
import { platform, cwd } from "runtime:process";

console.log(`platform ${platform}, sep ${JSON.stringify(path.sep)}, delimiter ${JSON.stringify(path.delimiter)}`);
console.log("cwd:", cwd());

console.log("join:", join("src", "lib", "..", "main.mjs"));
console.log("normalize:", normalize("a//b/./c/../d/"));
console.log("resolve:", resolve("data", "input.json"));
console.log("relative:", relative("/srv/app/src", "/srv/app/assets/logo.png"));
console.log("parse:", JSON.stringify(parse("/home/user/archive.tar.gz")));
console.log("basename/extname:", path.basename("/tmp/notes.txt"), path.extname("/tmp/notes.txt"));

const url = toFileURL("my docs/résumé #1.pdf");
console.log("toFileURL:", url.href);
console.log("fromFileURL:", fromFileURL(url));
