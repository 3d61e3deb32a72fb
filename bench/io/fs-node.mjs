import { mkdir, writeFile, readFile } from "node:fs/promises";
import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
const MB100 = new Uint8Array(100 * 1024 * 1024).fill(120);
const t0 = performance.now();
switch (process.argv[2]) {
  case "small": {
    await mkdir("small", { recursive: true });
    const kib = new Uint8Array(1024).fill(65);
    for (let i = 0; i < 1000; i++) await writeFile(`small/${i}.txt`, kib);
    let total = 0;
    for (let i = 0; i < 1000; i++) total += (await readFile(`small/${i}.txt`)).byteLength;
    if (total !== 1024 * 1000) throw new Error("short");
    break;
  }
  case "write": await writeFile("big.bin", MB100); break;
  case "read": if ((await readFile("big.bin")).byteLength !== MB100.byteLength) throw new Error("short"); break;
  case "copy": await pipeline(createReadStream("big.bin"), createWriteStream("copy.bin")); break;
}
console.log("ms", (performance.now() - t0).toFixed(1));
