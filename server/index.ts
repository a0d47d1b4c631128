import { ConfigError, config } from "../app/lib/config.server.ts";
import { startServer } from "./app.ts";
import { log } from "./logger.ts";
import { DEMO_PASSWORD, demoPeople } from "../prisma/demo-people.ts";

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
const address = config().PUBLIC_ORIGIN ?? `http://localhost:${server.port}`;
log.info("listening", { url: address, database: config().database.provider });
// The one line that is not JSON: what a person who just typed `npm start` needs (decision 046).
if (server.demoAccounts) {
  process.stdout.write(`Meedoen is running: open ${address} and sign in as ${demoPeople[0]!.email} with password ${DEMO_PASSWORD}\n`);
}

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
