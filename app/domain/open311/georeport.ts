// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) and the FixMyStreet
// servicerequestupdates extension: how complaints, products and timeline events look to an Open311
// client. Pure and free of personal data by construction: the row types below have no field that
// could carry a complainant's identity, so nothing here can serialise one. docs/decisions/012.
import type { ComplaintStatus } from "~/domain/complaints/workflow";
import { translate, type Locale, type MessageKey } from "~/services/i18n.server";
import { toXmlDocument, type XmlValue } from "./xml";

export const GEOREPORT_SPEC_URL = "http://wiki.open311.org/GeoReport_v2";
export const OPEN311_BASE_PATH = "/open311/v2";
/** When this API last changed shape (discovery's changeset). */
export const OPEN311_CHANGESET = new Date("2026-11-23T00:00:00+07:00");

export const OPEN311_FORMATS = ["json", "xml"] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

export const CONTENT_TYPES: Record<Open311Format, string> = {
  json: "application/json; charset=utf-8",
  xml: "text/xml; charset=utf-8",
};

/** "services.json" → { name: "services", format: "json" }; null without a known format suffix. */
export function parseResourceSegment(segment: string): { name: string; format: Open311Format } | null {
  const dot = segment.lastIndexOf(".");
  if (dot <= 0) return null;
  const format = segment.slice(dot + 1).toLowerCase();
  if (!(OPEN311_FORMATS as readonly string[]).includes(format)) return null;
  return { name: segment.slice(0, dot), format: format as Open311Format };
}

/** W3C datetime in WIB (the spec asks for an explicit offset), e.g. 2026-11-23T18:05:00+07:00. */
export function toJakartaIso(date: Date): string {
  return `${new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

/**
 * Parses a W3C datetime (offset or Z required) or a plain date (midnight WIB). null when malformed.
 */
export function parseW3cDate(value: string): Date | null {
  const trimmed = value.trim();
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
  let ms: number;
  if (iso.test(trimmed)) ms = Date.parse(trimmed.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  else if (dateOnly.test(trimmed)) ms = Date.parse(`${trimmed}T00:00:00+07:00`);
  else return null;
  return Number.isNaN(ms) ? null : new Date(ms);
}

// ───────────────────────────── statuses ─────────────────────────────

/**
 * What may be published at all: complaints the coordinator has verified (so not SUBMITTED, ON_HOLD,
 * REJECTED or DUPLICATE: unverified content) and that are not RAHASIA (content not public). The
 * query applies the same rule; this is the check for a single row.
 */
export const PUBLISHED_STATUSES = [
  "VERIFIED",
  "ASSIGNED",
  "IN_PROGRESS",
  "AWAITING_CITIZEN",
  "RESOLVED",
  "REOPENED",
  "APPEALED",
  "CLOSED",
  "WITHDRAWN",
] as const satisfies readonly ComplaintStatus[];

export function isPublishable(complaint: { status: ComplaintStatus; visibility: string; verifiedAt: Date | null }): boolean {
  return complaint.visibility !== "RAHASIA" && complaint.verifiedAt !== null && (PUBLISHED_STATUSES as readonly string[]).includes(complaint.status);
}

export type Open311Status = "open" | "closed";

/** GeoReport v2 knows only open and closed; a proposed resolution is still open until confirmed. */
export function open311Status(status: ComplaintStatus): Open311Status {
  return status === "CLOSED" || status === "WITHDRAWN" || status === "REJECTED" || status === "DUPLICATE" ? "closed" : "open";
}

/** Complaint statuses behind an Open311 status, for the `status` filter. */
export function statusesFor(wanted: readonly Open311Status[]): ComplaintStatus[] {
  return PUBLISHED_STATUSES.filter((status) => wanted.includes(open311Status(status)));
}

export function statusNotes(status: ComplaintStatus, locale: Locale): string {
  return translate(locale, `open311.status.${status}` as MessageKey);
}

// ───────────────────────────── errors ─────────────────────────────

export interface Open311Error {
  code: number;
  description: string;
}

// ───────────────────────────── rows ─────────────────────────────

export interface DiscoveryDoc {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: { specification: string; url: string; changeset: string; type: "production" | "test"; formats: string[] }[];
}

export function discoveryDoc({ baseUrl, changeset, contact, keyService }: { baseUrl: string; changeset: Date; contact: string; keyService: string }): DiscoveryDoc {
  const stamp = toJakartaIso(changeset);
  return {
    changeset: stamp,
    contact,
    key_service: keyService,
    endpoints: [
      {
        specification: GEOREPORT_SPEC_URL,
        url: `${baseUrl.replace(/\/$/, "")}${OPEN311_BASE_PATH}`,
        changeset: stamp,
        type: "production",
        formats: ["application/json", "text/xml"],
      },
    ],
  };
}

/** A *produk layanan* as an Open311 service; the group is the unit that provides it. */
export interface ServiceSource {
  code: string;
  name: string;
  nameEn: string;
  description: string | null;
  unitName: string;
}

export interface ServiceRow {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: "realtime";
  keywords: string;
  group: string;
}

export function serviceRow(product: ServiceSource, locale: Locale): ServiceRow {
  const name = locale === "en" ? product.nameEn : product.name;
  return {
    service_code: product.code,
    service_name: name,
    description: product.description ?? name,
    // Every service has the attributes below (form of maladministration, visibility, date).
    metadata: true,
    type: "realtime",
    keywords: "",
    group: product.unitName,
  };
}

export const VISIBILITY_ATTRIBUTE = "visibility";
export const MALADMINISTRATION_ATTRIBUTE = "maladministration";
export const INCIDENT_DATE_ATTRIBUTE = "incident_date";

export interface AttributeDef {
  variable: boolean;
  code: string;
  datatype: "string" | "number" | "datetime" | "text" | "singlevaluelist" | "multivaluelist";
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export interface ServiceDefinition {
  service_code: string;
  attributes: AttributeDef[];
}

export function serviceDefinition(
  serviceCode: string,
  forms: readonly { code: string; nameId: string; nameEn: string }[],
  locale: Locale,
): ServiceDefinition {
  const t = (key: MessageKey) => translate(locale, key);
  return {
    service_code: serviceCode,
    attributes: [
      {
        variable: true,
        code: MALADMINISTRATION_ATTRIBUTE,
        datatype: "singlevaluelist",
        required: false,
        datatype_description: t("open311.attr.maladministration.datatype"),
        order: 1,
        description: t("open311.attr.maladministration.description"),
        values: forms.map((form) => ({ key: form.code, name: locale === "en" ? form.nameEn : form.nameId })),
      },
      {
        variable: true,
        code: VISIBILITY_ATTRIBUTE,
        datatype: "singlevaluelist",
        required: false,
        datatype_description: t("open311.attr.visibility.datatype"),
        order: 2,
        description: t("open311.attr.visibility.description"),
        values: (["PUBLIC", "RAHASIA", "ANONIM"] as const).map((key) => ({ key, name: t(`open311.visibility.${key}`) })),
      },
      {
        variable: true,
        code: INCIDENT_DATE_ATTRIBUTE,
        datatype: "string",
        required: false,
        datatype_description: t("open311.attr.incidentDate.datatype"),
        order: 3,
        description: t("open311.attr.incidentDate.description"),
      },
    ],
  };
}

/** What the queries hand to the serialiser: content and dates, never the complainant. */
export interface PublishedRequest {
  trackingCode: string;
  status: ComplaintStatus;
  description: string;
  productCode: string | null;
  productName: string | null;
  productNameEn: string | null;
  unitName: string | null;
  submittedAt: Date;
  updatedAt: Date;
  resolutionDueAt: Date | null;
  address: string | null;
  kelurahanName: string | null;
  kecamatanName: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface ServiceRequestRow {
  service_request_id: string;
  status: Open311Status;
  status_notes: string;
  service_name: string | null;
  service_code: string | null;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: null;
  zipcode: null;
  lat: number | null;
  long: number | null;
  media_url: null;
}

export function serviceRequestRow(request: PublishedRequest, locale: Locale): ServiceRequestRow {
  const status = open311Status(request.status);
  const address = [request.address, request.kelurahanName, request.kecamatanName].filter((part): part is string => Boolean(part)).join(", ");
  return {
    service_request_id: request.trackingCode,
    status,
    status_notes: statusNotes(request.status, locale),
    service_name: (locale === "en" ? request.productNameEn : request.productName) ?? null,
    service_code: request.productCode,
    description: request.description,
    agency_responsible: request.unitName,
    service_notice: null,
    requested_datetime: toJakartaIso(request.submittedAt),
    updated_datetime: toJakartaIso(request.updatedAt),
    // The unit's resolution deadline (working time, stored by the SLA clock); none once closed,
    // and none while the clock is paused waiting for the citizen.
    expected_datetime: status === "open" && request.resolutionDueAt ? toJakartaIso(request.resolutionDueAt) : null,
    address: address === "" ? null : address,
    address_id: null,
    zipcode: null,
    lat: request.latitude,
    long: request.longitude,
    // Attachments may show faces, documents and addresses: they are not published.
    media_url: null,
  };
}

/** One public timeline event, without its actor. */
export interface PublishedEvent {
  id: string;
  trackingCode: string;
  type: string;
  /** The complaint's status after the event (the event's toStatus, else the current status). */
  statusAfter: ComplaintStatus;
  occurredAt: Date;
  actorKind: "CITIZEN" | "STAFF" | "SYSTEM";
  message: string | null;
}

export interface RequestUpdateRow {
  update_id: string;
  service_request_id: string;
  status: Open311Status;
  updated_datetime: string;
  description: string;
  media_url: null;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Indonesian phone numbers as people write them: +62 / 62 / 0, then 8 and 7–12 more digits with
// optional spaces, dots or dashes between groups.
const PHONE = /(?:\+?62|\b0)[\s.-]?8(?:[\s.-]?\d){7,12}\b/g;

/**
 * Removes email addresses and phone numbers from a staff message before it is published: a reply
 * written to the citizen may quote how to reach them. (Names cannot be found this way; staff
 * guidance says public replies do not address the complainant by name: ADR 012.)
 */
export function redactContacts(text: string): string {
  return text.replace(EMAIL, "[…]").replace(PHONE, "[…]");
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Blanks a complainant's own name (whole and each word of three letters or more), email and phone
 * out of text about to be published, plus any email or phone number at all. The complainant's
 * description and the staff replies are free text: a citizen signs with their name, a clerk greets
 * them by it. Over-blanking a common word is the safe failure.
 */
export function redactIdentity(text: string, identity: { name: string | null; email: string | null; phone: string | null } | null): string {
  let out = redactContacts(text);
  if (!identity) return out;
  const needles = [identity.name, identity.email, identity.phone, ...(identity.name ?? "").split(/\s+/)]
    .map((needle) => needle?.trim() ?? "")
    .filter((needle) => needle.length >= 3)
    .sort((a, b) => b.length - a.length);
  for (const needle of needles) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, "giu"), "[…]");
  }
  return out;
}

export function requestUpdateRow(event: PublishedEvent, locale: Locale): RequestUpdateRow {
  const label = translate(locale, `open311.event.${event.type}` as MessageKey);
  // Staff messages on the public timeline are written for the public record. What a citizen
  // wrote is not: it may name them, so only the kind of event is published.
  const raw = event.actorKind === "CITIZEN" ? null : event.message?.trim() || null;
  const message = raw ? redactContacts(raw) : null;
  return {
    update_id: event.id,
    service_request_id: event.trackingCode,
    status: open311Status(event.statusAfter),
    updated_datetime: toJakartaIso(event.occurredAt),
    description: message ? `${label}: ${message}` : label,
    media_url: null,
  };
}

export interface PostedRequestRow {
  service_request_id: string;
  token: string;
  service_notice: string;
  account_id: null;
}

// ───────────────────────────── documents ─────────────────────────────

const XML_ITEMS: Record<string, string> = {
  endpoints: "endpoint",
  formats: "format",
  attributes: "attribute",
  values: "value",
};

type Kind = "discovery" | "services" | "service_definition" | "service_requests" | "service_request_updates" | "errors";

const LIST_ITEM: Record<Exclude<Kind, "discovery" | "service_definition">, string> = {
  services: "service",
  service_requests: "request",
  service_request_updates: "request_update",
  errors: "error",
};

/** The body of a response in the wanted format: JSON as the spec's arrays/objects, XML with its root and item names. */
export function renderDocument(format: Open311Format, kind: Kind, data: object): string {
  if (format === "json") return JSON.stringify(data);
  if (kind === "discovery" || kind === "service_definition") return toXmlDocument(kind, data as XmlValue, XML_ITEMS);
  return toXmlDocument(kind, data as XmlValue, { ...XML_ITEMS, [kind]: LIST_ITEM[kind] });
}
