// json: JSON.stringify + JSON.parse of a ~2 KB record, 20 000 times.
const record = {
  id: 1234567, name: "Ada Lovelace", email: "ada@example.com", active: true, score: 98.25,
  tags: ["math", "engines", "poetry", "notes"],
  address: { street: "12 St James's Square", city: "London", zip: "SW1Y 4JH", geo: [51.507, -0.135] },
  items: Array.from({ length: 20 }, (_, i) => ({ sku: `SKU-${i}`, qty: i % 7, price: i * 1.25, note: i % 3 ? null : "gift" })),
};
let sink = 0;
const t0 = performance.now();
for (let i = 0; i < 20_000; i++) {
  record.id = i;
  sink += JSON.parse(JSON.stringify(record)).items.length;
}
console.log(`ms ${(performance.now() - t0).toFixed(1)} (${sink})`);
