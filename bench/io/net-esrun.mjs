// net workloads on esrun (runtime:net): rtt (10 000 round trips of 64 bytes) | bulk (1 GB one way). Prints "ms <n>".
import { connect, listen } from "runtime:net";
import { args } from "runtime:process";
const listener = listen({ hostname: "127.0.0.1", port: 0 });
const { port } = await listener.addr;
const bulk = args[0] === "bulk";
const GB = 1024 * 1024 * 1024;
let received = 0;
const serving = (async () => {
  for await (const socket of listener) {
    if (bulk) { for await (const chunk of socket.readable) received += chunk.byteLength; socket.close(); }
    else await socket.readable.pipeTo(socket.writable);
    return;
  }
})();
const socket = connect({ hostname: "127.0.0.1", port });
await socket.opened;
const writer = socket.writable.getWriter();
const t0 = performance.now();
if (bulk) {
  const chunk = new Uint8Array(256 * 1024).fill(1);
  for (let sent = 0; sent < GB; sent += chunk.byteLength) await writer.write(chunk);
  await writer.close();
  await serving;
  if (received !== GB) throw new Error(`received ${received}`);
} else {
  const reader = socket.readable.getReader();
  const message = new Uint8Array(64).fill(7);
  for (let i = 0; i < 10000; i++) {
    await writer.write(message);
    let got = 0;
    while (got < 64) got += (await reader.read()).value.byteLength;
  }
}
console.log("ms", (performance.now() - t0).toFixed(1));
socket.close();
listener.close();
