// A /healthz client in a process of its own, so that its clock keeps running while the server's
// event loop is busy: asks every INTERVAL_MS, one request at a time, until its stdin closes,
// then prints the latencies' percentiles as JSON on stdout. Usage: node healthz-probe.mjs <url>
const INTERVAL_MS = 20;
const url = `${process.argv[2]}/healthz`;
const latencies = [];
let errors = 0;
let running = true;
process.stdin.on("end", () => (running = false)).resume();

while (running) {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  latencies.push(performance.now() - started);
  if (!response.ok) errors++;
  await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
}
latencies.sort((a, b) => a - b);
const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
console.log(JSON.stringify({ requests: latencies.length, errors, p50_ms: at(0.5), p99_ms: at(0.99), max_ms: at(1) }));
