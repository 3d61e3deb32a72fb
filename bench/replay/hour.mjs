// Time-compression workload: wait one simulated hour in one-second steps.
for (let i = 0; i < 3600; i++) await new Promise((resolve) => setTimeout(resolve, 1000));
console.log("an hour later:", new Date().toISOString());
