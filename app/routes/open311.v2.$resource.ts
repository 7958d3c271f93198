// Open311 GeoReport v2: discovery, services, requests (GET and POST) and the FixMyStreet
// servicerequestupdates extension (GET and POST), each as .json or .xml. ADR 012.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  discoveryDoc,
  GENERAL_SERVICE_CODE,
  generalServiceRow,
  OPEN311_CHANGESET,
  parseResourceSegment,
  requestUpdateRow,
  serviceRequestRow,
  serviceRow,
  statusesFor,
} from "~/domain/open311/georeport";
import { postServiceRequest } from "~/domain/open311/post-request.server";
import { postServiceRequestUpdate } from "~/domain/open311/post-update.server";
import { MAX_REQUESTS, parseRequestQuery, parseUpdatesQuery } from "~/domain/open311/requests";
import { findPublishedRequests, findPublishedUpdates } from "~/domain/open311/published.server";
import { PUBLISHED_STATUSES } from "~/domain/publication/publication";
import { listOpen311Services } from "~/models/open311.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { translate } from "~/services/i18n.server";
import {
  checkJurisdiction,
  guardOpen311Read,
  limitWrite,
  open311Errors,
  open311Locale,
  open311NotFound,
  open311Response,
  readOpen311Body,
  requireApiClient,
} from "~/domain/open311/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const read = await guardOpen311Read(request, params.resource);
  if (!read.ok) return read.response;
  const { name, format, locale } = read;
  const query = new URL(request.url).searchParams;
  const db = getDb();
  const now = appNow();

  switch (name) {
    case "discovery": {
      const { PUBLIC_BASE_URL } = getEnv();
      const doc = discoveryDoc({
        baseUrl: PUBLIC_BASE_URL,
        changeset: OPEN311_CHANGESET,
        contact: translate(locale, "open311.discovery.contact", { url: PUBLIC_BASE_URL }),
        keyService: translate(locale, "open311.discovery.keyService"),
      });
      return open311Response(format, "discovery", doc, { cache: "public, max-age=3600" });
    }
    case "services": {
      const services = await listOpen311Services(db);
      const rows = services.map((service) => serviceRow(service, locale));
      if (!rows.some((row) => row.service_code === GENERAL_SERVICE_CODE)) rows.push(generalServiceRow(locale));
      return open311Response(format, "services", rows, { cache: "public, max-age=300" });
    }
    case "requests": {
      const parsed = parseRequestQuery(query, now);
      if (!parsed.ok) return open311Errors(format, parsed.problems, locale);
      const q = parsed.query;
      const rows = await findPublishedRequests(
        db,
        q.kind === "ids" ? q : { ...q, statuses: q.statuses ? statusesFor(q.statuses) : PUBLISHED_STATUSES },
        MAX_REQUESTS,
      );
      return open311Response(format, "service_requests", rows.map((row) => serviceRequestRow(row, locale)));
    }
    case "servicerequestupdates": {
      const parsed = parseUpdatesQuery(query, now);
      if (!parsed.ok) return open311Errors(format, parsed.problems, locale);
      const events = await findPublishedUpdates(db, { start: parsed.start, end: parsed.end, limit: MAX_REQUESTS });
      return open311Response(format, "service_request_updates", events.map((event) => requestUpdateRow(event, locale)));
    }
    default:
      return open311NotFound(request, format);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const resource = parseResourceSegment(params.resource ?? "");
  if (!resource || request.method !== "POST" || !["requests", "servicerequestupdates"].includes(resource.name)) {
    return open311NotFound(request, resource?.format);
  }
  const { name, format } = resource;
  const locale = open311Locale(request);
  const db = getDb();
  const now = appNow();
  const body = await readOpen311Body(request);
  if (!body) return open311Errors(format, [{ code: 400, key: "open311.error.body" }], locale);
  const auth = await requireApiClient(db, body.api_key ?? new URL(request.url).searchParams.get("api_key") ?? undefined, now);
  if (!auth.ok) return open311Errors(format, [auth.problem], locale);
  const limited = await limitWrite(request, format, auth.client);
  if (limited) return limited;
  const jurisdiction = checkJurisdiction(body.jurisdiction_id);
  if (jurisdiction) return open311Errors(format, [jurisdiction], locale);

  if (name === "requests") {
    const outcome = await postServiceRequest(db, {
      apiClientId: auth.client.id,
      body,
      idempotencyHeader: request.headers.get("Idempotency-Key"),
      now,
      locale,
      publicBaseUrl: getEnv().PUBLIC_BASE_URL,
    });
    if (!outcome.ok) return open311Errors(format, outcome.problems, locale);
    return open311Response(format, "service_requests", [outcome.row], { status: outcome.duplicate ? 200 : 201, cache: "no-store" });
  }
  const outcome = await postServiceRequestUpdate(db, { apiClientId: auth.client.id, body, now, locale });
  if (!outcome.ok) return open311Errors(format, outcome.problems, locale);
  return open311Response(format, "service_request_updates", [outcome.row], { status: 201, cache: "no-store" });
}
