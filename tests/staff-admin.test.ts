// Administration of units, products, users and memberships through the real routes (HTTP form
// posts, no JavaScript), against a seeded schema of its own: access, the unit tree (create, rename,
// cycles, duplicate codes), products, accounts (invitation email, memberships, deactivation ending
// sessions, the last admin) and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { useTestServer } from "./e2e/support/browser";
import { readPage } from "./support/html";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;

const PASSWORD = "kata-sandi-demo-uji-2026";
const admin = DEMO_ACCOUNTS.find((account) => account.role === "ADMIN")!;
const officer = DEMO_ACCOUNTS.find((account) => account.role === "OFFICER")!;
const coordinator = DEMO_ACCOUNTS.find((account) => account.role === "COORDINATOR")!;
let adminCookie: string;
let adminId: string;
let dinkesId: string;

let clientCounter = 0;
const nextClientIp = () => `10.77.${Math.floor(clientCounter / 250)}.${(clientCounter++ % 250) + 1}`;

async function login(email: string, password = PASSWORD): Promise<string> {
  const response = await fetch(`${server.baseUrl}/staf/masuk`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
    headers: { "x-forwarded-for": nextClientIp() },
  });
  expect(response.status).toBe(302);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

async function get(path: string, cookie = adminCookie) {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  return { response, ...(await readPage(response)), location: response.headers.get("location") };
}

async function post(path: string, fields: Record<string, string>, cookie = adminCookie) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "x-forwarded-for": nextClientIp(), ...(cookie ? { cookie } : {}) },
    redirect: "manual",
  });
  return { response, ...(await readPage(response)), location: response.headers.get("location") };
}

const unitForm = (overrides: Record<string, string> = {}) => ({
  intent: "save",
  code: "PKM-UJI-ADMIN",
  kind: "PUSKESMAS",
  name: "Puskesmas Uji Administrasi",
  shortName: "PKM Uji",
  parentId: dinkesId,
  contactEmails: "pkm-uji@demo.lapor-pangkalpinang.invalid\n  Kedua@Demo.Lapor-Pangkalpinang.invalid ",
  isActive: "on",
  ...overrides,
});

const idFromLocation = (location: string | null, base: string) => {
  const match = location?.match(new RegExp(`^${base}/([0-9a-f-]{36})\\?selesai=`));
  if (!match) throw new Error(`unexpected redirect: ${location}`);
  return match[1]!;
};

const auditRows = (entityId: string) => db().auditLog.findMany({ where: { entityId }, orderBy: { id: "asc" } });

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  dinkesId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DINKES" } })).id;
  adminId = (await db().user.findUniqueOrThrow({ where: { email: admin.email } })).id;
  adminCookie = await login(admin.email);
});

afterAll(() => {
  delete process.env.TRUST_PROXY;
});

describe("access", () => {
  it("sends a signed-out visitor to the login page", async () => {
    const page = await get("/staf/admin/unit", "");
    expect(page.response.status).toBe(302);
    expect(page.location).toMatch(/^\/staf\/masuk\?redirectTo=%2Fstaf%2Fadmin%2Funit/);
  });

  it("answers 403 to an officer and a coordinator, on every page and every post", async () => {
    for (const account of [officer, coordinator]) {
      const cookie = await login(account.email);
      for (const path of ["/staf/admin", "/staf/admin/unit", "/staf/admin/unit/baru", `/staf/admin/unit/${dinkesId}`, "/staf/admin/pengguna", "/staf/admin/pengguna/baru", `/staf/admin/pengguna/${adminId}`]) {
        const page = await get(path, cookie);
        expect(page.response.status, `${account.role} GET ${path}`).toBe(403);
        expect(page.html).toContain("Halaman ini hanya untuk administrator sistem.");
      }
      const unit = await post("/staf/admin/unit/baru", unitForm({ code: `NOPE-${account.role}` }), cookie);
      expect(unit.response.status).toBe(403);
      expect(await db().serviceUnit.count({ where: { code: `NOPE-${account.role}` } })).toBe(0);
      const user = await post("/staf/admin/pengguna/baru", { email: `nope-${account.role.toLowerCase()}@example.test`, name: "Tidak Boleh", locale: "id" }, cookie);
      expect(user.response.status).toBe(403);
      const demote = await post(`/staf/admin/pengguna/${adminId}`, { intent: "deactivate" }, cookie);
      expect(demote.response.status).toBe(403);
    }
    expect(await db().user.count({ where: { email: { startsWith: "nope-" } } })).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: adminId } })).isActive).toBe(true);
  });

  it("shows the admin the menu", async () => {
    const menu = await get("/staf/admin");
    expect(menu.response.status).toBe(200);
    expect(menu.response.headers.get("cache-control")).toBe("no-store");
    expect(menu.html).toContain('href="/staf/admin/unit"');
    expect(menu.html).toContain('href="/staf/admin/pengguna"');
    // Every admin page is reachable from the menu, not only by typing its address.
    for (const path of ["/staf/admin/sla", "/staf/admin/libur", "/staf/admin/kalender", "/staf/admin/template", "/staf/admin/open311"]) {
      expect(menu.html).toContain(`href="${path}"`);
    }
  });
});

describe("units and products", () => {
  let unitId: string;

  it("creates a unit under DINKES, shown indented below it in the tree", async () => {
    const created = await post("/staf/admin/unit/baru", unitForm({ code: " pkm-uji-admin " }));
    expect(created.response.status).toBe(302);
    unitId = idFromLocation(created.location, "/staf/admin/unit");
    const unit = await db().serviceUnit.findUniqueOrThrow({ where: { id: unitId } });
    expect(unit).toMatchObject({ code: "PKM-UJI-ADMIN", kind: "PUSKESMAS", parentId: dinkesId, isActive: true, shortName: "PKM Uji" });
    expect(unit.contactEmails).toEqual(["pkm-uji@demo.lapor-pangkalpinang.invalid", "kedua@demo.lapor-pangkalpinang.invalid"]);

    const page = await get(created.location!);
    expect(page.response.status).toBe(200);
    expect(page.html).toContain("Unit dibuat.");

    const tree = await get("/staf/admin/unit");
    expect(tree.response.status).toBe(200);
    const depthOf = (code: string) => Number(tree.html.match(new RegExp(`data-code="${code}" data-depth="(\\d+)"`))?.[1]);
    expect(depthOf("PKP")).toBe(0);
    expect(depthOf("DINKES")).toBe(1);
    expect(depthOf("PKM-UJI-ADMIN")).toBe(2);
    expect(tree.html.indexOf('data-code="PKM-UJI-ADMIN"')).toBeGreaterThan(tree.html.indexOf('data-code="DINKES"'));

    const [audit] = await auditRows(unitId);
    expect(audit).toMatchObject({ actorUserId: adminId, action: "unit.created", entity: "service_unit" });
    expect((audit!.data as { fields: string[] }).fields).toEqual(expect.arrayContaining(["code", "name", "parentId", "contactEmails"]));
  });

  it("renames it and records which fields changed", async () => {
    const renamed = await post(`/staf/admin/unit/${unitId}`, unitForm({ name: "Puskesmas Uji Administrasi Baru" }));
    expect(renamed.response.status).toBe(302);
    expect(renamed.location).toBe(`/staf/admin/unit/${unitId}?selesai=saved`);
    expect((await db().serviceUnit.findUniqueOrThrow({ where: { id: unitId } })).name).toBe("Puskesmas Uji Administrasi Baru");
    const rows = await auditRows(unitId);
    expect(rows.at(-1)).toMatchObject({ action: "unit.updated", actorUserId: adminId });
    expect((rows.at(-1)!.data as { fields: string[] }).fields).toEqual(["name"]);
  });

  it("refuses a parent below the unit (a cycle) and the unit as its own parent, keeping what was typed", async () => {
    const dinkes = await db().serviceUnit.findUniqueOrThrow({ where: { id: dinkesId } });
    const form = { intent: "save", code: dinkes.code, kind: dinkes.kind, name: "Dinkes nama sementara", shortName: dinkes.shortName, contactEmails: dinkes.contactEmails.join("\n"), isActive: "on" };
    const cycle = await post(`/staf/admin/unit/${dinkesId}`, { ...form, parentId: unitId });
    expect(cycle.response.status).toBe(400);
    expect(cycle.html).toContain("Unit induk ini berada di bawah unit ini; hierarki akan berputar.");
    expect(cycle.html).toContain('id="parentId-error"');
    expect(cycle.html).toContain('value="Dinkes nama sementara"');

    const self = await post(`/staf/admin/unit/${unitId}`, unitForm({ parentId: unitId }));
    expect(self.response.status).toBe(400);
    expect(self.html).toContain("Unit tidak bisa menjadi induknya sendiri.");

    const after = await db().serviceUnit.findUniqueOrThrow({ where: { id: dinkesId } });
    expect(after.parentId).toBe(dinkes.parentId);
    expect(after.name).toBe(dinkes.name);
    // The form offers neither the unit itself nor the units below it as a parent.
    const page = await get(`/staf/admin/unit/${dinkesId}`);
    expect(page.html).not.toContain(`<option value="${unitId}"`);
    expect(page.html).not.toContain(`<option value="${dinkesId}"`);
  });

  it("refuses a duplicate or malformed code and bad emails beside the fields, in the user's language", async () => {
    const before = await db().serviceUnit.count();
    const taken = await post("/staf/admin/unit/baru", unitForm({ code: "dinkes", name: "Nama yang saya ketik" }));
    expect(taken.response.status).toBe(409);
    expect(taken.html).toContain("Kode ini sudah dipakai. Pilih kode lain.");
    expect(taken.html).toContain('id="code-error"');
    expect(taken.html).toContain('value="Nama yang saya ketik"');

    const bad = await post("/staf/admin/unit/baru", unitForm({ code: "PKM_UJI", contactEmails: "ok@example.test\nbukan-email" }), `${adminCookie}; lang=en`);
    expect(bad.response.status).toBe(400);
    expect(bad.html).toContain("A code may contain only letters A–Z, digits and hyphens between them");
    expect(bad.html).toContain("Each line must be one valid email address.");
    expect(bad.html).toContain("bukan-email</textarea>");
    expect(await db().serviceUnit.count()).toBe(before);
  });

  it("adds, renames and deactivates a product of the unit", async () => {
    const added = await post(`/staf/admin/unit/${unitId}`, { intent: "addProduct", code: "pkm-uji-imunisasi", name: "Imunisasi anak", nameEn: "Child immunisation" });
    expect(added.response.status).toBe(302);
    const product = await db().serviceProduct.findUniqueOrThrow({ where: { code: "PKM-UJI-IMUNISASI" } });
    expect(product).toMatchObject({ unitId, name: "Imunisasi anak", nameEn: "Child immunisation", isActive: true });

    const duplicate = await post(`/staf/admin/unit/${unitId}`, { intent: "addProduct", code: "DINKES-SLHS", name: "Salinan", nameEn: "Copy" });
    expect(duplicate.response.status).toBe(409);
    expect(duplicate.html).toContain("Kode ini sudah dipakai.");
    expect(duplicate.html).toContain('value="Salinan"');

    const empty = await post(`/staf/admin/unit/${unitId}`, { intent: "renameProduct", productId: product.id, name: " ", nameEn: "Child immunisation" });
    expect(empty.response.status).toBe(400);
    expect(empty.html).toContain("Isi nama.");

    expect((await post(`/staf/admin/unit/${unitId}`, { intent: "renameProduct", productId: product.id, name: "Imunisasi dasar anak", nameEn: "Child immunisation" })).response.status).toBe(302);
    expect((await post(`/staf/admin/unit/${unitId}`, { intent: "deactivateProduct", productId: product.id })).response.status).toBe(302);
    const after = await db().serviceProduct.findUniqueOrThrow({ where: { id: product.id } });
    expect(after).toMatchObject({ name: "Imunisasi dasar anak", isActive: false });

    // A product of another unit cannot be changed through this unit's page.
    const other = await db().serviceProduct.findUniqueOrThrow({ where: { code: "DINKES-SLHS" } });
    expect((await post(`/staf/admin/unit/${unitId}`, { intent: "deactivateProduct", productId: other.id })).response.status).toBe(404);
    expect((await db().serviceProduct.findUniqueOrThrow({ where: { id: other.id } })).isActive).toBe(true);

    const actions = (await auditRows(product.id)).map((row) => row.action);
    expect(actions).toEqual(["product.created", "product.renamed", "product.deactivated"]);
  });
});

describe("users and memberships", () => {
  const email = "petugas.baru@demo.lapor-pangkalpinang.invalid";
  let userId: string;
  let unitId: string;

  beforeAll(async () => {
    unitId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DINKES" } })).id;
  });

  it("refuses bad input beside the fields and keeps it", async () => {
    const bad = await post("/staf/admin/pengguna/baru", { email: "bukan email", name: "Rina", locale: "fr" });
    expect(bad.response.status).toBe(400);
    expect(bad.html).toContain("Alamat email tidak valid.");
    expect(bad.html).toContain("Pilih bahasa dari daftar.");
    expect(bad.html).toContain('value="bukan email"');
  });

  it("creates a user without a password and emails them a link to set one", async () => {
    const created = await post("/staf/admin/pengguna/baru", { email: ` ${email.toUpperCase()} `, name: "Rina Petugas Baru", locale: "id" });
    expect(created.response.status).toBe(302);
    userId = idFromLocation(created.location, "/staf/admin/pengguna");
    const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email, name: "Rina Petugas Baru", passwordHash: null, isActive: true });

    const messages = await db().emailMessage.findMany({ where: { toAddress: email, template: "staff-password-reset" } });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.bodyText).toMatch(/\/staf\/atur-sandi\/[A-Za-z0-9_-]{43}/);

    const page = await get(created.location!);
    expect(page.html).toContain("Akun dibuat dan undangan untuk mengatur kata sandi dikirim.");
    expect(page.html).not.toMatch(/\/staf\/atur-sandi\//);

    const list = await get("/staf/admin/pengguna");
    expect(list.html).toContain(`data-email="${email}"`);

    const again = await post("/staf/admin/pengguna/baru", { email, name: "Kembar", locale: "en" });
    expect(again.response.status).toBe(409);
    expect(again.html).toContain("Sudah ada akun dengan email ini.");
  });

  it("gives them OFFICER at a unit; they set a password and sign in", async () => {
    const added = await post(`/staf/admin/pengguna/${userId}`, { intent: "addMembership", role: "OFFICER", unitId });
    expect(added.response.status).toBe(302);
    expect(await db().membership.count({ where: { userId, unitId, role: "OFFICER" } })).toBe(1);
    const twice = await post(`/staf/admin/pengguna/${userId}`, { intent: "addMembership", role: "OFFICER", unitId });
    expect(twice.response.status).toBe(409);
    expect(twice.html).toContain("Akun ini sudah memegang peran tersebut di unit itu.");
    const noUnit = await post(`/staf/admin/pengguna/${userId}`, { intent: "addMembership", role: "OFFICER", unitId: "" });
    expect(noUnit.response.status).toBe(400);
    expect(noUnit.html).toContain("Pilih unit.");
    expect((await post(`/staf/admin/pengguna/${userId}`, { intent: "addMembership", role: "CITIZEN", unitId })).response.status).toBe(400);

    const [message] = await db().emailMessage.findMany({ where: { toAddress: email, template: "staff-password-reset" } });
    const token = message!.bodyText.match(/\/staf\/atur-sandi\/([A-Za-z0-9_-]{43})/)![1]!;
    const newPassword = "kalimat sandi petugas baru";
    const set = await post(`/staf/atur-sandi/${token}`, { password: newPassword, confirm: newPassword }, "");
    expect(set.response.status).toBe(302);

    const cookie = await login(email, newPassword);
    expect((await get("/staf", cookie)).response.status).toBe(200);
    expect((await get("/staf/admin", cookie)).response.status).toBe(403);

    // Deactivation ends the session at once and stops new sign-ins.
    const deactivated = await post(`/staf/admin/pengguna/${userId}`, { intent: "deactivate" });
    expect(deactivated.response.status).toBe(302);
    expect(await db().session.count({ where: { userId } })).toBe(0);
    const after = await get("/staf", cookie);
    expect(after.response.status).toBe(302);
    expect(after.location).toMatch(/^\/staf\/masuk/);
    const refused = await fetch(`${server.baseUrl}/staf/masuk`, {
      method: "POST",
      body: new URLSearchParams({ email, password: newPassword }),
      redirect: "manual",
      headers: { "x-forwarded-for": nextClientIp() },
    });
    expect(refused.status).not.toBe(302);

    expect((await post(`/staf/admin/pengguna/${userId}`, { intent: "reactivate" })).response.status).toBe(302);
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).isActive).toBe(true);

    const membership = await db().membership.findFirstOrThrow({ where: { userId, role: "OFFICER" } });
    expect((await post(`/staf/admin/pengguna/${userId}`, { intent: "removeMembership", membershipId: membership.id })).response.status).toBe(302);
    expect(await db().membership.count({ where: { userId } })).toBe(0);

    const actions = (await auditRows(userId)).filter((row) => row.actorUserId === adminId).map((row) => row.action);
    expect(actions).toEqual(["user.created", "user.invitation_sent", "membership.added", "user.deactivated", "user.reactivated", "membership.removed"]);
    const all = JSON.stringify((await db().auditLog.findMany({ where: { actorUserId: adminId }, select: { data: true } })).map((row) => row.data));
    expect(all).not.toContain(newPassword);
    expect(all).not.toContain(token);
  });

  it("refuses removing the last ADMIN membership and deactivating oneself", async () => {
    const own = await db().membership.findFirstOrThrow({ where: { userId: adminId, role: "ADMIN" } });
    expect(await db().membership.count({ where: { role: "ADMIN" } })).toBe(1);
    const last = await post(`/staf/admin/pengguna/${adminId}`, { intent: "removeMembership", membershipId: own.id });
    expect(last.response.status).toBe(409);
    expect(last.html).toContain("ini peran administrator aktif yang terakhir");
    expect(await db().membership.count({ where: { id: own.id } })).toBe(1);

    const self = await post(`/staf/admin/pengguna/${adminId}`, { intent: "deactivate" });
    expect(self.response.status).toBe(409);
    expect(self.html).toContain("Anda tidak dapat menonaktifkan akun Anda sendiri.");
    expect((await get("/staf/admin")).response.status).toBe(200);

    // With a second admin, the first admin role may go.
    const second = await db().user.findUniqueOrThrow({ where: { email } });
    expect((await post(`/staf/admin/pengguna/${second.id}`, { intent: "addMembership", role: "ADMIN", unitId })).response.status).toBe(302);
    const demoted = await post(`/staf/admin/pengguna/${second.id}`, { intent: "deactivate" });
    expect(demoted.response.status).toBe(302);
    // …but a deactivated account's admin role does not count as the one left.
    expect((await post(`/staf/admin/pengguna/${adminId}`, { intent: "removeMembership", membershipId: own.id })).response.status).toBe(409);
  });
});
