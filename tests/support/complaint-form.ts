// A /lapor form that passes every check (honeypot included), shared by the suites that file
// complaints over HTTP; each test overrides what it is about.
import { randomBytes } from "node:crypto";
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
