// A complaint's attachment for staff who may read the complaint; every download audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentResponse, openAttachmentForStaff } from "~/domain/complaints/attachment-download.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { requireStaffUser } from "~/services/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const user = await requireStaffUser(db, request, appNow());
  const download = await openAttachmentForStaff(db, { user, attachmentId: params.id ?? "", storageDir: getEnv().STORAGE_DIR });
  if (!download.ok) throw new Response(download.status === 403 ? "Forbidden" : "Not found", { status: download.status });
  return attachmentResponse(download.file);
}
