// runtime:process: arguments, environment (in-process copy), cwd, platform, exit.
import { args, env, cwd, platform, arch, exit } from "runtime:process";

console.log("args:", args);
console.log("platform:", platform, "arch:", arch);
console.log("cwd:", cwd());
console.log("HOME is set:", typeof env.HOME === "string");

env.GREETING = "hi"; // stays inside this run
console.log("GREETING:", env.GREETING);

exit(0);
console.log("never printed: exit() halts immediately");
