// Open311 GeoReport v2: one service request, requests/{service_request_id}.(json|xml). A RAHASIA or
// unverified complaint is not found, exactly like a code that does not exist.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { normalizeTrackingCode } from "~/domain/complaints/tracking-code";
import { parseResourceSegment, serviceRequestRow } from "~/domain/open311/georeport";
import { findPublishedRequest } from "~/domain/open311/published.server";
import { getDb } from "~/services/db.server";
import { checkJurisdiction, limitRead, open311Errors, open311Locale, open311NotFound, open311Response } from "~/domain/open311/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const resource = parseResourceSegment(params.id ?? "");
  if (!resource) return open311NotFound(request);
  const { name, format } = resource;
  const locale = open311Locale(request);
  const limited = await limitRead(request, format);
  if (limited) return limited;
  const jurisdiction = checkJurisdiction(new URL(request.url).searchParams.get("jurisdiction_id"));
  if (jurisdiction) return open311Errors(format, [jurisdiction], locale);
  const code = normalizeTrackingCode(name);
  const row = code ? await findPublishedRequest(getDb(), code) : null;
  if (!row) return open311Errors(format, [{ code: 404, key: "open311.error.requestNotFound", vars: { id: name } }], locale);
  return open311Response(format, "service_requests", [serviceRequestRow(row, locale)]);
}
