Deno.serve({ hostname: "127.0.0.1", port: 18081, onListen() {} }, () => new Response("hello"));
