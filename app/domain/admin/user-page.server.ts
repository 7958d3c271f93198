// The admin page of one staff account (/staf/admin/pengguna/:id, or "baru" for a new one): what it
// shows, and what a posted form comes to.
import { listUnitTree } from "~/domain/admin/units.server";
import { changeUser, createStaffUser, CreateUserSchema, getUserForAdmin, isUserIntent, UserActionSchema, userRefusalField, type UserIntent } from "~/domain/admin/users.server";
import type { Db } from "~/services/db.server";
import { firstIssuePerField } from "~/services/form-errors";

export type UserFormIntent = "create" | UserIntent;
export type UserActionData = { intent: UserFormIntent | null; errors: Record<string, string>; values: Record<string, string> };
export type UserPage = NonNullable<Awaited<ReturnType<typeof loadUserPage>>>;

/** `id` null is the new-user form; null back when there is no such user. */
export async function loadUserPage(db: Db, id: string | null, adminId: string) {
  if (id === null) return { user: null, units: [], self: false };
  const row = await getUserForAdmin(db, id);
  if (!row) return null;
  const { passwordHash, ...user } = row;
  const units = (await listUnitTree(db)).filter((unit) => unit.isActive).map((unit) => ({ id: unit.id, label: `${"— ".repeat(unit.depth)}${unit.name} (${unit.code})` }));
  // Only whether a password exists leaves the server, never the hash.
  return { user: { ...user, hasPassword: passwordHash !== null, lastLoginAt: user.lastLoginAt?.toISOString() ?? null }, units, self: adminId === id };
}

export type UserActionResult =
  | { kind: "refused"; status: number; data: UserActionData }
  | { kind: "not_found" }
  | { kind: "done"; userId: string; done: string };

export async function actOnUser(
  db: Db,
  id: string | null,
  values: Record<string, string>,
  context: { actorUserId: string; now: Date; publicBaseUrl: string },
): Promise<UserActionResult> {
  if (id === null) {
    const fail = (errors: Record<string, string>, status: number): UserActionResult => ({ kind: "refused", status, data: { intent: "create", errors, values } });
    const parsed = CreateUserSchema.safeParse(values);
    if (!parsed.success) return fail(firstIssuePerField(parsed.error) as Record<string, string>, 400);
    const outcome = await createStaffUser(db, parsed.data, context);
    if (!outcome.ok) return fail({ email: "admin.refusal.email_taken" }, 409);
    return { kind: "done", userId: outcome.userId, done: "created" };
  }

  const intent = isUserIntent(values.intent) ? values.intent : null;
  const fail = (errors: Record<string, string>, status: number): UserActionResult => ({ kind: "refused", status, data: { intent, errors, values } });
  const parsed = UserActionSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = firstIssuePerField(parsed.error) as Record<string, string>;
    if (!intent) errors.form = "form.error.invalid";
    return fail(errors, 400);
  }
  const outcome = await changeUser(db, id, parsed.data, context);
  if (!outcome.ok) {
    if (outcome.reason === "not_found" && parsed.data.intent !== "removeMembership") return { kind: "not_found" };
    return fail({ [userRefusalField(outcome.reason)]: `admin.refusal.${outcome.reason}` }, outcome.reason === "not_found" ? 404 : 409);
  }
  return { kind: "done", userId: id, done: outcome.intent };
}
