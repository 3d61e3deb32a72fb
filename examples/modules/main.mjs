// ES modules: static import/export, dynamic import(), top-level await, import.meta.url.
import { add } from "./math.mjs";
import greet from "./greet.mjs";

console.log(greet("modules"));
console.log("sum:", add(2, 3));

// Top-level await: the module graph waits for this before it is considered evaluated.
await new Promise((resolve) => setTimeout(resolve, 10));

// Dynamic import resolves relative to this module, after the imported module's own top-level await.
const lazy = await import("./lazy.mjs");
console.log("lazy:", lazy.message);

console.log("url:", import.meta.url);
