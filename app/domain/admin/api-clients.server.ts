// Administration of Open311 API clients (ADMIN, manage:apiclient:any): create one (its key is
// returned once and never stored), revoke one. Each change writes an AuditLog row with the name
// and key prefix, never the key.
import { z } from "zod";
import type { Db } from "~/services/db.server";
import { generateApiKey, hashApiKey, keyPrefixOf } from "~/models/api-clients.server";

export const ApiClientFormSchema = z.object({
  name: z
    .string({ message: "open311Admin.error.nameRequired" })
    .trim()
    .min(3, { message: "open311Admin.error.nameRequired" })
    .max(120, { message: "open311Admin.error.tooLong" }),
});
export type ApiClientFormInput = z.infer<typeof ApiClientFormSchema>;

export async function createApiClient(db: Db, { input, actorUserId }: { input: ApiClientFormInput; actorUserId: string }): Promise<{ id: string; key: string }> {
  const key = generateApiKey();
  const keyPrefix = keyPrefixOf(key);
  return db.$transaction(async (tx) => {
    const client = await tx.apiClient.create({ data: { name: input.name, keyHash: hashApiKey(key), keyPrefix, createdById: actorUserId }, select: { id: true } });
    await tx.auditLog.create({ data: { actorUserId, action: "apiclient.created", entity: "api_client", entityId: client.id, data: { name: input.name, keyPrefix } } });
    return { id: client.id, key };
  });
}

export type RevokeOutcome = { ok: true } | { ok: false; reason: "not_found" | "already_revoked" };

export async function revokeApiClient(db: Db, { id, actorUserId, now }: { id: string; actorUserId: string; now: Date }): Promise<RevokeOutcome> {
  return db.$transaction(async (tx) => {
    const client = await tx.apiClient.findUnique({ where: { id }, select: { name: true, keyPrefix: true, revokedAt: true } });
    if (!client) return { ok: false, reason: "not_found" } as const;
    if (client.revokedAt) return { ok: false, reason: "already_revoked" } as const;
    await tx.apiClient.update({ where: { id }, data: { revokedAt: now } });
    await tx.auditLog.create({ data: { actorUserId, action: "apiclient.revoked", entity: "api_client", entityId: id, data: { name: client.name, keyPrefix: client.keyPrefix } } });
    return { ok: true } as const;
  });
}
