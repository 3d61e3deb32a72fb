// The script the embedding sample runs: it calls the host's functions, waits on a timer, and
// exports a function the host calls afterwards.
import { greet, lookupUser } from "host:sample";

console.log(greet("embedder"));
const user = await lookupUser(7);
console.log(`user 7 is ${user.name} (${user.roles.join(", ")})`);
await new Promise((resolve) => setTimeout(resolve, 100));
console.log("timer fired after 100 ms");

export function area(width, height) {
  return { width, height, area: width * height };
}

export async function slowDouble(n) {
  await new Promise((resolve) => setTimeout(resolve, 20));
  return n * 2;
}
