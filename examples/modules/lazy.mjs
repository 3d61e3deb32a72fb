export let message = "not yet";
await new Promise((resolve) => setTimeout(resolve, 5));
message = "loaded after top-level await";
