import { createServer } from "node:http";
createServer((req, res) => { res.writeHead(200, { "content-type": "text/plain;charset=UTF-8" }); res.end("hello"); }).listen(18081, "127.0.0.1");
