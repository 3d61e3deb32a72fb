const bulk = Deno.args[0] === "bulk";
const GB = 1024 * 1024 * 1024;
const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
let received = 0;
const serving = (async () => {
  const conn = await listener.accept();
  if (bulk) { for await (const chunk of conn.readable) received += chunk.byteLength; }
  else await conn.readable.pipeTo(conn.writable);
})();
const socket = await Deno.connect({ hostname: "127.0.0.1", port: listener.addr.port });
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
Deno.exit(0);
