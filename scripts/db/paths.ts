import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const paths = {
  schema: join(root, "prisma/schema.prisma"),
  postgresSchema: join(root, "prisma/postgres/schema.prisma"),
  snapshot: join(root, "prisma/migrations/schema.snapshot.prisma"),
  sqliteMigrations: join(root, "prisma/migrations"),
  postgresMigrations: join(root, "prisma/postgres/migrations"),
};
