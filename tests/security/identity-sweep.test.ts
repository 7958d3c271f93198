// The identity of ANONIM and RAHASIA complainants, planted with unique names, emails and phones,
// is absent from every page a unit (or any other staff role) reads, from the report exports (CSV
// and PDF, whose text is inflated and decoded), from every Open311 answer (JSON and XML), and from
// the public pages. Only the explicit, audited "reveal" POST shows it, and never to the reported
// unit for ANONIM. Each sweep also checks it saw the planted complaints, so it cannot pass empty.
import { inflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import type { Actor as WorkflowActor, WorkflowAction } from "~/domain/complaints/workflow";
import { refreshComplaintReport } from "~/domain/reports/refresh-complaint-report.server";
import { useTestServer } from "../e2e/support/browser";
import { fileComplaint, loadCatalogue, login, nextIp, openTracking, type Catalogue } from "./support";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;
const PASSWORD = "kata-sandi-identitas-uji-2026";
const ROLES = ["OFFICER", "UNIT_HEAD", "COORDINATOR", "INSPECTORATE", "LIAISON", "ADMIN"] as const;
type Role = (typeof ROLES)[number];

interface Planted {
  id: string;
  code: string;
  pin: string;
  visibility: "ANONIM" | "RAHASIA";
  unit: "own" | "other";
  identity: { name: string; email: string; phone: string };
}
const planted: Planted[] = [];
const cookies = {} as Record<Role, string>;
let catalogue: Catalogue;
let dukcapilUnitId: string;

async function act(id: string, action: WorkflowAction, actor: WorkflowActor, message?: string) {
  const outcome = await applyTransition(db(), { complaintId: id, action, actor, message, now: new Date() });
  expect(outcome.ok, `${action} by ${actor}`).toBe(true);
}

/** The values to look for: as typed, and as they could be shown (lower case, digits only, +62). */
function needles(identity: Planted["identity"]): string[] {
  const digits = identity.phone.replace(/\D/g, "");
  return [identity.name, identity.name.toUpperCase(), identity.email, identity.email.toUpperCase(), digits, `62${digits.slice(1)}`, identity.phone, identity.name.split(" ")[1]!];
}

function expectNoIdentity(label: string, text: string) {
  for (const p of planted) for (const needle of needles(p.identity)) expect(text.includes(needle), `${p.visibility} ${needle} in ${label}`).toBe(false);
}

/**
 * The text a PDF shows: every stream inflated when it can be, then its (literal) and <hex> strings
 * decoded, as bytes and through each embedded font's ToUnicode map (an embedded font prints glyph
 * numbers, which only its map turns back into characters).
 */
function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString("latin1");
  const parts: string[] = [raw];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const end = raw.indexOf("endstream", start);
    try {
      parts.push(inflateSync(Buffer.from(bytes).subarray(start, end)).toString("latin1"));
    } catch {
      // not Flate: its raw text is already in `raw`
    }
  }
  const all = parts.join("\n");
  const hexes = [...all.matchAll(/<([0-9A-Fa-f\s]+)>/g)].map((m) => m[1]!.replace(/\s/g, ""));
  const strings = hexes.map((hex) => Buffer.from(hex, "hex").toString("latin1"));
  const literals = [...all.matchAll(/\(((?:\\.|[^\\)])*)\)/g)].map((m) => m[1]!);
  // Every string read through every font's map: the wrong font's reading is noise, the right one is the text.
  const glyphs = toUnicodeMaps(all).map((map) => hexes.map((hex) => hex.match(/.{4}/g)?.map((code) => map.get(code.toUpperCase()) ?? "").join("") ?? "").join(""));
  return [all, strings.join(""), literals.join(""), strings.join(" "), literals.join(" "), ...glyphs].join("\n");
}

/** The ToUnicode CMaps in the (inflated) PDF: two-byte code → the characters it shows. */
function toUnicodeMaps(text: string): Map<string, string>[] {
  const utf16 = (hex: string) => Buffer.from(hex, "hex").swap16().toString("utf16le");
  const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, "0");
  return [...text.matchAll(/begincmap([\s\S]*?)endcmap/g)].map(([, cmap]) => {
    const map = new Map<string, string>();
    for (const [, block] of cmap!.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, code, chars] of block!.matchAll(/<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f\s]+)>/g)) map.set(code!.toUpperCase(), utf16(chars!.replace(/\s/g, "")));
    }
    for (const [, block] of cmap!.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, low, high, target] of block!.matchAll(/<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>\s*(\[[^\]]*\]|<[0-9A-Fa-f\s]+>)/g)) {
        const from = parseInt(low!, 16);
        const to = parseInt(high!, 16);
        if (target!.startsWith("[")) {
          [...target!.matchAll(/<([0-9A-Fa-f\s]+)>/g)].forEach(([, chars], i) => map.set(hex4(from + i), utf16(chars!.replace(/\s/g, ""))));
        } else {
          const first = Buffer.from(target!.slice(1, -1).replace(/\s/g, ""), "hex");
          for (let code = from; code <= to; code++) {
            const chars = Buffer.from(first);
            chars.writeUInt16BE(chars.readUInt16BE(chars.length - 2) + (code - from), chars.length - 2);
            map.set(hex4(code), chars.swap16().toString("utf16le"));
          }
        }
      }
    }
    return map;
  });
}

beforeAll(async () => {
  catalogue = await loadCatalogue(db());
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  dukcapilUnitId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DISDUKCAPIL" } })).id;
  let n = 0;
  const plant = async (visibility: Planted["visibility"], unit: Planted["unit"]) => {
    n += 1;
    const identity = { name: `Pelapor Sapuan${n}Xq Wirakusuma`, email: `sapuan.${n}.rahasia@example.test`, phone: `08139${String(n).padStart(3, "0")}7654` };
    const filed = await fileComplaint(server.baseUrl, db(), catalogue, {
      ...identity,
      visibility,
      productId: unit === "own" ? catalogue.productId : catalogue.otherProductId,
      description: `Pengaduan uji ke-${n}: petugas meminta biaya tambahan di luar tarif resmi tanpa kuitansi.`,
    });
    const row: Planted = { ...filed, visibility, unit, identity };
    planted.push(row);
    return row;
  };
  // Every stage a unit sees: at triage, assigned, in progress with a public reply, resolved.
  for (const visibility of ["ANONIM", "RAHASIA"] as const) {
    await plant(visibility, "own"); // stays SUBMITTED: the triage desk
    const assigned = await plant(visibility, "own");
    await act(assigned.id, "VERIFY", "COORDINATOR");
    await act(assigned.id, "ASSIGN", "SYSTEM");
    const working = await plant(visibility, "own");
    await act(working.id, "VERIFY", "COORDINATOR");
    await act(working.id, "ASSIGN", "SYSTEM");
    await act(working.id, "ACKNOWLEDGE", "OFFICER");
    await act(working.id, "RESPOND", "OFFICER", "Loket pengaduan sudah menindaklanjuti laporan ini dengan pemeriksaan.");
    await act(working.id, "PROPOSE_RESOLUTION", "OFFICER", "Biaya tambahan dihapus dan petugas ditegur.");
    const other = await plant(visibility, "other");
    await act(other.id, "VERIFY", "COORDINATOR");
    await act(other.id, "ASSIGN", "SYSTEM");
  }
  // The reports worker's job, done here: exports read the facts it keeps.
  for (const p of planted) await refreshComplaintReport(db(), p.id, { now: new Date() });
  for (const role of ROLES) cookies[role] = (await login(server.baseUrl, DEMO_ACCOUNTS.find((a) => a.role === role)!.email, PASSWORD)).cookie;
}, 60_000);

async function get(path: string, cookie = "") {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie, "x-forwarded-for": nextIp(61) }, redirect: "manual" });
  return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
}
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");

describe("staff pages", () => {
  // One test per role (a role reads some 40 pages): each stays well inside the per-test timeout on
  // a loaded two-core machine. The codes seen are gathered for the check after them.
  const seenCodes = new Set<string>();
  const staffPaths = () => [
    "/staf",
    "/staf/kotak-masuk",
    "/staf/kotak-masuk?terlambat=1",
    // The work-queue views (issue #21), whose rows carry a one-line summary of the description.
    "/staf/kotak-masuk?tampilan=saya",
    "/staf/kotak-masuk?tampilan=belum-ditugaskan",
    "/staf/kotak-masuk?tampilan=terlambat",
    "/staf/kotak-masuk?tampilan=jatuh-tempo-hari-ini",
    "/staf/kotak-masuk?tampilan=menunggu-warga",
    "/staf/triase",
    "/staf/laporan",
    "/staf/laporan/pengaduan",
    `/staf/laporan/unit/${dukcapilUnitId}`,
    "/staf/ombudsman",
    "/staf/admin",
    "/staf/admin/pengguna",
    ...planted.flatMap((p) => [`/staf/pengaduan/${p.id}`, `/staf/triase/${p.id}`, `/staf/pengaduan/${p.id}?_data=routes%2Fstaf.pengaduan.%24id`]),
  ];
  for (const role of ROLES) {
    it(`no staff page shows a planted identity to ${role}, whatever the stage (HTML and loader data)`, async () => {
      const paths = staffPaths();
      // Four at a time: quicker, and still gentle on a shared machine.
      for (let i = 0; i < paths.length; i += 4) {
        await Promise.all(
          paths.slice(i, i + 4).map(async (path) => {
            const { status, bytes } = await get(path, cookies[role]);
            expect(status, `${path} as ${role}`).toBeLessThan(500);
            const body = text(bytes);
            expectNoIdentity(`GET ${path} as ${role}`, body);
            for (const p of planted) if (body.includes(p.code)) seenCodes.add(p.code);
          }),
        );
      }
    }, 60_000);
  }

  it("the pages checked above showed every planted complaint (the sweep did not pass empty)", () => {
    expect([...seenCodes].sort()).toEqual(planted.map((p) => p.code).sort());
  });

  it("an officer and a unit head of the reported unit cannot reveal an ANONIM identity; nothing is logged as seen", async () => {
    for (const p of planted.filter((x) => x.visibility === "ANONIM" && x.unit === "own")) {
      for (const role of ["OFFICER", "UNIT_HEAD"] as const) {
        const response = await fetch(`${server.baseUrl}/staf/pengaduan/${p.id}`, {
          method: "POST",
          body: new URLSearchParams({ intent: "reveal-identity", purpose: "follow-up" }),
          headers: { cookie: cookies[role] },
          redirect: "manual",
        });
        const body = await response.text();
        expect(response.status, `${p.code} as ${role}`).toBeGreaterThanOrEqual(400);
        expectNoIdentity(`reveal ${p.code} as ${role}`, body);
      }
      expect(await db().identityAccess.count({ where: { complaintId: p.id } })).toBe(0);
    }
  });
});

describe("exports", () => {
  it("the complaints CSV, the unit CSV and the PDF carry no planted identity, for every role that may export", async () => {
    for (const role of ["UNIT_HEAD", "INSPECTORATE", "LIAISON"] as const) {
      const complaints = await get("/staf/laporan/ekspor?jenis=pengaduan&format=csv", cookies[role]);
      expect(complaints.status, role).toBe(200);
      expectNoIdentity(`complaints CSV for ${role}`, text(complaints.bytes));
      const ownCodes = planted.filter((p) => p.unit === "own").map((p) => p.code);
      for (const code of ownCodes) expect(text(complaints.bytes), `${code} in the CSV for ${role}`).toContain(code);

      const units = await get("/staf/laporan/ekspor?jenis=unit&format=csv", cookies[role]);
      expect(units.status).toBe(200);
      expectNoIdentity(`unit CSV for ${role}`, text(units.bytes));

      const pdf = await get("/staf/laporan/ekspor?jenis=unit&format=pdf", cookies[role]);
      expect(pdf.status).toBe(200);
      const shown = pdfText(pdf.bytes);
      // The decoding works: the report's own words are readable in it.
      expect(shown).toMatch(/Disdukcapil|DISDUKCAPIL|Kependudukan/);
      expectNoIdentity(`PDF for ${role}`, shown);
    }
  });
});

describe("Open311", () => {
  it("no list, single request, token or update, in JSON or XML, carries a planted identity; RAHASIA ones are not there at all", async () => {
    const since = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const bodies: string[] = [];
    for (const format of ["json", "xml"]) {
      for (const path of [`/open311/v2/requests.${format}`, `/open311/v2/servicerequestupdates.${format}?start_date=${encodeURIComponent(since)}`]) {
        const { status, bytes } = await get(path);
        expect(status, path).toBe(200);
        bodies.push(text(bytes));
        expectNoIdentity(path, text(bytes));
      }
      for (const p of planted) {
        for (const path of [`/open311/v2/requests/${p.code}.${format}`, `/open311/v2/tokens/${p.id}.${format}`]) {
          const { status, bytes } = await get(path);
          expect([200, 404], path).toContain(status);
          // "Not found", exactly like a code that does not exist (the 404 message repeats the id asked for).
          if (p.visibility === "RAHASIA") expect(status, path).toBe(404);
          expectNoIdentity(path, text(bytes));
        }
      }
    }
    // The verified ANONIM complaints are published (so the sweep read them), RAHASIA never.
    const all = bodies.join("\n");
    for (const p of planted.filter((x) => x.visibility === "ANONIM" && x !== planted[0])) expect(all, p.code).toContain(p.code);
    for (const p of planted.filter((x) => x.visibility === "RAHASIA")) expect(all, p.code).not.toContain(p.code);
  });
});

describe("public pages", () => {
  it("the statistics, the home page and the citizen's own tracking page show no identity", async () => {
    for (const path of ["/", "/statistik", "/lacak"]) expectNoIdentity(path, text((await get(path)).bytes));
    for (const p of planted) {
      const { cookie } = await openTracking(server.baseUrl, p.code, p.pin);
      const page = await get(`/lacak/${p.code}`, cookie);
      expect(page.status).toBe(200);
      expect(text(page.bytes)).toContain(p.code);
      expectNoIdentity(`/lacak/${p.code}`, text(page.bytes));
    }
  });
});

describe("public reports (#14)", () => {
  it("the public list, every report page, the CSV and the GeoJSON carry no planted identity and no RAHASIA text; RAHASIA reports are not there at all", async () => {
    // RAHASIA text of its own, planted beside the identities: it must not leave the staff pages.
    const secret = "Rahasia-Tersembunyi-Qz7 petugas loket meminta uang";
    const rahasia = planted.find((p) => p.visibility === "RAHASIA" && p.unit === "other")!;
    await db().complaint.update({ where: { id: rahasia.id }, data: { description: secret, address: "Alamat-Rahasia-Qz7" } });
    const bodies: string[] = [];
    for (const path of ["/laporan-warga", "/laporan-warga?status=diproses", "/laporan-warga?status=menunggu-warga", "/laporan-warga.csv", "/laporan-warga.geojson", "/laporan-warga.geojson?titik=1"]) {
      const { status, bytes } = await get(path);
      expect(status, path).toBe(200);
      bodies.push(text(bytes));
      expectNoIdentity(path, text(bytes));
    }
    for (const p of planted) {
      const { status, bytes } = await get(`/laporan-warga/${p.code}`);
      // Verified ANONIM reports are public (the first one planted waits at triage); RAHASIA ones never.
      expect(status, p.code).toBe(p.visibility === "ANONIM" && p !== planted[0] ? 200 : 404);
      // A 404 page repeats the address asked for (the router's state), so only the pages shown count below.
      if (status === 200) bodies.push(text(bytes));
      expect(text(bytes)).not.toContain("Rahasia-Tersembunyi-Qz7");
      expectNoIdentity(`/laporan-warga/${p.code}`, text(bytes));
    }
    const all = bodies.join("\n");
    expect(all).not.toContain("Rahasia-Tersembunyi-Qz7");
    expect(all).not.toContain("Alamat-Rahasia-Qz7");
    for (const p of planted.filter((x) => x.visibility === "ANONIM" && x !== planted[0])) expect(all, p.code).toContain(p.code);
    for (const p of planted.filter((x) => x.visibility === "RAHASIA")) expect(all, p.code).not.toContain(p.code);
  });
});

describe("similar reports while filing (#14)", () => {
  it("the list the form asks for (/lapor/serupa) carries no planted identity and no RAHASIA report", async () => {
    const rows = await db().complaint.findMany({ where: { id: { in: planted.map((p) => p.id) } }, select: { productId: true } });
    const products = [...new Set(rows.map((row) => row.productId).filter((id): id is string => id !== null))];
    const bodies: string[] = [];
    for (const productId of products) {
      const path = `/lapor/serupa?productId=${productId}&latitude=-2.129&longitude=106.113`;
      const { status, bytes } = await get(path);
      expect(status, path).toBe(200);
      bodies.push(text(bytes));
      expectNoIdentity(path, text(bytes));
    }
    const all = bodies.join("\n");
    // The sweep has something to look at: planted ANONIM reports are among those shown.
    expect(planted.some((p) => p.visibility === "ANONIM" && all.includes(p.code))).toBe(true);
    for (const p of planted.filter((x) => x.visibility === "RAHASIA")) expect(all, p.code).not.toContain(p.code);
  });
});
