// An attachment on a complaint's public timeline, for the holder of its tracking access.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentResponse, openAttachmentForCitizen } from "~/domain/complaints/attachment-download.server";
import { normalizeTrackingCode } from "~/domain/complaints/tracking-code";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const trackingCode = normalizeTrackingCode(params.code ?? "");
  if (!trackingCode) throw new Response("Not found", { status: 404 });
  const download = await openAttachmentForCitizen(getDb(), {
    trackingCode,
    attachmentId: params.id ?? "",
    cookieHeader: request.headers.get("Cookie"),
    now: appNow(),
    storageDir: getEnv().STORAGE_DIR,
  });
  if (!download.ok) throw new Response("Not found", { status: 404 });
  return attachmentResponse(download.file);
}
