// A client of the counter service: after START ms it sends COUNT increments, one at a time, to api:7000,
// retrying failed requests (refused, reset, timed out, ERR) with backoff. Usage: client.mjs [START] [COUNT]
import { connect } from "runtime:net";
import { args } from "runtime:process";

const [start = "0", count = "50"] = args;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function request() {
  const socket = connect({ hostname: "api", port: 7000 });
  try {
    await socket.opened;
    const writer = socket.writable.getWriter();
    await writer.write(new TextEncoder().encode("INCR\n"));
    let text = "";
    for await (const chunk of socket.readable) text += new TextDecoder().decode(chunk);
    if (!text.startsWith("OK ")) throw new Error(text.trim() || "no answer");
    return Number(text.slice(3));
  } finally {
    socket.close();
  }
}

async function withRetry() {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (attempt === 12) throw new Error(`gave up after ${attempt + 1} attempts: ${error.message}`);
      await sleep(Math.min(2000, 20 * 2 ** attempt));
    }
  }
}

await sleep(Number(start));
let last = 0;
for (let i = 0; i < Number(count); i++) {
  last = await withRetry();
  await sleep(10);
}
console.log(`done: ${count} increments, last value ${last}`);
