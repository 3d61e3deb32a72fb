import { createServer, connect } from "node:net";
const bulk = process.argv[2] === "bulk";
const GB = 1024 * 1024 * 1024;
let received = 0;
let done;
const finished = new Promise((r) => (done = r));
const server = createServer((socket) => {
  if (bulk) { socket.on("data", (c) => (received += c.length)); socket.on("end", () => { socket.end(); done(); }); }
  else socket.pipe(socket);
}).listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
const socket = connect(server.address().port, "127.0.0.1");
await new Promise((r) => socket.once("connect", r));
const t0 = performance.now();
if (bulk) {
  const chunk = Buffer.alloc(256 * 1024, 1);
  let sent = 0;
  await new Promise((resolve) => {
    const pump = () => {
      while (sent < GB) { sent += chunk.length; if (!socket.write(chunk)) return socket.once("drain", pump); }
      socket.end(); resolve();
    };
    pump();
  });
  await finished;
  if (received !== GB) throw new Error(`received ${received}`);
} else {
  const message = Buffer.alloc(64, 7);
  for (let i = 0; i < 10000; i++) {
    await new Promise((resolve) => {
      let got = 0;
      const onData = (c) => { got += c.length; if (got >= 64) { socket.off("data", onData); resolve(); } };
      socket.on("data", onData);
      socket.write(message);
    });
  }
}
console.log("ms", (performance.now() - t0).toFixed(1));
socket.destroy();
server.close();
