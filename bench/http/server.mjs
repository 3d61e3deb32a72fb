// The one server every fetch workload talks to (node, pinned to its own core by run.sh):
// "/" answers "hello", "/big" streams 100 MB in 64 KiB chunks.
import { createServer } from "node:http";
const chunk = Buffer.alloc(65536, 97);
createServer((req, res) => {
  if (req.url === "/big") {
    const total = 100 * 1024 * 1024;
    res.writeHead(200, { "content-length": total });
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!res.write(chunk)) return res.once("drain", pump);
      }
      res.end();
    };
    return pump();
  }
  res.writeHead(200, { "content-type": "text/plain" });
  res.end("hello");
}).listen(18080, "127.0.0.1");
