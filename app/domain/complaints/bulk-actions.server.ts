// Bulk actions from the inbox (issue #21): a unit head ticks several complaints and gives them to an
// officer, or accepts them, in one form post. Each complaint goes through performStaffAction, the
// same permission and workflow checks as one by one, each in its own transaction: one refusal
// never undoes the others, and the summary says which codes were refused and why.
import { z } from "zod";
import { canAccessComplaint, type UnitTree, type UserLike } from "~/domain/auth/permissions";
import { findComplaintCodes } from "~/models/inbox.server";
import type { Db } from "~/services/db.server";
import { canAssignInScope } from "./inbox.server";
import { performStaffAction, type StaffActionOutcome } from "./unit-actions.server";

export const BULK_INTENTS = ["bulk-assign", "bulk-acknowledge"] as const;
export type BulkIntent = (typeof BULK_INTENTS)[number];
export const BULK_MAX = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ids = z
  .array(z.string().trim().regex(UUID))
  .min(1, "inbox.bulk.error.none")
  .max(BULK_MAX, "inbox.bulk.error.tooMany")
  .transform((values) => [...new Set(values.map((value) => value.toLowerCase()))]);

export const BulkActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("bulk-assign"), ids, officerId: z.string().trim().regex(UUID, "inbox.bulk.error.officer") }),
  z.object({ intent: z.literal("bulk-acknowledge"), ids }),
]);
export type BulkActionInput = z.infer<typeof BulkActionSchema>;

/** The posted form as the schema reads it (`ids` repeats, one per ticked box). */
export function parseBulkForm(form: FormData) {
  return BulkActionSchema.safeParse({
    intent: form.get("intent"),
    ids: form.getAll("ids").filter((value): value is string => typeof value === "string"),
    officerId: form.get("officerId") ?? "",
  });
}

export const isBulkIntent = (value: unknown): value is BulkIntent => (BULK_INTENTS as readonly unknown[]).includes(value);

/**
 * Whether the user may post this bulk action at all: assigning is for those who may assign
 * somewhere (unit heads, the coordinator); accepting for unit staff (the workflow lets only
 * OFFICER and UNIT_HEAD acknowledge). Anyone else is refused wholesale (403), before any row.
 */
export function mayPostBulk(user: UserLike, intent: BulkIntent): boolean {
  if (intent === "bulk-assign") return canAssignInScope(user);
  return user.memberships.some((m) => m.role === "OFFICER" || m.role === "UNIT_HEAD");
}

export type BulkRefusal = Exclude<StaffActionOutcome, { ok: true }>["reason"];

export interface BulkSummary {
  intent: BulkIntent;
  /** Tracking codes done. */
  done: string[];
  /** Refused, with the code when the user may read the complaint (null: unknown or out of scope). */
  refused: { code: string | null; reason: BulkRefusal }[];
}

export async function performBulkAction(
  db: Db,
  { user, userId, input, tree, now }: { user: UserLike; userId: string; input: BulkActionInput; tree: UnitTree; now: Date },
): Promise<BulkSummary> {
  // Codes only of complaints the user may read: a forged id tells nobody what it names.
  const codes = new Map(
    (await findComplaintCodes(db, input.ids)).filter((row) => canAccessComplaint(user, row, tree, "read")).map((row) => [row.id, row.trackingCode]),
  );
  const summary: BulkSummary = { intent: input.intent, done: [], refused: [] };
  for (const complaintId of input.ids) {
    const code = codes.get(complaintId) ?? null;
    if (!code) {
      summary.refused.push({ code: null, reason: "not_found" });
      continue;
    }
    const outcome = await performStaffAction(db, {
      user,
      userId,
      complaintId,
      input: input.intent === "bulk-assign" ? { intent: "assign", officerId: input.officerId } : { intent: "acknowledge" },
      tree,
      now,
    });
    if (outcome.ok) summary.done.push(code);
    else summary.refused.push({ code, reason: outcome.reason });
  }
  return summary;
}

const REFUSALS: readonly BulkRefusal[] = ["not_found", "forbidden", "not_allowed_now", "invalid_officer", "invalid_unit", "same_unit"];
const CODE = /^[A-Z0-9-]{1,40}$/;

/**
 * The summary in the query string of the page the post redirects to (POST-redirect-GET):
 * `selesai=bulk-assign&berhasil=CODE,CODE&gagal=CODE~reason,~reason`. Codes and reasons only.
 */
export function summaryToSearch(summary: BulkSummary): URLSearchParams {
  const params = new URLSearchParams({ selesai: summary.intent });
  params.set("berhasil", summary.done.join(","));
  params.set("gagal", summary.refused.map((r) => `${r.code ?? ""}~${r.reason}`).join(","));
  return params;
}

/** Reads the summary back; anything malformed is dropped (the URL can be edited by hand). */
export function summaryFromSearch(params: URLSearchParams): BulkSummary | null {
  const intent = params.get("selesai");
  if (!isBulkIntent(intent)) return null;
  const done = (params.get("berhasil") ?? "")
    .split(",")
    .filter((code) => CODE.test(code))
    .slice(0, BULK_MAX);
  const refused = (params.get("gagal") ?? "")
    .split(",")
    .map((part) => {
      const [code = "", reason = "", ...rest] = part.split("~");
      if (rest.length > 0 || (code !== "" && !CODE.test(code)) || !(REFUSALS as readonly string[]).includes(reason)) return null;
      return { code: code || null, reason: reason as BulkRefusal };
    })
    .filter((refusal): refusal is BulkSummary["refused"][number] => refusal !== null)
    .slice(0, BULK_MAX);
  return { intent, done, refused };
}
