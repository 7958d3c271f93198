import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "~/services/zod.server";
import { EditUser, NewUser } from "~/components/admin/user-forms";
import { actOnUser, loadUserPage, type UserActionData, type UserPage } from "~/domain/admin/user-page.server";
import { requireUserAdmin } from "~/domain/admin/users.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { AdminErrorBoundary } from "~/components/admin-error-boundary";
import { pageTitle } from "~/services/meta";
import { readForm } from "~/services/form-body.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, args.params.id === NEW ? "admin.user.newTitle" : "admin.user.title");

const NEW = "baru";
const notFound = () => new Response("Not found", { status: 404 });

/** null for a new user ("baru"), the user id otherwise; 404 for anything else. */
function userIdOf(params: LoaderFunctionArgs["params"]): string | null {
  if (params.id === NEW) return null;
  const parsed = z.uuid().safeParse(params.id);
  if (!parsed.success) throw notFound();
  return parsed.data.toLowerCase();
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const admin = await requireUserAdmin(db, request, appNow());
  const page = await loadUserPage(db, userIdOf(params), admin.id);
  if (!page) throw notFound();
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const now = appNow();
  const admin = await requireUserAdmin(db, request, now);
  const id = userIdOf(params);
  const values: Record<string, string> = {};
  for (const [key, value] of await readForm(request)) if (typeof value === "string") values[key] = value;
  const result = await actOnUser(db, id, values, { actorUserId: admin.id, now, publicBaseUrl: getEnv().PUBLIC_BASE_URL });
  if (result.kind === "not_found") throw notFound();
  if (result.kind === "refused") return Response.json(result.data, { status: result.status });
  return redirect(`/staf/admin/pengguna/${result.userId}?selesai=${result.done}`);
}

export default function AdminUser() {
  const loaded = useLoaderData<typeof loader>() as UserPage;
  const data = useActionData<UserActionData>();
  return loaded.user ? <EditUser loaded={loaded} data={data} /> : <NewUser data={data} />;
}

export function ErrorBoundary() {
  return <AdminErrorBoundary back={{ to: "/staf/admin/pengguna", label: "admin.users.back" }} />;
}
