// Reading GeoReport v2 query strings and POST bodies into what our domain functions take. Pure.
// Problems are i18n keys (with the Open311 field they concern), translated by the route.
import { MALADMINISTRATION_CHOOSER, todayInJakarta, VISIBILITIES, type ChooserValue, type ComplaintFormField, type Visibility } from "~/domain/complaints/complaint-form";
import { normalizeTrackingCode } from "~/domain/complaints/tracking-code";
import { CITY_BOUNDS, isInsideCity } from "~/domain/location/city-area";
import type { MessageKey, MessageVars } from "~/services/i18n";
import { INCIDENT_DATE_ATTRIBUTE, MALADMINISTRATION_ATTRIBUTE, parseW3cDate, VISIBILITY_ATTRIBUTE, type Open311Status } from "./georeport";

/** "The default query limit is a span of 90 days or first 1000 requests returned, whichever is smallest." */
export const MAX_REQUESTS = 1000;
export const MAX_RANGE_DAYS = 90;
const DAY_MS = 86_400_000;
/** Ids asked for at once in `service_request_id`. */
export const MAX_IDS = 100;

export interface Open311Problem {
  code: 400 | 403 | 404 | 429;
  key: MessageKey;
  vars?: MessageVars;
}

export type RequestQuery =
  | { kind: "ids"; trackingCodes: string[] }
  | { kind: "search"; serviceCodes: string[] | null; start: Date; end: Date; statuses: Open311Status[] | null };

const list = (value: string | null) =>
  (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");

/** GET requests: `service_request_id` (then every other filter is ignored, as the spec says), else service_code, dates and status. */
export function parseRequestQuery(params: URLSearchParams, now: Date): { ok: true; query: RequestQuery } | { ok: false; problems: Open311Problem[] } {
  const ids = list(params.get("service_request_id"));
  if (ids.length > 0) {
    if (ids.length > MAX_IDS) return { ok: false, problems: [{ code: 400, key: "open311.error.tooManyIds", vars: { max: MAX_IDS } }] };
    // An id that is not even a well-formed code cannot match; it is simply not found.
    return { ok: true, query: { kind: "ids", trackingCodes: [...new Set(ids.map((id) => normalizeTrackingCode(id)).filter((id): id is string => id !== null))] } };
  }
  const problems: Open311Problem[] = [];
  const date = (name: "start_date" | "end_date") => {
    const raw = params.get(name);
    if (raw === null || raw.trim() === "") return null;
    const parsed = parseW3cDate(raw);
    if (!parsed) problems.push({ code: 400, key: "open311.error.date", vars: { field: name } });
    return parsed;
  };
  const startRaw = date("start_date");
  const endRaw = date("end_date");
  const statuses = list(params.get("status")).map((s) => s.toLowerCase());
  const badStatus = statuses.find((s) => s !== "open" && s !== "closed");
  if (badStatus !== undefined) problems.push({ code: 400, key: "open311.error.status" });
  if (problems.length > 0) return { ok: false, problems };

  const end = endRaw ?? (startRaw ? new Date(Math.min(startRaw.getTime() + MAX_RANGE_DAYS * DAY_MS, now.getTime())) : now);
  const start = startRaw ?? new Date(end.getTime() - MAX_RANGE_DAYS * DAY_MS);
  if (start.getTime() > end.getTime()) return { ok: false, problems: [{ code: 400, key: "open311.error.dateOrder" }] };
  if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    return { ok: false, problems: [{ code: 400, key: "open311.error.dateRange", vars: { days: MAX_RANGE_DAYS } }] };
  }
  const serviceCodes = list(params.get("service_code")).map((code) => code.toUpperCase());
  return {
    ok: true,
    query: {
      kind: "search",
      serviceCodes: serviceCodes.length > 0 ? serviceCodes : null,
      start,
      end,
      statuses: statuses.length > 0 ? [...new Set(statuses as Open311Status[])] : null,
    },
  };
}

/** servicerequestupdates: start_date and end_date, same defaults and 90-day limit as requests. */
export function parseUpdatesQuery(params: URLSearchParams, now: Date): { ok: true; start: Date; end: Date } | { ok: false; problems: Open311Problem[] } {
  const reduced = new URLSearchParams();
  for (const name of ["start_date", "end_date"]) {
    const value = params.get(name);
    if (value !== null) reduced.set(name, value);
  }
  const parsed = parseRequestQuery(reduced, now);
  if (!parsed.ok) return parsed;
  if (parsed.query.kind !== "search") throw new Error("unreachable");
  return { ok: true, start: parsed.query.start, end: parsed.query.end };
}

// ───────────────────────────── POST requests ─────────────────────────────

/** The form values submitComplaint's schema reads (strings, as a browser would send them). */
export type ComplaintFormValues = Partial<Record<ComplaintFormField, string>>;

export interface PostedRequest {
  serviceCode: string;
  values: Omit<ComplaintFormValues, "productId" | "idempotencyKey">;
  location: { latitude: number; longitude: number } | null;
}

/** Which Open311 field a form error belongs to, so the client knows what to fix. */
export const OPEN311_FIELD: Partial<Record<ComplaintFormField | "form", string>> = {
  productId: "service_code",
  unitUnknown: "service_code",
  description: "description",
  incidentDate: `attribute[${INCIDENT_DATE_ATTRIBUTE}]`,
  address: "address_string",
  chooser: `attribute[${MALADMINISTRATION_ATTRIBUTE}]`,
  name: "first_name",
  email: "email",
  phone: "phone",
  visibility: `attribute[${VISIBILITY_ATTRIBUTE}]`,
  kecamatanCode: "address_string",
  kelurahanCode: "address_string",
  latitude: "lat",
  longitude: "long",
};

const chooserFor = (formCode: string): ChooserValue | undefined => MALADMINISTRATION_CHOOSER.find((c) => c.form === formCode)?.value;

/**
 * Maps a GeoReport POST body onto the citizen form. The citizen's consent to the privacy notice is
 * the API client's to collect before posting (the client agreement says so; ADR 012), so it is given
 * here; everything else is checked by the form's own schema in submitComplaint's caller.
 */
export function parsePostedRequest(body: Record<string, string>, now: Date): { ok: true; request: PostedRequest } | { ok: false; problems: Open311Problem[] } {
  const problems: Open311Problem[] = [];
  const get = (name: string) => (body[name] ?? "").trim();
  const serviceCode = get("service_code").toUpperCase();
  if (!serviceCode) problems.push({ code: 400, key: "open311.error.required", vars: { field: "service_code" } });

  const latRaw = get("lat");
  const longRaw = get("long");
  let location: PostedRequest["location"] = null;
  if (latRaw !== "" || longRaw !== "") {
    const latitude = Number(latRaw);
    const longitude = Number(longRaw);
    if (latRaw === "" || longRaw === "" || !Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      problems.push({ code: 400, key: "open311.error.location" });
    } else if (!isInsideCity(latitude, longitude)) {
      // The web form refuses the same pin (ADR 036): a request about another city is not ours to route.
      problems.push({ code: 400, key: "open311.error.locationOutsideCity", vars: { ...CITY_BOUNDS } });
    } else {
      // numeric(9,6): six decimals is ~10 cm, more than any phone's GPS.
      location = { latitude: Math.round(latitude * 1e6) / 1e6, longitude: Math.round(longitude * 1e6) / 1e6 };
    }
  }
  const address = get("address_string");
  // The spec: one of lat & long, address_string or address_id must be given.
  if (!location && address === "" && get("address_id") === "" && !problems.some((p) => p.key.startsWith("open311.error.location"))) {
    problems.push({ code: 400, key: "open311.error.locationRequired" });
  }

  const attribute = (code: string) => get(`attribute[${code}]`);
  const visibility = attribute(VISIBILITY_ATTRIBUTE).toUpperCase() || "PUBLIC";
  if (!(VISIBILITIES as readonly string[]).includes(visibility)) {
    problems.push({ code: 400, key: "open311.error.attributeValue", vars: { field: `attribute[${VISIBILITY_ATTRIBUTE}]` } });
  }
  const formCode = attribute(MALADMINISTRATION_ATTRIBUTE).toUpperCase();
  const chooser = formCode ? chooserFor(formCode) : undefined;
  if (formCode && !chooser) problems.push({ code: 400, key: "open311.error.attributeValue", vars: { field: `attribute[${MALADMINISTRATION_ATTRIBUTE}]` } });
  if (problems.length > 0) return { ok: false, problems };

  const name = [get("first_name"), get("last_name")].filter((part) => part !== "").join(" ");
  return {
    ok: true,
    request: {
      serviceCode,
      location,
      values: {
        description: get("description"),
        incidentDate: attribute(INCIDENT_DATE_ATTRIBUTE) || todayInJakarta(now),
        address,
        chooser: chooser ?? "",
        name,
        email: get("email"),
        phone: get("phone"),
        visibility: visibility as Visibility,
        consent: "on",
      },
    },
  };
}
