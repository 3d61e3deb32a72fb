// fs workloads on esrun (runtime:fs): small | write | read | copy. Prints "ms <n>". Run from a scratch project folder.
import { file, write, mkdir } from "runtime:fs";
import { args } from "runtime:process";
const MB100 = new Uint8Array(100 * 1024 * 1024).fill(120);
const t0 = performance.now();
switch (args[0]) {
  case "small": {
    await mkdir("small", { recursive: true });
    const kib = new Uint8Array(1024).fill(65);
    for (let i = 0; i < 1000; i++) await write(`small/${i}.txt`, kib);
    let total = 0;
    for (let i = 0; i < 1000; i++) total += (await file(`small/${i}.txt`).bytes()).byteLength;
    if (total !== 1024 * 1000) throw new Error("short");
    break;
  }
  case "write": await write("big.bin", MB100); break;
  case "read": if ((await file("big.bin").bytes()).byteLength !== MB100.byteLength) throw new Error("short"); break;
  case "copy": await write("copy.bin", file("big.bin").stream()); break;
}
console.log("ms", (performance.now() - t0).toFixed(1));
