// Open311 API clients: keys are 32 random bytes shown once; only their sha256 is stored, so a
// database dump yields no usable key (a fast hash suffices for a 256-bit random secret, unlike a
// password). ADR 012.
import { createHash, randomBytes } from "node:crypto";
import type { DbClient } from "~/services/db-types.server";

const KEY_PREFIX = "lpk311_";

export function generateApiKey(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** What the admin list shows to tell keys apart: the fixed prefix and four characters. */
export function keyPrefixOf(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 4);
}

export interface ApiClientIdentity {
  id: string;
  name: string;
}

/** The active client holding `key`, its last use recorded; null for a missing, unknown or revoked key. */
export async function authenticateApiKey(db: DbClient, key: string | null | undefined, now: Date): Promise<ApiClientIdentity | null> {
  if (!key || key.length > 200) return null;
  const client = await db.apiClient.findUnique({ where: { keyHash: hashApiKey(key.trim()) }, select: { id: true, name: true, revokedAt: true } });
  if (!client || client.revokedAt) return null;
  await db.apiClient.update({ where: { id: client.id }, data: { lastUsedAt: now }, select: { id: true } });
  return { id: client.id, name: client.name };
}

export interface ApiClientRow {
  id: string;
  name: string;
  keyPrefix: string;
  createdAt: string;
  createdByName: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  requestCount: number;
}

export async function listApiClients(db: DbClient): Promise<ApiClientRow[]> {
  const rows = await db.apiClient.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      keyPrefix: true,
      createdAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdBy: { select: { name: true } },
      _count: { select: { complaints: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    keyPrefix: row.keyPrefix,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdBy?.name ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    requestCount: row._count.complaints,
  }));
}
