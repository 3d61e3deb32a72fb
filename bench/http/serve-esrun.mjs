import { serve } from "runtime:http";
serve({ hostname: "127.0.0.1", port: 18081 }, () => new Response("hello"));
