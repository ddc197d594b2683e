import { defineConfig } from 'prisma/config';

// The CLI is used only for `prisma generate`; migrations are applied by src/db/migrate.ts
// because the CLI's native schema engine cannot be downloaded everywhere.
export default defineConfig({
  schema: 'prisma/sqlite/schema.prisma',
  migrations: { path: 'prisma/sqlite/migrations' },
});
