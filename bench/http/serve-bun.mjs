Bun.serve({ hostname: "127.0.0.1", port: 18081, fetch: () => new Response("hello") });
