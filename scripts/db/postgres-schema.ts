/** Derives the PostgreSQL schema from the SQLite source schema (one model, two providers). */
export function toPostgresSchema(sqliteSchema: string): string {
  const header = "// GENERATED from prisma/schema.prisma by scripts/db/generate-postgres-schema.ts. Do not edit.\n";
  return (
    header +
    sqliteSchema
      .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
      .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/unused"')
      .replace(/output\s*=\s*"\.\.\/app\/generated\/prisma"/, 'output       = "../../app/generated/prisma-pg"')
  );
}
