// The counter service of kv-server.mjs with the lost update fixed: increments are serialised.
// Protocol: one request per connection, "INCR\n" -> "OK <value>\n" or "ERR <reason>\n".
// The value lives in memory and is persisted to data/counter.json before the reply.
import { listen } from "runtime:net";
import { file, write, mkdir } from "runtime:fs";
import { invariant } from "runtime:sim";

let value = 0;
try {
  value = JSON.parse(await file("data/counter.json").text()).value;
} catch {
  // No counter yet (or it was lost): start from zero.
}
let acked = value; // increments confirmed to clients since this run started, plus what was loaded

// What the server told clients it did must be what it holds.
invariant("every acknowledged increment is kept", () => {
  if (value < acked) throw new Error(`value ${value} < acknowledged ${acked}`);
});

async function persist(v) {
  await mkdir("data", { recursive: true });
  await write("data/counter.json", JSON.stringify({ value: v }));
}

// FIXED: each increment waits for the one before it, so no two read the same value.
let tail = Promise.resolve();
function increment() {
  const next = tail.then(incrementNow, incrementNow);
  tail = next.catch(() => {});
  return next;
}

async function incrementNow() {
  const v = value;
  await persist(v + 1);
  value = v + 1;
  acked++;
  return value;
}

async function handle(socket) {
  const writer = socket.writable.getWriter();
  try {
    let line = "";
    for await (const chunk of socket.readable) {
      line += new TextDecoder().decode(chunk);
      if (line.includes("\n")) break;
    }
    let reply;
    if (line.trim() !== "INCR") reply = "ERR unknown request\n";
    else {
      try { reply = `OK ${await increment()}\n`; } catch (e) { reply = `ERR ${e.message}\n`; }
    }
    await writer.write(new TextEncoder().encode(reply));
    await writer.close();
  } catch {
    // The client went away (or the network failed it): nothing to answer.
  }
}

const listener = listen({ port: 7000 });
console.log(`counter service on :7000, value ${value}`);
for await (const socket of listener) handle(socket);
