// A /lapor form that passes every check (honeypot included), shared by the suites that file
// complaints over HTTP, and the same complaint filed directly through the domain function;
// each test overrides what it is about.
import { randomBytes } from "node:crypto";
import type { ComplaintFormInput } from "~/domain/complaints/complaint-form-schema";
import { submitComplaint } from "~/domain/complaints/submit-complaint.server";
import type { Db } from "~/services/db.server";
import { createHoneypotFields } from "~/services/honeypot.server";
import { appSecret } from "~/services/secrets.server";

/** The seeded product and place a test complaint is filed for. */
export interface ComplaintPlace {
  productId: string;
  kecamatanCode: string;
  kelurahanCode: string;
}

/** The form's fields; an override of `undefined` leaves that field out. */
export function complaintFields(place: ComplaintPlace, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    productId: place.productId,
    description: "Pembuatan KTP-el saya sudah tiga minggu belum selesai padahal dijanjikan satu minggu.",
    incidentDate: "2026-11-02",
    kecamatanCode: place.kecamatanCode,
    kelurahanCode: place.kelurahanCode,
    address: "Jl. Contoh No. 1",
    chooser: "slow",
    name: "Siti Aminah",
    email: "siti.aminah@example.test",
    phone: "0812 3456 7890",
    visibility: "PUBLIC",
    consent: "on",
    idempotencyKey: randomBytes(18).toString("base64url"),
    // A citizen who is shown similar open reports (ADR 038) answers "mine is different, continue".
    similarDecision: "different",
    ...createHoneypotFields(appSecret(), Date.now() - 10_000),
    ...overrides,
  };
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export function toFormData(fields: Record<string, string>, files: { name: string; bytes: Uint8Array; type?: string }[] = []): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) form.append("attachments", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.name);
  return form;
}

/**
 * Files a valid complaint through the domain function itself (no HTTP), at a clock the test chooses;
 * each test overrides what it is about. Throws on field errors, so a broken fixture fails loudly.
 */
export async function fileComplaintAt(db: Db, now: Date, overrides: Partial<ComplaintFormInput> = {}): Promise<string> {
  const outcome = await submitComplaint(
    db,
    {
      unitUnknown: false,
      description: "KTP-el belum jadi padahal sudah lewat waktu yang dijanjikan.",
      incidentDate: "2026-01-05",
      name: "Warga Uji",
      phone: "081200000000",
      visibility: "PUBLIC",
      consent: true,
      idempotencyKey: randomBytes(18).toString("base64url"),
      ...overrides,
    },
    { now, locale: "id", publicBaseUrl: "http://localhost" },
  );
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors));
  return outcome.complaintId;
}
