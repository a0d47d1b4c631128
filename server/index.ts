import { ConfigError, config } from "../app/lib/config.server.ts";
import { startServer } from "./app.ts";
import { log } from "./logger.ts";

try {
  config();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const server = await startServer();
log.info("listening", { url: `http://localhost:${server.port}`, database: config().database.provider });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("shutting down", { signal });
  // A stuck connection must not keep the process alive past the orchestrator's patience.
  setTimeout(() => process.exit(1), 10_000).unref();
  await server.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
