// Open311 GeoReport v2: one service request, requests/{service_request_id}.(json|xml). A RAHASIA or
// unverified complaint is not found, exactly like a code that does not exist.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { normalizeTrackingCode } from "~/domain/complaints/tracking-code";
import { serviceRequestRow } from "~/domain/open311/georeport";
import { findPublishedRequest } from "~/domain/open311/published.server";
import { getDb } from "~/services/db.server";
import { guardOpen311Read, open311Errors, open311Response } from "~/domain/open311/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const read = await guardOpen311Read(request, params.id);
  if (!read.ok) return read.response;
  const { name, format, locale } = read;
  const code = normalizeTrackingCode(name);
  const row = code ? await findPublishedRequest(getDb(), code) : null;
  if (!row) return open311Errors(format, [{ code: 404, key: "open311.error.requestNotFound", vars: { id: name } }], locale);
  return open311Response(format, "service_requests", [serviceRequestRow(row, locale)]);
}
