// Open311 GeoReport v2: tokens/{token}.(json|xml). We answer POSTs with the service_request_id at
// once, so a token only ever maps back to it (for clients that keep tokens).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isUuid } from "~/models/inbox.server";
import { findToken } from "~/models/open311.server";
import { getDb } from "~/services/db.server";
import { guardOpen311Read, open311Errors, open311Response } from "~/domain/open311/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const read = await guardOpen311Read(request, params.token);
  if (!read.ok) return read.response;
  const { name, format, locale } = read;
  const found = isUuid(name) ? await findToken(getDb(), name.toLowerCase()) : null;
  if (!found) return open311Errors(format, [{ code: 404, key: "open311.error.tokenNotFound" }], locale);
  return open311Response(format, "service_requests", [{ service_request_id: found.trackingCode, token: name.toLowerCase() }], { cache: "no-store" });
}
