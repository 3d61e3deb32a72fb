console.log("Hello from esrun!");
