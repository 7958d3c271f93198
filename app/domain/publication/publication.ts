// The one rule for what of a complaint may leave the city's staff pages: Open311 today, and every
// public list, report page, map, CSV/GeoJSON export and mail to anyone but the complainant after it
// (DESIGN.md "What leaves the staff pages"; docs/decisions/026-one-publication-rule.md).
//
// Outputs never pick complaint fields themselves: they hand this module the complaint's visibility,
// its status and the complainant's identity (read only to be blanked out, never shown), and publish
// what comes back. A field the rule cannot make safe comes back as null and is left out. Pure.
import type { Visibility } from "~/domain/complaints/complaint-form";
import type { ComplaintStatus } from "~/domain/complaints/workflow";

/**
 * What may be published at all: complaints the coordinator has verified (so not SUBMITTED, ON_HOLD,
 * REJECTED or DUPLICATE: unverified content) and that are not RAHASIA (content not public).
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

/** Every field a citizen types that a public output could want to show. */
export const CITIZEN_TEXT_FIELDS = ["description", "address", "citizenMessage", "attachmentName"] as const;
export type CitizenTextField = (typeof CITIZEN_TEXT_FIELDS)[number];

/** "redact": published with contact-shaped text and the complainant's identity blanked; "omit": never published. */
export type FieldRule = "redact" | "omit";

/**
 * Per visibility, per field. The reasons, field by field:
 * - description: the complaint itself; PUBLIC and ANONIM publish it, blanked.
 * - address (the "Alamat atau patokan" line): for ANONIM it is left out. A landmark points at a
 *   place ("depan rumah Pak Rahmat", "warung sebelah rumah saya") and no pattern tells a street from
 *   the complainant's own door; kelurahan and kecamatan (reference data) still say where.
 * - citizenMessage (answers to a question, appeal text, withdrawal and rejection reasons): written
 *   to the unit, not to the public, and routinely signed; never published (ADR 012).
 * - attachmentName: a phone names files after people and dates ("KTP Budi.jpg"); attachments are not
 *   published, so neither are their names.
 * RAHASIA: nothing (isPublishable is false as well).
 */
export const PUBLICATION_RULES: Record<Visibility, Record<CitizenTextField, FieldRule>> = {
  PUBLIC: { description: "redact", address: "redact", citizenMessage: "omit", attachmentName: "omit" },
  ANONIM: { description: "redact", address: "omit", citizenMessage: "omit", attachmentName: "omit" },
  RAHASIA: { description: "omit", address: "omit", citizenMessage: "omit", attachmentName: "omit" },
};

/**
 * Decimal places of a published pin, per visibility (six is the stored precision, ~10 cm). A PUBLIC
 * pin says where the service failed (an office, a road) and is published as given. Since the form's
 * "use my location" (#14, ADR 036) an ANONIM pin can be where the complainant stands, their own
 * door: three decimals (~110 m) still say which street, not which house (ADR 026).
 */
export const PUBLISHED_COORDINATE_DECIMALS: Record<Visibility, number | null> = { PUBLIC: 6, ANONIM: 3, RAHASIA: null };

/** The complainant as stored, read only to blank them out of published text. */
export interface IdentityToBlank {
  name: string | null;
  email: string | null;
  phone: string | null;
  nik?: string | null;
  address?: string | null;
}

export interface PublicationSubject {
  visibility: Visibility;
  identity: IdentityToBlank | null;
  /** The coordinator hid the citizen's text from the public (moderation, ADR 037): none of it is published. */
  textHidden?: boolean;
}

export const REDACTED = "[…]";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Indonesian mobile numbers as people write them: +62 / 62 / 0, then 8 and 7–12 more digits with
// optional spaces, dots or dashes between groups.
const MOBILE = /(?:\+?62|\b0)[\s.-]?8(?:[\s.-]?\d){7,12}\b/g;
// Fixed lines: an area code of 2–3 digits after 0 (Pangkalpinang is 0717), in brackets or not, or
// after +62 / 62, then 5–8 digits in any grouping. Dates (01-12-2026), times (08.30) and rupiah
// amounts (50.000) do not fit: the area code needs three or four digits with its 0 in one run.
const LANDLINE = /(?:\(0\d{2,3}\)|(?:\+62|\b62)[\s.-]?\(?[1-9]\d{1,2}\)?|\b0[1-9]\d{1,2})(?:[\s.-]?\d){5,8}\b/g;
// NIK (Nomor Induk Kependudukan): 16 digits, sometimes written in groups.
const NIK = /\b\d(?:[\s.-]?\d){15}\b/g;

/**
 * Removes e-mail addresses, Indonesian phone numbers (mobile and fixed) and NIK-shaped numbers.
 * Over-blanking a number that only looks like one is the safe failure.
 */
export function redactContacts(text: string): string {
  return text.replace(EMAIL, REDACTED).replace(NIK, REDACTED).replace(MOBILE, REDACTED).replace(LANDLINE, REDACTED);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Blanks a complainant's own name (whole and each word of three letters or more), e-mail, phone,
 * NIK and address out of text about to be published, plus any contact-shaped text at all. The
 * complainant's description and the staff replies are free text: a citizen signs with their name,
 * a clerk greets them by it.
 */
export function redactIdentity(text: string, identity: IdentityToBlank | null): string {
  let out = redactContacts(text);
  if (!identity) return out;
  const needles = [identity.name, identity.email, identity.phone, identity.nik, identity.address, ...(identity.name ?? "").split(/\s+/)]
    .map((needle) => needle?.trim() ?? "")
    .filter((needle) => needle.length >= 3)
    .sort((a, b) => b.length - a.length);
  for (const needle of needles) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, "giu"), REDACTED);
  }
  return out;
}

/** A citizen-typed field as it may be published; null when it must be left out (or is empty). */
export function publicCitizenText(field: CitizenTextField, text: string | null | undefined, subject: PublicationSubject): string | null {
  if (text === null || text === undefined || subject.textHidden) return null;
  if (PUBLICATION_RULES[subject.visibility][field] === "omit") return null;
  const published = redactIdentity(text, subject.identity).trim();
  return published === "" ? null : published;
}

/**
 * Staff text on the public timeline is written for the public record, but a reply may still quote
 * how to reach the complainant or greet them by name; those are blanked. Nothing for RAHASIA.
 */
export function publicStaffText(text: string | null | undefined, subject: PublicationSubject): string | null {
  if (text === null || text === undefined || subject.visibility === "RAHASIA") return null;
  const published = redactIdentity(text, subject.identity).trim();
  return published === "" ? null : published;
}

/** A public timeline event's message: a citizen's words are never published, staff words blanked. */
export function publicEventMessage(actorKind: "CITIZEN" | "STAFF" | "SYSTEM", message: string | null, subject: PublicationSubject): string | null {
  return actorKind === "CITIZEN" ? publicCitizenText("citizenMessage", message, subject) : publicStaffText(message, subject);
}

/** The pin as it may be published: rounded per visibility, or none. */
export function publicLocation(
  location: { latitude: number | null; longitude: number | null },
  subject: Pick<PublicationSubject, "visibility">,
): { latitude: number; longitude: number } | null {
  const decimals = PUBLISHED_COORDINATE_DECIMALS[subject.visibility];
  if (decimals === null || location.latitude === null || location.longitude === null) return null;
  const round = (value: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
  return { latitude: round(location.latitude), longitude: round(location.longitude) };
}
