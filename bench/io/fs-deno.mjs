const MB100 = new Uint8Array(100 * 1024 * 1024).fill(120);
const t0 = performance.now();
switch (Deno.args[0]) {
  case "small": {
    await Deno.mkdir("small", { recursive: true });
    const kib = new Uint8Array(1024).fill(65);
    for (let i = 0; i < 1000; i++) await Deno.writeFile(`small/${i}.txt`, kib);
    let total = 0;
    for (let i = 0; i < 1000; i++) total += (await Deno.readFile(`small/${i}.txt`)).byteLength;
    if (total !== 1024 * 1000) throw new Error("short");
    break;
  }
  case "write": await Deno.writeFile("big.bin", MB100); break;
  case "read": if ((await Deno.readFile("big.bin")).byteLength !== MB100.byteLength) throw new Error("short"); break;
  case "copy": {
    const from = await Deno.open("big.bin");
    const to = await Deno.open("copy.bin", { write: true, create: true, truncate: true });
    await from.readable.pipeTo(to.writable);
    break;
  }
}
console.log("ms", (performance.now() - t0).toFixed(1));
