// Staff route × role matrix through the real routes (HTTP, signed-in cookies, no JavaScript):
// every staff page and the two kinds of staff action, for a signed-out visitor and each demo role,
// against the status written out in the table below (deliberately NOT computed from
// app/domain/auth/permissions.ts: the table is the specification the module is checked against).
// Every staff route file is covered (checked at the end, with the few exemptions named in NOT_IN_MATRIX).
// Plus: an ANONIM complainant's name, email and phone appear in none of these pages for any role.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { attachToEvent } from "~/models/attachments.server";
import { storeBlob } from "~/services/attachments.server";
import { getEnv } from "~/services/env.server";
import { createHoneypotFields } from "~/services/honeypot.server";
import { appSecret } from "~/services/secrets.server";
import { useTestServer } from "./e2e/support/browser";
import { clientAddresses, staffLogin } from "./support/staff-http";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;
const PASSWORD = "kata-sandi-matriks-uji-2026";

// ---------------------------------------------------------------------------------------------
// The matrix

const ACTORS = ["VISITOR", "OFFICER", "UNIT_HEAD", "COORDINATOR", "INSPECTORATE", "LIAISON", "ADMIN"] as const;
type Actor = (typeof ACTORS)[number];

/**
 * 302 = to the login page (signed out), or post/redirect/get after a successful action.
 * 403 = signed in but not allowed. 409 = allowed to work the complaint, but the workflow does not
 * let this role take that step now. 400 = allowed, and the (deliberately empty or incomplete) form
 * was refused by validation: the guard let the role through, nothing was changed. 404 = outside
 * the role's scope and answered as if it did not exist (a unit head and another unit's Ombudsman
 * matter). Demo units: OFFICER and UNIT_HEAD in DISDUKCAPIL ("own unit"),
 * the other unit is DINKES; the rest sit in city-wide units.
 */
type Status = 200 | 302 | 400 | 403 | 404 | 409;
/** A cell left out of the matrix on purpose (see LEFT_OUT). */
const OUT = 0;
type Expected = Record<Actor, Status | typeof OUT>;

/** The complaint a case works on (each POST case gets a fresh one), or for `unit-*` the unit's id. */
type Fixture = "none" | "submitted-own" | "submitted-other" | "assigned-own" | "assigned-other" | "appealed-own" | "assessment" | "unit-own" | "unit-other" | "matter-own" | "matter-other" | "user" | "attachment-own" | "attachment-other";

interface Case {
  name: string;
  method: "GET" | "POST";
  /** `:id` is the fixture complaint's id. */
  path: string;
  fixture: Fixture;
  /** A function when each request needs fresh values (e.g. a unique reference number). */
  form?: Record<string, string> | (() => Record<string, string>);
  expected: Expected;
}

type Cell = Status | typeof OUT;
const row = (v: Cell, o: Cell, h: Cell, c: Cell, i: Cell, l: Cell, a: Cell): Expected =>
  ({ VISITOR: v, OFFICER: o, UNIT_HEAD: h, COORDINATOR: c, INSPECTORATE: i, LIAISON: l, ADMIN: a });

// Columns of row(…): VISITOR (signed out), OFFICER, UNIT_HEAD, COORDINATOR, INSPECTORATE, LIAISON, ADMIN.
const CASES: Case[] = [
  { name: "GET /staf", method: "GET", path: "/staf", fixture: "none", expected: row(302, 200, 200, 200, 200, 200, 200) },
  { name: "GET /staf/triase", method: "GET", path: "/staf/triase", fixture: "none", expected: row(302, 403, 403, 200, 403, 403, 403) },
  { name: "GET /staf/triase/:id", method: "GET", path: "/staf/triase/:id", fixture: "submitted-own", expected: row(302, 403, 403, 200, 403, 403, 403) },
  { name: "GET /staf/kotak-masuk", method: "GET", path: "/staf/kotak-masuk", fixture: "none", expected: row(302, 200, 200, 200, 200, 200, 403) },
  { name: "GET /staf/lampiran/:id (own unit)", method: "GET", path: "/staf/lampiran/:id", fixture: "attachment-own", expected: row(302, 200, 200, 200, 200, 200, 403) },
  { name: "GET /staf/lampiran/:id (other unit)", method: "GET", path: "/staf/lampiran/:id", fixture: "attachment-other", expected: row(302, 403, 403, 200, 200, 200, 403) },
  { name: "GET /staf/pengaduan/:id (own unit)", method: "GET", path: "/staf/pengaduan/:id", fixture: "assigned-own", expected: row(302, 200, 200, 200, 200, 200, 403) },
  { name: "GET /staf/pengaduan/:id (other unit)", method: "GET", path: "/staf/pengaduan/:id", fixture: "assigned-other", expected: row(302, 403, 403, 200, 200, 200, 403) },
  // Reports: the liaison and the Inspektorat see the city, a unit head their own units; no one else.
  { name: "GET /staf/laporan", method: "GET", path: "/staf/laporan", fixture: "none", expected: row(302, 403, 200, 403, 200, 200, 403) },
  { name: "GET /staf/laporan/unit/:id (own unit)", method: "GET", path: "/staf/laporan/unit/:id", fixture: "unit-own", expected: row(302, 403, 200, 403, 200, 200, 403) },
  { name: "GET /staf/laporan/unit/:id (other unit)", method: "GET", path: "/staf/laporan/unit/:id", fixture: "unit-other", expected: row(302, 403, 403, 403, 200, 200, 403) },
  { name: "GET /staf/laporan/pengaduan", method: "GET", path: "/staf/laporan/pengaduan", fixture: "none", expected: row(302, 403, 200, 403, 200, 200, 403) },
  { name: "GET /staf/laporan/ekspor (complaints CSV)", method: "GET", path: "/staf/laporan/ekspor?jenis=pengaduan", fixture: "none", expected: row(302, 403, 200, 403, 200, 200, 403) },
  { name: "POST /staf/triase/:id verify (own unit)", method: "POST", path: "/staf/triase/:id", fixture: "submitted-own", form: { intent: "verify" }, expected: row(302, 403, 403, 302, 403, 403, 403) },
  { name: "POST /staf/triase/:id verify (other unit)", method: "POST", path: "/staf/triase/:id", fixture: "submitted-other", form: { intent: "verify" }, expected: row(302, 403, 403, 302, 403, 403, 403) },
  { name: "POST /staf/pengaduan/:id acknowledge (own unit)", method: "POST", path: "/staf/pengaduan/:id", fixture: "assigned-own", form: { intent: "acknowledge" }, expected: row(302, 302, 302, 409, 403, 403, 403) },
  // Only the liaison decides an appeal; the unit it is against may not (ADR 007 addendum).
  { name: "POST /staf/pengaduan/:id dismiss-appeal", method: "POST", path: "/staf/pengaduan/:id", fixture: "appealed-own", form: { intent: "dismiss-appeal", message: "Penyelesaian unit memadai." }, expected: row(302, 403, 403, 403, 403, 302, 403) },
  { name: "POST /staf/pengaduan/:id acknowledge (other unit)", method: "POST", path: "/staf/pengaduan/:id", fixture: "assigned-other", form: { intent: "acknowledge" }, expected: row(302, 403, 403, 409, 403, 403, 403) },
  // Open311 API clients (ADR 012): ADMIN only. A created key is shown in the 200 response, not redirected.
  { name: "GET /staf/admin/open311", method: "GET", path: "/staf/admin/open311", fixture: "none", expected: row(302, 403, 403, 403, 403, 403, 200) },
  { name: "POST /staf/admin/open311 create", method: "POST", path: "/staf/admin/open311", fixture: "none", form: { intent: "create", name: "Klien matriks" }, expected: row(302, 403, 403, 403, 403, 403, 200) },
  // Ombudsman matters (ADR 013): the liaison and the admin record; the Inspectorate reads all; a
  // unit head reads their unit's; complaint workers without oversight duties see none.
  { name: "GET /staf/ombudsman", method: "GET", path: "/staf/ombudsman", fixture: "none", expected: row(302, 403, 200, 403, 200, 200, 200) },
  {
    name: "POST /staf/ombudsman record a recommendation",
    method: "POST",
    path: "/staf/ombudsman",
    fixture: "none",
    form: () => ({ kind: "RECOMMENDATION", reference: `REK-MATRIKS-${++matterCounter}`, unitId: dukcapilUnitId, receivedOn: "2026-11-02" }),
    expected: row(302, 403, 403, 403, 403, 302, 302),
  },
  // Assessments: the liaison and the admin enter and import; the Inspectorate and the coordinator read.
  { name: "GET /staf/kepatuhan", method: "GET", path: "/staf/kepatuhan", fixture: "none", expected: row(302, 403, 403, 200, 200, 200, 200) },
  {
    name: "POST /staf/kepatuhan preview",
    method: "POST",
    path: "/staf/kepatuhan",
    fixture: "none",
    form: { intent: "preview", year: "2024", method: "ZONA_2013", scope: "CITY", totalScore: "80", source: "Matriks uji" },
    expected: row(302, 403, 403, 403, 403, 200, 200),
  },
  // Component findings of one assessment: read with the list, written by those who enter assessments.
  { name: "GET /staf/kepatuhan/:id", method: "GET", path: "/staf/kepatuhan/:id", fixture: "assessment", expected: row(302, 403, 403, 200, 200, 200, 200) },
  { name: "POST /staf/kepatuhan/:id findings", method: "POST", path: "/staf/kepatuhan/:id", fixture: "assessment", form: { status_1: "MET" }, expected: row(302, 403, 403, 403, 403, 302, 302) },
  { name: "GET /staf/kepatuhan/impor", method: "GET", path: "/staf/kepatuhan/impor", fixture: "none", expected: row(302, 403, 403, 403, 403, 200, 200) },
  { name: "GET /staf/kepatuhan/templat.csv", method: "GET", path: "/staf/kepatuhan/templat.csv", fixture: "none", expected: row(302, 403, 403, 200, 200, 200, 200) },
  // Rows added with the security suite (issue #8): every staff route file has its GET and POST here
  // (see "every staff route is in the matrix" below). Empty or incomplete forms: a role that passes
  // the guard gets 400 from validation, so the row tests the guard without changing anything.
  { name: "POST /staf/kepatuhan/impor (no file)", method: "POST", path: "/staf/kepatuhan/impor", fixture: "none", form: {}, expected: row(302, 403, 403, 403, 403, 400, 400) },
  { name: "GET /staf/ombudsman/:id (own unit)", method: "GET", path: "/staf/ombudsman/:id", fixture: "matter-own", expected: row(302, 403, 200, 403, 200, 200, 200) },
  { name: "GET /staf/ombudsman/:id (other unit)", method: "GET", path: "/staf/ombudsman/:id", fixture: "matter-other", expected: row(302, 403, 404, 403, 200, 200, 200) },
  { name: "POST /staf/ombudsman/:id answer (no date)", method: "POST", path: "/staf/ombudsman/:id", fixture: "matter-own", form: { intent: "answer" }, expected: row(302, 403, 403, 403, 403, 400, 400) },
  { name: "GET /staf/ganti-sandi", method: "GET", path: "/staf/ganti-sandi", fixture: "none", expected: row(302, 200, 200, 200, 200, 200, 200) },
  { name: "POST /staf/ganti-sandi (empty)", method: "POST", path: "/staf/ganti-sandi", fixture: "none", form: {}, expected: row(302, 400, 400, 400, 400, 400, 400) },
  // The admin menu opens for a unit head too (the unit's reply templates), and for the Inspektorat (the audit trails).
  { name: "GET /staf/admin", method: "GET", path: "/staf/admin", fixture: "none", expected: row(302, 403, 200, 403, 200, 403, 200) },
  // The audit trails: the admin and the Inspektorat (APIP) oversee staff; nobody else.
  { name: "GET /staf/admin/audit", method: "GET", path: "/staf/admin/audit", fixture: "none", expected: row(302, 403, 403, 403, 200, 403, 200) },
  { name: "GET /staf/admin/audit?jenis=aktivitas", method: "GET", path: "/staf/admin/audit?jenis=aktivitas", fixture: "none", expected: row(302, 403, 403, 403, 200, 403, 200) },
  { name: "GET /staf/admin/pengguna", method: "GET", path: "/staf/admin/pengguna", fixture: "none", expected: row(302, 403, 403, 403, 403, 403, 200) },
  { name: "GET /staf/admin/pengguna/:id", method: "GET", path: "/staf/admin/pengguna/:id", fixture: "user", expected: row(302, 403, 403, 403, 403, 403, 200) },
  { name: "POST /staf/admin/pengguna/baru (empty)", method: "POST", path: "/staf/admin/pengguna/baru", fixture: "none", form: { intent: "create" }, expected: row(302, 403, 403, 403, 403, 403, 400) },
  { name: "GET /staf/admin/unit", method: "GET", path: "/staf/admin/unit", fixture: "none", expected: row(302, 403, 403, 403, 403, 403, 200) },
  { name: "GET /staf/admin/unit/:id", method: "GET", path: "/staf/admin/unit/:id", fixture: "unit-own", expected: row(302, 403, 403, 403, 403, 403, 200) },
  { name: "POST /staf/admin/unit/:id save (empty)", method: "POST", path: "/staf/admin/unit/:id", fixture: "unit-own", form: { intent: "save" }, expected: row(302, 403, 403, 403, 403, 403, 400) },
  { name: "GET /staf/admin/sla", method: "GET", path: "/staf/admin/sla", fixture: "none", expected: row(302, 403, 403, 403, 403, 403, 200) },
  { name: "POST /staf/admin/sla (empty)", method: "POST", path: "/staf/admin/sla", fixture: "none", form: {}, expected: row(302, 403, 403, 403, 403, 403, 400) },
  { name: "GET /staf/admin/kalender", method: "GET", path: "/staf/admin/kalender", fixture: "none", expected: row(302, 403, 403, 403, 403, 403, 200) },
  { name: "POST /staf/admin/kalender save (empty)", method: "POST", path: "/staf/admin/kalender", fixture: "none", form: { intent: "save" }, expected: row(302, 403, 403, 403, 403, 403, 400) },
  { name: "GET /staf/admin/libur", method: "GET", path: "/staf/admin/libur", fixture: "none", expected: row(302, 403, 403, 403, 403, 403, 200) },
  { name: "POST /staf/admin/libur save (empty)", method: "POST", path: "/staf/admin/libur", fixture: "none", form: { intent: "save" }, expected: row(302, 403, 403, 403, 403, 403, 400) },
  { name: "GET /staf/admin/template", method: "GET", path: "/staf/admin/template", fixture: "none", expected: row(302, 403, 200, 403, 403, 403, 200) },
  { name: "POST /staf/admin/template (empty)", method: "POST", path: "/staf/admin/template", fixture: "none", form: {}, expected: row(302, 403, 400, 403, 403, 403, 400) },
];

/**
 * Staff route files with no row, and why. Everything else under app/routes/staf.* must appear in
 * CASES with a GET row when it has a loader and a POST row when it has an action.
 */
const NOT_IN_MATRIX: Record<string, string> = {
  "staf.tsx": "the layout every staff route nests under: its loader returns only the staff wording (catalogue text, no data, no guard); each child checks its own user",
  "staf.masuk.tsx": "public (sign-in); fuzzed in tests/security/fuzz-public.test.ts",
  "staf.lupa-sandi.tsx": "public (forgotten password); fuzzed in tests/security/fuzz-public.test.ts",
  "staf.atur-sandi.$token.tsx": "public (reset link); fuzzed in tests/security/fuzz-public.test.ts",
  "staf.keluar.tsx": "signs the caller out (it would end the matrix's sessions); cookie clearing is checked in tests/security/headers.test.ts",
};
let matterCounter = 0;

/**
 * Cells left out of the table (OUT above) because the route's behaviour is not what the permission
 * module implies; reported as findings rather than encoded. None at present (ADMIN × inbox was
 * one until the inbox refused roles without a complaint permission).
 */
const LEFT_OUT = (expected: Cell) => expected === OUT;

// ---------------------------------------------------------------------------------------------
// Helpers

const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const cookies: Partial<Record<Actor, string>> = { VISITOR: "" };
const nextClientIp = clientAddresses("10.77");

let dukcapilProductId: string;
let dukcapilUnitId: string;
let dinkesUnitId: string;
let dinkesProductId: string;
let kecamatanCode: string;
let kelurahanCode: string;

const login = (email: string) => staffLogin(server.baseUrl, { email, password: PASSWORD, clientIp: nextClientIp() });

let personCounter = 0;
/** Files an ANONIM complaint through /lapor with a unique identity; returns its id and that identity. */
async function fileComplaint(productId: string) {
  const n = ++personCounter;
  const identity = {
    name: `Pelapor Rahasia Matriks${n}Q`,
    email: `pelapor.matriks${n}@example.test`,
    phone: `08137${String(n).padStart(3, "0")}4321`,
  };
  const fields: Record<string, string> = {
    productId,
    description: "Petugas loket meminta uang tambahan di luar tarif resmi tanpa kuitansi apa pun.",
    incidentDate: "2026-11-02",
    kecamatanCode,
    kelurahanCode,
    address: "Jl. Matriks No. 7",
    chooser: "slow",
    ...identity,
    visibility: "ANONIM",
    consent: "on",
    idempotencyKey: randomBytes(18).toString("base64url"),
    // A citizen who is shown similar open reports (ADR 038) answers "mine is different, continue".
    similarDecision: "different",
    ...createHoneypotFields(appSecret(), Date.now() - 10_000),
  };
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  const response = await fetch(`${server.baseUrl}/lapor`, { method: "POST", body: form, headers: { "x-forwarded-for": nextClientIp() } });
  const html = await response.text();
  expect(response.status, html.match(/class="field__error"[^>]*>[^<]*/g)?.join(" | ")).toBe(200);
  const code = html.match(/data-testid="tracking-code">([^<]+)</)![1]!;
  const complaint = await db().complaint.findUniqueOrThrow({ where: { trackingCode: code } });
  expect(complaint.visibility).toBe("ANONIM");
  return { id: complaint.id, identity };
}

/** Verified by the coordinator and routed by the system, as the routing worker would. */
async function bringToUnit(id: string) {
  for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"]] as const) {
    const outcome = await applyTransition(db(), { complaintId: id, action, actor, now: new Date() });
    expect(outcome.ok).toBe(true);
  }
}

const identities: { name: string; email: string; phone: string }[] = [];

async function makeFixture(fixture: Fixture): Promise<string | null> {
  if (fixture === "none") return null;
  if (fixture === "unit-own") return dukcapilUnitId;
  if (fixture === "unit-other") return dinkesUnitId;
  if (fixture === "user") return (await db().user.findUniqueOrThrow({ where: { email: account("OFFICER").email } })).id;
  if (fixture === "assessment") {
    const year = 2000 + (++matterCounter % 90);
    const assessment = await db().complianceAssessment.create({
      data: { year, method: "DIMENSI_2022", scope: "UNIT", subjectKey: `UNIT:MATRIKS-${matterCounter}`, unitId: dukcapilUnitId, totalScore: 75, source: "Matriks uji" },
    });
    return assessment.id;
  }
  if (fixture === "matter-own" || fixture === "matter-other") {
    const liaison = await db().user.findUniqueOrThrow({ where: { email: account("LIAISON").email } });
    const matter = await db().ombudsmanMatter.create({
      data: {
        kind: "CLARIFICATION_REQUEST",
        reference: `KLAR-MATRIKS-${++matterCounter}`,
        unitId: fixture === "matter-own" ? dukcapilUnitId : dinkesUnitId,
        receivedOn: new Date("2026-11-02T00:00:00Z"),
        dueOn: new Date("2026-12-15T00:00:00Z"),
        recordedById: liaison.id,
      },
    });
    return matter.id;
  }
  const { id, identity } = await fileComplaint(fixture.endsWith("-own") ? dukcapilProductId : dinkesProductId);
  identities.push(identity);
  if (fixture.startsWith("assigned-") || fixture.startsWith("attachment-") || fixture.startsWith("appealed-")) await bringToUnit(id);
  if (fixture.startsWith("appealed-")) {
    for (const [action, actor] of [["ACKNOWLEDGE", "OFFICER"], ["PROPOSE_RESOLUTION", "OFFICER"], ["APPEAL", "CITIZEN"]] as const) {
      expect((await applyTransition(db(), { complaintId: id, action, actor, message: "matriks", now: new Date() })).ok).toBe(true);
    }
  }
  if (fixture.startsWith("attachment-")) {
    // A file on the complaint's first (public) event, as if the citizen had uploaded it.
    const { sha256 } = await storeBlob(getEnv().STORAGE_DIR, new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...randomBytes(16)]));
    const submitted = await db().complaintEvent.findFirstOrThrow({ where: { complaintId: id, type: "SUBMITTED" } });
    await attachToEvent(db(), { complaintId: id, eventId: submitted.id, uploadedBy: "CITIZEN", attachments: [{ sha256, sizeBytes: 20, mimeType: "image/jpeg", originalName: "bukti.jpg" }] });
    return (await db().attachment.findFirstOrThrow({ where: { complaintId: id } })).id;
  }
  return id;
}

async function request(method: "GET" | "POST", path: string, cookie: string, form?: Record<string, string>) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { cookie },
    redirect: "manual",
    ...(method === "POST" ? { body: new URLSearchParams(form ?? {}) } : {}),
  });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  const dinkesId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DINKES" } })).id;
  dinkesUnitId = dinkesId;
  dukcapilUnitId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DISDUKCAPIL" } })).id;
  dukcapilProductId = (await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } })).id;
  dinkesProductId = (await db().serviceProduct.findFirstOrThrow({ where: { unitId: dinkesId, isActive: true } })).id;
  const kelurahan = await db().region.findFirstOrThrow({ where: { kind: "KELURAHAN" } });
  kelurahanCode = kelurahan.code;
  kecamatanCode = kelurahan.parentCode!;
  for (const actor of ACTORS) if (actor !== "VISITOR") cookies[actor] = await login(account(actor).email);
});

// ---------------------------------------------------------------------------------------------
// Tests

/** Every GET response body, for the identity check at the end. */
const getBodies: { label: string; html: string }[] = [];

describe("staff route × role matrix", () => {
  for (const testCase of CASES) {
    it(testCase.name, async () => {
      // GET cases share one complaint across roles (reading changes nothing); POSTs get one each.
      const sharedId = testCase.method === "GET" ? await makeFixture(testCase.fixture) : null;
      const seen: Partial<Record<Actor, number>> = {};
      const wanted: Partial<Record<Actor, number>> = {};
      for (const actor of ACTORS) {
        const expected = testCase.expected[actor];
        if (LEFT_OUT(expected)) continue;
        const id = testCase.method === "GET" ? sharedId : await makeFixture(testCase.fixture);
        const path = id ? testCase.path.replace(":id", id) : testCase.path;
        const form = typeof testCase.form === "function" ? testCase.form() : testCase.form;
        const result = await request(testCase.method, path, cookies[actor]!, form);
        seen[actor] = result.status;
        wanted[actor] = expected;
        if (result.status === 302 && actor === "VISITOR") {
          expect(result.location, `${testCase.name} as ${actor}`).toMatch(/^\/staf\/masuk\?redirectTo=/);
        } else if (result.status === 302) {
          // A successful action redirects back to where it was taken, never to the login page.
          expect(result.location, `${testCase.name} as ${actor}`).toMatch(/^\/staf\/(triase|pengaduan|ombudsman|kepatuhan)\//);
        }
        if (testCase.method === "GET") getBodies.push({ label: `${testCase.name} as ${actor}`, html: result.html });
      }
      // One comparison per case, so a failure shows the whole row.
      expect(seen).toEqual(wanted);
    });
  }

  it("links each role to what it may open, and to nothing it may not", async () => {
    const headHome = await request("GET", "/staf", cookies.UNIT_HEAD!);
    expect(headHome.html).toContain('href="/staf/admin"');
    const headMenu = await request("GET", "/staf/admin", cookies.UNIT_HEAD!);
    expect(headMenu.html).toContain('href="/staf/admin/template"');
    for (const path of ["/staf/admin/unit", "/staf/admin/pengguna", "/staf/admin/sla", "/staf/admin/libur", "/staf/admin/open311"]) {
      expect(headMenu.html).not.toContain(`href="${path}"`);
    }
    expect((await request("GET", "/staf", cookies.OFFICER!)).html).not.toContain('href="/staf/admin"');
  });

  it("a successful action really happened; a refused one changed nothing", async () => {
    const own = await makeFixture("assigned-own");
    const refused = await request("POST", `/staf/pengaduan/${own}`, cookies.INSPECTORATE!, { intent: "acknowledge" });
    expect(refused.status).toBe(403);
    expect((await db().complaint.findUniqueOrThrow({ where: { id: own! } })).status).toBe("ASSIGNED");
    expect((await request("POST", `/staf/pengaduan/${own}`, cookies.OFFICER!, { intent: "acknowledge" })).status).toBe(302);
    expect((await db().complaint.findUniqueOrThrow({ where: { id: own! } })).status).toBe("IN_PROGRESS");

    const submitted = await makeFixture("submitted-other");
    expect((await request("POST", `/staf/triase/${submitted}`, cookies.LIAISON!, { intent: "verify" })).status).toBe(403);
    expect((await db().complaint.findUniqueOrThrow({ where: { id: submitted! } })).status).toBe("SUBMITTED");
    expect((await request("POST", `/staf/triase/${submitted}`, cookies.COORDINATOR!, { intent: "verify" })).status).toBe(302);
    expect((await db().complaint.findUniqueOrThrow({ where: { id: submitted! } })).status).toBe("VERIFIED");
  });
});

describe("ANONIM identity", () => {
  it("never appears in any GET response of the matrix, for any role; only an explicit POST reveals it", async () => {
    // The matrix above filed every complaint ANONIM; the pages were read by every role.
    expect(identities.length).toBeGreaterThanOrEqual(3);
    expect(getBodies.length).toBeGreaterThanOrEqual(CASES.filter((c) => c.method === "GET").length * 6);
    for (const { label, html } of getBodies) {
      for (const identity of identities) {
        for (const value of Object.values(identity)) expect(html.includes(value), `${value} in ${label}`).toBe(false);
      }
    }
    // The pages with a complaint on them, read again after every role's actions, by every role.
    const anon = await makeFixture("assigned-own");
    const identity = identities.at(-1)!;
    for (const actor of ACTORS) {
      for (const path of [`/staf/pengaduan/${anon}`, "/staf/kotak-masuk", "/staf/triase", "/staf"]) {
        const { html } = await request("GET", path, cookies[actor]!);
        for (const value of Object.values(identity)) expect(html.includes(value), `${value} in GET ${path} as ${actor}`).toBe(false);
      }
    }
    // The reveal is an explicit, audited POST: the coordinator may, and then sees it.
    const revealed = await request("POST", `/staf/pengaduan/${anon}`, cookies.COORDINATOR!, { intent: "reveal-identity", purpose: "verification" });
    expect(revealed.status).toBe(200);
    expect(revealed.html).toContain(identity.name);
    expect(await db().identityAccess.count({ where: { complaintId: anon! } })).toBe(1);
  });
});

describe("matrix coverage", () => {
  it("every staff route is in the matrix: a GET row for each loader, a POST row for each action", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const dir = new URL("../app/routes/", import.meta.url);
    /** Route file name → URL pattern (flat routes: dots are slashes, `$x` a param, `[.]` a dot, `_index` the folder). */
    const patternOf = (file: string) =>
      "/" +
      file
        .replace(/\.(tsx|ts)$/, "")
        .replace(/\[\.\]/g, "\u0000")
        .split(".")
        .filter((segment) => segment !== "_index")
        .map((segment) => (segment.startsWith("$") ? "[^/?]+" : segment))
        .join("/")
        .replace(/\u0000/g, ".");
    const rowMatches = (method: "GET" | "POST", regex: RegExp) => CASES.some((c) => c.method === method && regex.test(c.path.replace(/\?.*$/, "").replace(":id", "00000000-0000-0000-0000-000000000000")));
    const missing: string[] = [];
    let checked = 0;
    for (const file of readdirSync(dir).filter((name) => name.startsWith("staf.")).sort()) {
      if (file in NOT_IN_MATRIX) continue;
      checked += 1;
      const source = readFileSync(new URL(file, dir), "utf8");
      const regex = new RegExp(`^${patternOf(file).replace(/\./g, "\\.").replace(/\\\.\[\^/g, ".[^")}$`);
      if (/export (async )?function loader|export const loader/.test(source) && !rowMatches("GET", regex)) missing.push(`GET ${file}`);
      if (/export (async )?function action|export const action/.test(source) && !rowMatches("POST", regex)) missing.push(`POST ${file}`);
    }
    expect(checked).toBeGreaterThanOrEqual(25);
    expect(missing).toEqual([]);
  });
});

// Issue #21 (H3): the complaint page's composer and the triage desk's "verify and open the next".
describe("the composer and 'verify and open the next' (issue #21)", () => {
  const NEW_POSTS: Case[] = [
    // A reply "sent and waiting for the citizen" on a complaint not yet acknowledged: the unit's staff
    // acknowledge and ask in one request; the coordinator may work it but answers for no unit (409).
    {
      name: "POST /staf/pengaduan/:id compose (reply, await citizen)",
      method: "POST",
      path: "/staf/pengaduan/:id",
      fixture: "assigned-own",
      form: { intent: "compose", mode: "reply", next: "await-citizen", message: "Mohon kirim foto tanda terima." },
      expected: row(302, 302, 302, 409, 403, 403, 403),
    },
    { name: "POST /staf/pengaduan/:id compose (note, other unit)", method: "POST", path: "/staf/pengaduan/:id", fixture: "assigned-other", form: { intent: "compose", mode: "note", message: "Catatan." }, expected: row(302, 403, 403, 302, 403, 403, 403) },
    { name: "POST /staf/triase/:id verify and open the next", method: "POST", path: "/staf/triase/:id", fixture: "submitted-own", form: { intent: "verify", next: "open" }, expected: row(302, 403, 403, 302, 403, 403, 403) },
    // Issue #14 (ADR 037): only the coordinators hide a report's text from the public pages.
    { name: "POST /staf/triase/:id hide the public text", method: "POST", path: "/staf/triase/:id", fixture: "submitted-own", form: { intent: "hide-text", reason: "Memuat tuduhan terhadap orang bernama." }, expected: row(302, 403, 403, 302, 403, 403, 403) },
  ];
  for (const testCase of NEW_POSTS) {
    it(testCase.name, async () => {
      const seen: Partial<Record<Actor, number>> = {};
      for (const actor of ACTORS) {
        const id = await makeFixture(testCase.fixture);
        const result = await request("POST", testCase.path.replace(":id", id!), cookies[actor]!, testCase.form as Record<string, string>);
        seen[actor] = result.status;
        if (result.status === 302 && actor !== "VISITOR") expect(result.location, `${testCase.name} as ${actor}`).toMatch(/^\/staf\/(triase|pengaduan)/);
      }
      expect(seen).toEqual(testCase.expected);
    });
  }
});

// Issue #21 (H1): bulk assign / acknowledge from the inbox (POST /staf/kotak-masuk). The form names
// the fixture complaint in `ids`; a refusal inside an allowed post (another unit's complaint) still
// redirects with a summary, so those rows also check that nothing changed.
describe("bulk actions from the inbox (issue #21)", () => {
  const BULK_POSTS: { case: Case; intent: "bulk-assign" | "bulk-acknowledge"; changes: Partial<Record<Actor, boolean>> }[] = [
    {
      case: { name: "POST /staf/kotak-masuk bulk-assign (own unit)", method: "POST", path: "/staf/kotak-masuk", fixture: "assigned-own", expected: row(302, 403, 302, 302, 403, 403, 403) },
      intent: "bulk-assign",
      changes: { UNIT_HEAD: true, COORDINATOR: true },
    },
    {
      case: { name: "POST /staf/kotak-masuk bulk-assign (other unit)", method: "POST", path: "/staf/kotak-masuk", fixture: "assigned-other", expected: row(302, 403, 302, 302, 403, 403, 403) },
      intent: "bulk-assign",
      // The officer is not staff of the other unit: refused for everyone, the head does not even see it.
      changes: {},
    },
    {
      case: { name: "POST /staf/kotak-masuk bulk-acknowledge (own unit)", method: "POST", path: "/staf/kotak-masuk", fixture: "assigned-own", expected: row(302, 302, 302, 403, 403, 403, 403) },
      intent: "bulk-acknowledge",
      changes: { OFFICER: true, UNIT_HEAD: true },
    },
    {
      case: { name: "POST /staf/kotak-masuk bulk-acknowledge (other unit)", method: "POST", path: "/staf/kotak-masuk", fixture: "assigned-other", expected: row(302, 302, 302, 403, 403, 403, 403) },
      intent: "bulk-acknowledge",
      changes: {},
    },
  ];
  // The coverage check above reads CASES when its test runs: the inbox's action is in the matrix.
  // (The matrix loop has already taken its rows by then, so these run here, with their fixtures in the form.)
  CASES.push(BULK_POSTS[0]!.case);
  for (const bulk of BULK_POSTS) {
    it(bulk.case.name, async () => {
      const officerId = (await db().user.findUniqueOrThrow({ where: { email: account("OFFICER").email } })).id;
      const seen: Partial<Record<Actor, number>> = {};
      for (const actor of ACTORS) {
        const id = (await makeFixture(bulk.case.fixture))!;
        const before = await db().complaint.findUniqueOrThrow({ where: { id }, select: { status: true, assignedOfficerId: true } });
        const form = { ids: id, intent: bulk.intent, ...(bulk.intent === "bulk-assign" ? { officerId } : {}) };
        const result = await request("POST", bulk.case.path, cookies[actor]!, form);
        seen[actor] = result.status;
        if (result.status === 302 && actor !== "VISITOR") expect(result.location, `${bulk.case.name} as ${actor}`).toMatch(/^\/staf\/kotak-masuk\?selesai=bulk-/);
        const after = await db().complaint.findUniqueOrThrow({ where: { id }, select: { status: true, assignedOfficerId: true } });
        expect(after.status !== before.status || after.assignedOfficerId !== before.assignedOfficerId, `${bulk.case.name} changed as ${actor}`).toBe(bulk.changes[actor] ?? false);
      }
      expect(seen).toEqual(bulk.case.expected);
    });
  }
});
