// No page carries a NUL byte (ADR 028). React 18.3's Node stream writer (renderToPipeableStream)
// sent the unwritten tail of its 2 KiB buffer, zeros, whenever a multi-byte character fell across
// the buffer's end: staff pages showed U+0000 beside `·`, `–` and `—`. Here unit and product names
// and complaint texts are full of characters of every UTF-8 length (2, 3 and 4 bytes) in short
// strings, so that page after page puts one across a 2 KiB boundary, and every public and staff
// page, and the Open311 XML, is read byte by byte.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { useTestServer } from "../e2e/support/browser";
import { fileComplaint, loadCatalogue, login, nextIp, type Catalogue } from "./support";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;
const PASSWORD = "kata-sandi-nul-uji-2026";

// Strings shorter than 683 characters go through the writer's buffer (longer ones are encoded
// whole and never hit the bug), so each name gets a short run of mixed-width characters. The
// runs differ in length from row to row so the boundaries fall in different places.
const WIDE = ["·", "–", "—", "é", "中", "😀", "ā", "€"];
function wideText(seed: number): string {
  let text = "";
  for (let i = 0; i < 6 + (seed % 11); i++) text += WIDE[(seed + i) % WIDE.length]! + (i % 3 === 0 ? " " : "");
  return text;
}

let catalogue: Catalogue;
let unitId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  catalogue = await loadCatalogue(db());
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  const units = await db().serviceUnit.findMany({ select: { id: true, name: true, shortName: true, code: true } });
  let n = 0;
  for (const unit of units) {
    n += 1;
    await db().serviceUnit.update({ where: { id: unit.id }, data: { name: `${unit.name} ${wideText(n)}`, shortName: `${unit.shortName} ${wideText(n + 3)}` } });
  }
  unitId = units.find((unit) => unit.code === "DISDUKCAPIL")!.id;
  const products = await db().serviceProduct.findMany({ select: { id: true, name: true, nameEn: true } });
  for (const product of products) {
    n += 1;
    await db().serviceProduct.update({ where: { id: product.id }, data: { name: `${product.name} ${wideText(n)}`, nameEn: `${product.nameEn} ${wideText(n + 5)}` } });
  }
  // Complaints in every stage the staff lists and the Open311 feed show, with wide descriptions.
  for (let i = 0; i < 12; i++) {
    const filed = await fileComplaint(server.baseUrl, db(), catalogue, {
      description: `Pengaduan ${i}: petugas loket meminta biaya tambahan ${wideText(i)} tanpa kuitansi ${wideText(i + 1)} — sudah dua kali · ${wideText(i + 2)}`,
      address: `Jl. Merdeka ${i} ${wideText(i + 4)}`,
      visibility: "PUBLIC",
    });
    if (i % 3 === 0) continue; // left at triage
    for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"]] as const) {
      const outcome = await applyTransition(db(), { complaintId: filed.id, action, actor, now: new Date() });
      expect(outcome.ok, `${action} ${i}`).toBe(true);
    }
  }
  for (const role of ["COORDINATOR", "LIAISON", "ADMIN", "OFFICER", "UNIT_HEAD", "INSPECTORATE"] as const) {
    cookies[role] = (await login(server.baseUrl, DEMO_ACCOUNTS.find((a) => a.role === role)!.email, PASSWORD)).cookie;
  }
}, 120_000);

async function bodyOf(path: string, cookie = "", lang = "id") {
  const response = await fetch(`${server.baseUrl}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`, { headers: { cookie, "x-forwarded-for": nextIp(71) }, redirect: "manual" });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Where a NUL is, with the text around it, so a failure shows what was being written. */
function nulReport(bytes: Buffer): string {
  const at = bytes.indexOf(0);
  if (at === -1) return "";
  const count = bytes.reduce((sum, byte) => sum + (byte === 0 ? 1 : 0), 0);
  return `${count} NUL byte(s), first at ${at}: …${bytes.subarray(Math.max(0, at - 60), at + 20).toString("utf8").replaceAll("\u0000", "␀")}…`;
}

function expectNoNul(label: string, status: number, bytes: Buffer) {
  expect(status, label).toBe(200);
  // Large enough to cross several 2 KiB boundaries, or the check proves nothing.
  expect(bytes.length, label).toBeGreaterThan(8 * 1024);
  expect(nulReport(bytes), label).toBe("");
}

describe("no NUL byte in any document", () => {
  it("public pages and the Open311 XML, in both languages", async () => {
    const paths = ["/", "/statistik", "/lapor", "/lacak", "/open311/v2/services.xml", "/open311/v2/requests.xml", "/open311/v2/services.json"];
    for (const lang of ["id", "en"]) {
      for (const path of paths) {
        const { status, bytes } = await bodyOf(path, "", lang);
        expectNoNul(`${path} (${lang})`, status, bytes);
      }
    }
  });

  it("staff pages, signed in as the roles that read them", async () => {
    const pages: [string, keyof typeof cookies & string][] = [
      ["/staf/triase", "COORDINATOR"],
      ["/staf/kotak-masuk", "OFFICER"],
      ["/staf/kotak-masuk", "UNIT_HEAD"],
      ["/staf/laporan", "LIAISON"],
      ["/staf/laporan", "INSPECTORATE"],
      ["/staf/kepatuhan", "LIAISON"],
      ["/staf/admin/unit", "ADMIN"],
      [`/staf/admin/unit/${unitId}`, "ADMIN"],
      ["/staf", "COORDINATOR"],
    ];
    for (const lang of ["id", "en"]) {
      for (const [path, role] of pages) {
        const { status, bytes } = await bodyOf(path, cookies[role], lang);
        expectNoNul(`${path} as ${role} (${lang})`, status, bytes);
      }
    }
  });
});
