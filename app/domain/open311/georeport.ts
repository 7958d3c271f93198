// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) and the FixMyStreet
// servicerequestupdates extension: how complaints, products and timeline events look to an Open311
// client. Pure. The rows are built from what the publication rule let through
// (app/domain/publication/publication.ts, applied in published.server.ts); the row types have no
// field that could carry a complainant's identity. docs/decisions/012, 026, 027.
import type { ComplaintStatus } from "~/domain/complaints/workflow";
import { translate, type Locale, type MessageKey } from "~/services/i18n.server";
import type { ServiceSource } from "~/models/open311.server";
import { PUBLISHED_STATUSES, publicEventMessage } from "~/domain/publication/publication";
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

/**
 * The catch-all service for complaints filed without one ("Saya tidak tahu unit"). GeoReport
 * requires every request to name a service_code that `services` lists, so such a request is
 * published under the seeded product of this code (the coordinators' "Pengaduan Umum Pelayanan
 * Publik", whose complaints they verify and pass on); where a city has no such product, `services`
 * lists generalServiceRow instead. ADR 027.
 */
export const GENERAL_SERVICE_CODE = "PENGADUAN-UMUM";

export function generalServiceRow(locale: Locale): ServiceRow {
  const t = (key: MessageKey) => translate(locale, key);
  return {
    service_code: GENERAL_SERVICE_CODE,
    service_name: t("open311.general.name"),
    description: t("open311.general.description"),
    metadata: true,
    type: "realtime",
    keywords: "",
    group: t("open311.general.group"),
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

/** A complaint as the publication rule let it through: content and dates, never the complainant. */
export interface PublishedRequest {
  trackingCode: string;
  status: ComplaintStatus;
  /** Redacted by the publication rule; null when it could not be made safe. */
  description: string | null;
  productCode: string | null;
  productName: string | null;
  productNameEn: string | null;
  unitName: string | null;
  submittedAt: Date;
  updatedAt: Date;
  resolutionDueAt: Date | null;
  /** The citizen's address line as the publication rule let it through (left out for ANONIM). */
  address: string | null;
  kelurahanName: string | null;
  kecamatanName: string | null;
  /** Rounded per visibility by the publication rule. */
  latitude: number | null;
  longitude: number | null;
}

export interface ServiceRequestRow {
  service_request_id: string;
  status: Open311Status;
  status_notes: string;
  service_name: string | null;
  service_code: string;
  description: string | null;
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

/** GeoReport's limit on a request's description (the published schema's maxLength); ours allows 5,000. */
export const GEOREPORT_DESCRIPTION_MAX = 4000;

/** Cut at the last space before the limit, with an ellipsis, so a long complaint still validates. */
export function capDescription(text: string | null): string | null {
  if (text === null || text.length <= GEOREPORT_DESCRIPTION_MAX) return text;
  const cut = text.slice(0, GEOREPORT_DESCRIPTION_MAX - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > GEOREPORT_DESCRIPTION_MAX / 2 ? cut.slice(0, space) : cut}…`;
}

export function serviceRequestRow(request: PublishedRequest, locale: Locale): ServiceRequestRow {
  const status = open311Status(request.status);
  const address = [request.address, request.kelurahanName, request.kecamatanName].filter((part): part is string => Boolean(part)).join(", ");
  return {
    service_request_id: request.trackingCode,
    status,
    status_notes: statusNotes(request.status, locale),
    service_name: request.productCode ? ((locale === "en" ? request.productNameEn : request.productName) ?? null) : translate(locale, "open311.general.name"),
    service_code: request.productCode ?? GENERAL_SERVICE_CODE,
    description: capDescription(request.description),
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
  /** The complaint's visibility: the publication rule decides per visibility. */
  visibility: "PUBLIC" | "ANONIM" | "RAHASIA";
  /** As the publication rule let it through (identity blanked); this row applies the rule once more. */
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

export function requestUpdateRow(event: PublishedEvent, locale: Locale): RequestUpdateRow {
  const label = translate(locale, `open311.event.${event.type}` as MessageKey);
  // Staff messages on the public timeline are written for the public record; what a citizen wrote
  // is not (it may name them), so for those only the kind of event is published.
  const message = publicEventMessage(event.actorKind, event.message, { visibility: event.visibility, identity: null });
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
