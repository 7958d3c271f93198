// Shared helpers of the security suite (tests/security/*.test.ts): distinct client addresses
// (the server trusts X-Forwarded-For with TRUST_PROXY=1, so per-network limits never stop a
// fuzz run), filing a complaint through /lapor, row counts of everything a complaint writes, staff logins.
import { expect } from "vitest";
import type { Db } from "~/services/db.server";
import { complaintFields, toFormData, type ComplaintPlace } from "../support/complaint-form";

let clientCounter = 0;
/** A fresh client address per call; `block` keeps files apart in the logs. */
export function nextIp(block = 88): string {
  const n = clientCounter++;
  return `10.${block}.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
}

export interface Catalogue extends ComplaintPlace {
  otherProductId: string;
}

export async function loadCatalogue(db: Db): Promise<Catalogue> {
  const product = await db.serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
  const dinkes = await db.serviceUnit.findUniqueOrThrow({ where: { code: "DINKES" } });
  const other = await db.serviceProduct.findFirstOrThrow({ where: { unitId: dinkes.id, isActive: true } });
  const kelurahan = await db.region.findFirstOrThrow({ where: { kind: "KELURAHAN" } });
  return { productId: product.id, otherProductId: other.id, kecamatanCode: kelurahan.parentCode!, kelurahanCode: kelurahan.code };
}

export function receiptOf(html: string): { code: string; pin: string } {
  const code = html.match(/data-testid="tracking-code">([^<]+)</)?.[1];
  const pin = html.match(/data-testid="tracking-pin">(\d{6})</)?.[1];
  if (!code || !pin) throw new Error(`no receipt in the page:\n${html.replace(/<script[\s\S]*?<\/script>/g, "").slice(0, 800)}`);
  return { code, pin };
}

/** Files a complaint through /lapor; returns its id, code and PIN. */
export async function fileComplaint(baseUrl: string, db: Db, catalogue: Catalogue, overrides: Record<string, string | undefined> = {}) {
  const response = await fetch(`${baseUrl}/lapor`, { method: "POST", body: toFormData(complaintFields(catalogue, overrides)), headers: { "x-forwarded-for": nextIp(99) } });
  const html = await response.text();
  expect(response.status, html.match(/class="field__error"[^>]*>[^<]*/g)?.join(" | ")).toBe(200);
  const receipt = receiptOf(html);
  const complaint = await db.complaint.findUniqueOrThrow({ where: { trackingCode: receipt.code }, select: { id: true } });
  return { id: complaint.id, ...receipt };
}

/** Every table a complaint submission or a citizen action writes to. */
export async function rowCounts(db: Db) {
  const [complaint, complainant, attachment, attachmentBlob, outbox, event, email] = await Promise.all([
    db.complaint.count(),
    db.complainant.count(),
    db.attachment.count(),
    db.attachmentBlob.count(),
    db.outboxMessage.count(),
    db.complaintEvent.count(),
    db.emailMessage.count(),
  ]);
  return { complaint, complainant, attachment, attachmentBlob, outbox, event, email };
}

/** Signs a staff account in; returns the `name=value` part of the session cookie. */
export async function login(baseUrl: string, email: string, password: string): Promise<{ cookie: string; setCookie: string }> {
  const response = await fetch(`${baseUrl}/staf/masuk`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
    headers: { "x-forwarded-for": nextIp(77) },
  });
  expect(response.status).toBe(302);
  const setCookie = response.headers.get("set-cookie") ?? "";
  return { cookie: setCookie.split(";")[0] ?? "", setCookie };
}

/** Opens the tracking page with code and PIN; returns the access cookie as sent. */
export async function openTracking(baseUrl: string, code: string, pin: string): Promise<{ cookie: string; setCookie: string }> {
  const response = await fetch(`${baseUrl}/lacak`, { method: "POST", body: new URLSearchParams({ kode: code, pin }), redirect: "manual", headers: { "x-forwarded-for": nextIp(66) } });
  expect(response.status).toBe(302);
  const setCookie = response.headers.get("set-cookie") ?? "";
  return { cookie: setCookie.split(";")[0] ?? "", setCookie };
}

/** Parses one Set-Cookie value into its name, value and attributes (lower-cased names). */
export function parseSetCookie(header: string): { name: string; value: string; attributes: Map<string, string> } {
  const [pair = "", ...rest] = header.split(";").map((part) => part.trim());
  const eq = pair.indexOf("=");
  const attributes = new Map<string, string>();
  for (const part of rest) {
    const i = part.indexOf("=");
    attributes.set((i === -1 ? part : part.slice(0, i)).toLowerCase(), i === -1 ? "" : part.slice(i + 1));
  }
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
}
