import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { paths } from "./paths.ts";
import { toPostgresSchema } from "./postgres-schema.ts";

mkdirSync(dirname(paths.postgresSchema), { recursive: true });
writeFileSync(paths.postgresSchema, toPostgresSchema(readFileSync(paths.schema, "utf8")));
