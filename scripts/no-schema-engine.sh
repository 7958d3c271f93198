#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on our machines.
# `prisma generate` only needs the path to exist; anything that would run it fails loudly.
echo "schema-engine is not available on this machine: migrations are applied by prisma/migrate.ts (docs/decisions/002-offline-sql-migrations.md)" >&2
exit 1
