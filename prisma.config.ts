import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The CLI must never try to download a native engine: these machines cannot reach the
// host it comes from. Placeholders make Prisma believe the engines are present; the JS
// schema engine (engine: "js") and the client-engine generator never load them.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= path.resolve("node_modules/.prisma-unused/libquery_engine.so.node");
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("node_modules/.prisma-unused/schema-engine");

const sqliteFile = process.env.SQLITE_PATH ?? "data/meedoen.db";

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  engine: "js",
  async adapter() {
    return new PrismaBetterSQLite3({ url: `file:${sqliteFile}` });
  },
});
