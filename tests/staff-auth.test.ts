// Staff sign-in through the real routes (HTTP form posts, no JavaScript) against a seeded schema of
// its own: sessions, lockout, forced password change, password reset, logout, safe redirects.
import { createHash } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { hash } from "@node-rs/argon2";
import { hashPassword, verifyPassword } from "~/services/password.server";
import { safeRedirectPath } from "~/services/session.server";
import { expectNoAxeViolations, horizontalOverflow, launchBrowser, newPhoneContext, useTestServer } from "./e2e/support/browser";
import { readPage } from "./support/html";

// Requests arrive through a (pretend) reverse proxy, so each request can speak from its own address.
process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;

const PASSWORD = "kata-sandi-demo-uji-2026";
const officer = DEMO_ACCOUNTS.find((account) => account.role === "OFFICER")!;
let disdukcapilId: string;

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  disdukcapilId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DISDUKCAPIL" } })).id;
});

let clientCounter = 0;
const nextClientIp = () => `10.88.${Math.floor(clientCounter / 250)}.${(clientCounter++ % 250) + 1}`;
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** A fresh officer of Disdukcapil, so tests that lock or reset an account do not disturb others. */
let userCounter = 0;
async function makeStaff({ mustChangePassword = false }: { mustChangePassword?: boolean } = {}) {
  const email = `staf${++userCounter}@uji.lapor-pangkalpinang.invalid`;
  const user = await db().user.create({
    data: {
      email,
      name: `Petugas Uji ${userCounter}`,
      passwordHash: await hashPassword(PASSWORD),
      mustChangePassword,
      memberships: { create: { unitId: disdukcapilId, role: "OFFICER" } },
    },
  });
  return { id: user.id, email };
}

async function login(email: string, password: string, { redirectTo, ip = nextClientIp() }: { redirectTo?: string; ip?: string } = {}) {
  const body = new URLSearchParams({ email, password });
  if (redirectTo !== undefined) body.set("redirectTo", redirectTo);
  const response = await fetch(`${server.baseUrl}/staf/masuk`, { method: "POST", body, redirect: "manual", headers: { "x-forwarded-for": ip } });
  const setCookie = response.headers.get("set-cookie");
  const cookie = setCookie?.split(";")[0] ?? "";
  return { response, setCookie, cookie, token: cookie.replace(/^lapor_staf=/, ""), ...(await readPage(response)) };
}

async function get(path: string, cookie = "") {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  return { response, ...(await readPage(response)), location: response.headers.get("location") };
}

async function post(path: string, fields: Record<string, string>, cookie = "") {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "x-forwarded-for": nextClientIp(), ...(cookie ? { cookie } : {}) },
    redirect: "manual",
  });
  return { response, ...(await readPage(response)), location: response.headers.get("location") };
}

describe("staff login", () => {
  it("signs in: HttpOnly, SameSite=Lax cookie, lands on /staf, which greets the user with roles and units", async () => {
    const { response, setCookie, cookie } = await login(officer.email, PASSWORD);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/staf");
    expect(setCookie).toMatch(/^lapor_staf=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(setCookie).toMatch(/;\s*Path=\//);
    expect(setCookie).toMatch(/;\s*Max-Age=43200/);
    expect(setCookie).not.toMatch(/Secure/i); // not production over https

    const home = await get("/staf", cookie);
    expect(home.response.status).toBe(200);
    expect(home.html).toContain("Ruang kerja staf");
    expect(home.html).toContain("Petugas Disdukcapil (demo)");
    expect(home.html).toMatch(/Petugas — [^<]*Kependudukan/);

    const user = await db().user.findUniqueOrThrow({ where: { email: officer.email } });
    expect(user.lastLoginAt).not.toBeNull();
    expect(await db().auditLog.count({ where: { action: "login.success", entityId: user.id } })).toBeGreaterThan(0);
  });

  it("stores only the sha256 of the session token, never the token", async () => {
    const { token } = await login(officer.email, PASSWORD);
    const rows = await db().session.findMany();
    expect(JSON.stringify(rows)).not.toContain(token);
    const row = rows.find((session) => session.tokenHash === sha256(token));
    expect(row).toBeDefined();
    const hoursValid = (row!.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hoursValid).toBeGreaterThan(11.9);
    expect(hoursValid).toBeLessThanOrEqual(12);
  });

  it("refuses a wrong password or an unknown email with the same generic error and no cookie", async () => {
    const wrong = await login(officer.email, "bukan-kata-sandinya");
    const unknown = await login("tidak.ada@uji.lapor-pangkalpinang.invalid", PASSWORD);
    for (const attempt of [wrong, unknown]) {
      expect(attempt.response.status).toBe(400);
      expect(attempt.setCookie).toBeNull();
      expect(attempt.html).toContain("Email atau kata sandi salah.");
    }
    // A miss on the demo officer was counted; the right password clears the count.
    expect((await db().user.findUniqueOrThrow({ where: { email: officer.email } })).failedLoginCount).toBe(1);
    expect((await login(officer.email, PASSWORD)).response.status).toBe(302);
    expect((await db().user.findUniqueOrThrow({ where: { email: officer.email } })).failedLoginCount).toBe(0);
  });

  it("locks the account for 15 minutes after 5 wrong passwords in a row, even against the right one, and audits it", async () => {
    const staff = await makeStaff();
    const attempts = [];
    for (let i = 0; i < 5; i++) attempts.push(await login(staff.email, `salah-${i}-kata-sandi`));
    expect(attempts.slice(0, 4).map((attempt) => attempt.response.status)).toEqual([400, 400, 400, 400]);
    expect(attempts[4]!.response.status).toBe(423);
    expect(attempts[4]!.html).toContain("Akun dikunci sementara");

    const right = await login(staff.email, PASSWORD);
    expect(right.response.status).toBe(423);
    expect(right.setCookie).toBeNull();

    const user = await db().user.findUniqueOrThrow({ where: { id: staff.id } });
    const minutesLocked = (user.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutesLocked).toBeGreaterThan(14);
    expect(minutesLocked).toBeLessThanOrEqual(15);

    const audit = await db().auditLog.findMany({ where: { entityId: staff.id }, orderBy: { id: "asc" } });
    expect(audit.map((row) => row.action)).toEqual([...Array(5).fill("login.failure"), "login.lockout", "login.refused_locked"]);
    const recorded = JSON.stringify(audit.map((row) => row.data));
    expect(recorded).not.toContain("salah-");
    expect(recorded).not.toContain(PASSWORD);
    expect(recorded).not.toContain(staff.email);
    expect(recorded).not.toContain("10.88.");

    // Once the lock has run out, the right password works again.
    await db().user.update({ where: { id: staff.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await login(staff.email, PASSWORD)).response.status).toBe(302);
  });

  it("re-hashes a password stored with older argon2 parameters when it signs in, and audits that", async () => {
    const { id, email } = await makeStaff();
    // What an earlier, weaker setting would have stored (4 MiB, one pass).
    const weak = await hash(PASSWORD, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await db().user.update({ where: { id }, data: { passwordHash: weak } });
    expect((await login(email, PASSWORD)).response.status).toBe(302);
    const { passwordHash } = await db().user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } });
    expect(passwordHash).not.toBe(weak);
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(passwordHash!, PASSWORD)).toBe(true);
    const success = await db().auditLog.findFirstOrThrow({ where: { actorUserId: id, action: "login.success" }, orderBy: { id: "desc" } });
    expect(success.data).toMatchObject({ passwordRehashed: true });
    // The next sign-in finds current parameters and leaves the hash alone.
    expect((await login(email, PASSWORD)).response.status).toBe(302);
    expect((await db().user.findUniqueOrThrow({ where: { id } })).passwordHash).toBe(passwordHash);
  });

  it("limits sign-in attempts per network", async () => {
    const ip = "10.99.0.1";
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await login(`penyemprot${i}@uji.lapor-pangkalpinang.invalid`, "tebakan-sandi-umum", { ip })).response.status);
    expect(statuses.slice(0, 20).every((status) => status === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});

describe("staff sessions", () => {
  it("sends a visitor without a session to the login page, back to where they were afterwards", async () => {
    const page = await get("/staf?tab=1");
    expect(page.response.status).toBe(302);
    expect(page.location).toBe("/staf/masuk?redirectTo=%2Fstaf%3Ftab%3D1");
    const form = await get(page.location!);
    expect(form.html).toContain('name="redirectTo" value="/staf?tab=1"');
  });

  it("logs out with a POST: the session row is deleted and the cookie cleared", async () => {
    const { cookie, token } = await login(officer.email, PASSWORD);
    expect(await db().session.count({ where: { tokenHash: sha256(token) } })).toBe(1);
    const out = await post("/staf/keluar", {}, cookie);
    expect(out.response.status).toBe(302);
    expect(out.location).toBe("/staf/masuk?pesan=keluar");
    expect(out.response.headers.get("set-cookie")).toMatch(/^lapor_staf=;.*Max-Age=0/);
    expect(await db().session.count({ where: { tokenHash: sha256(token) } })).toBe(0);
    expect((await get("/staf", cookie)).location).toMatch(/^\/staf\/masuk/);
    // A GET does not log out.
    const again = await login(officer.email, PASSWORD);
    expect((await get("/staf/keluar", again.cookie)).location).toBe("/staf");
    expect(await db().session.count({ where: { tokenHash: sha256(again.token) } })).toBe(1);
  });

  it("refuses an expired session", async () => {
    const { cookie, token } = await login(officer.email, PASSWORD);
    await db().session.update({ where: { tokenHash: sha256(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const page = await get("/staf", cookie);
    expect(page.response.status).toBe(302);
    expect(page.location).toBe("/staf/masuk?redirectTo=%2Fstaf");
    expect(page.response.headers.get("set-cookie")).toMatch(/^lapor_staf=;/);
  });

  it("refuses a made-up token", async () => {
    const page = await get("/staf", `lapor_staf=${"A".repeat(43)}`);
    expect(page.location).toMatch(/^\/staf\/masuk/);
  });
});

describe("forced password change", () => {
  it("sends a user who must change their password to /staf/ganti-sandi until they do; other sessions end", async () => {
    const staff = await makeStaff({ mustChangePassword: true });
    const first = await login(staff.email, PASSWORD);
    expect(first.response.status).toBe(302);
    expect(first.response.headers.get("location")).toBe("/staf/ganti-sandi");
    const second = await login(staff.email, PASSWORD, { redirectTo: "/staf" });
    expect(second.response.headers.get("location")).toBe("/staf/ganti-sandi");

    expect((await get("/staf", first.cookie)).location).toBe("/staf/ganti-sandi");
    const form = await get("/staf/ganti-sandi", first.cookie);
    expect(form.response.status).toBe(200);
    expect(form.html).toContain("Anda harus mengganti kata sandi");

    const NEW = "sandi baru yang panjang sekali";
    const mismatch = await post("/staf/ganti-sandi", { current: PASSWORD, password: NEW, confirm: "lain" }, first.cookie);
    expect(mismatch.response.status).toBe(400);
    expect(mismatch.html).toContain("Kedua kata sandi tidak sama.");
    const short = await post("/staf/ganti-sandi", { current: PASSWORD, password: "pendek", confirm: "pendek" }, first.cookie);
    expect(short.html).toContain("Kata sandi minimal 12 karakter.");
    const asEmail = await post("/staf/ganti-sandi", { current: PASSWORD, password: staff.email.toUpperCase(), confirm: staff.email.toUpperCase() }, first.cookie);
    expect(asEmail.html).toContain("Kata sandi tidak boleh sama dengan email.");
    const wrongCurrent = await post("/staf/ganti-sandi", { current: "salah-salah-salah", password: NEW, confirm: NEW }, first.cookie);
    expect(wrongCurrent.html).toContain("Kata sandi saat ini salah.");

    const done = await post("/staf/ganti-sandi", { current: PASSWORD, password: NEW, confirm: NEW }, first.cookie);
    expect(done.response.status).toBe(200);
    expect(done.html).toContain("Kata sandi telah diganti.");
    expect((await db().user.findUniqueOrThrow({ where: { id: staff.id } })).mustChangePassword).toBe(false);

    expect((await get("/staf", first.cookie)).response.status).toBe(200);
    expect((await get("/staf", second.cookie)).location).toMatch(/^\/staf\/masuk/);
    expect((await login(staff.email, PASSWORD)).response.status).toBe(400);
    expect((await login(staff.email, NEW)).response.headers.get("location")).toBe("/staf");
  });
});

describe("password reset", () => {
  async function resetEmails(to: string) {
    return db().emailMessage.findMany({ where: { toAddress: to, template: "staff-password-reset" }, orderBy: { createdAt: "asc" } });
  }
  const tokenIn = (body: string) => body.match(/\/staf\/atur-sandi\/([A-Za-z0-9_-]{43})/)?.[1];

  it("answers the same whether or not the email has an account", async () => {
    const before = await db().emailMessage.count();
    const unknown = await post("/staf/lupa-sandi", { email: "siapa@uji.lapor-pangkalpinang.invalid" });
    expect(unknown.response.status).toBe(200);
    expect(unknown.html).toContain("Jika alamat tersebut terdaftar");
    expect(await db().emailMessage.count()).toBe(before);

    const staff = await makeStaff();
    const known = await post("/staf/lupa-sandi", { email: staff.email });
    expect(known.response.status).toBe(200);
    const strip = (html: string) => html.replace(/nonce="[^"]*"/g, "").replace(/<script[\s\S]*?<\/script>/g, "");
    expect(strip(known.html)).toBe(strip(unknown.html));
    expect(await resetEmails(staff.email)).toHaveLength(1);
  });

  it("works end to end: emailed one-time link, new password, lockout cleared, every session ended", async () => {
    const staff = await makeStaff();
    const session = await login(staff.email, PASSWORD);
    await db().user.update({ where: { id: staff.id }, data: { lockedUntil: new Date(Date.now() + 10 * 60_000), failedLoginCount: 3 } });

    const request = await post("/staf/lupa-sandi", { email: `  ${staff.email.toUpperCase()} ` });
    expect(request.response.status).toBe(200);
    const [email] = await resetEmails(staff.email);
    expect(email).toBeDefined();
    expect(email!.locale).toBe("id");
    expect(email!.subject).toBe("Atur ulang kata sandi Lapor Pangkalpinang");
    expect(email!.bodyText).toContain("60 menit");
    const token = tokenIn(email!.bodyText);
    expect(token).toBeDefined();
    const stored = await db().passwordResetToken.findFirstOrThrow({ where: { userId: staff.id } });
    expect(stored.tokenHash).toBe(sha256(token!));
    expect(JSON.stringify(stored)).not.toContain(token!);
    expect((stored.expiresAt.getTime() - Date.now()) / 60_000).toBeGreaterThan(59);

    const link = `/staf/atur-sandi/${token}`;
    const form = await get(link);
    expect(form.response.status).toBe(200);
    // The app-wide header comes first; browsers apply the last policy they recognise.
    expect(form.response.headers.get("referrer-policy")?.split(",").at(-1)?.trim()).toBe("no-referrer");
    expect(form.html).toContain('name="password"');

    const short = await post(link, { password: "pendek", confirm: "pendek" });
    expect(short.response.status).toBe(400);
    expect(short.html).toContain("Kata sandi minimal 12 karakter.");
    const NEW = "kalimat sandi baru setelah lupa";
    const set = await post(link, { password: NEW, confirm: NEW });
    expect(set.response.status).toBe(302);
    expect(set.location).toBe("/staf/masuk?pesan=sandi-diatur");

    const user = await db().user.findUniqueOrThrow({ where: { id: staff.id } });
    expect(user.lockedUntil).toBeNull();
    expect(user.failedLoginCount).toBe(0);
    expect((await db().passwordResetToken.findUniqueOrThrow({ where: { id: stored.id } })).usedAt).not.toBeNull();
    expect(await db().session.count({ where: { userId: staff.id } })).toBe(0);
    expect((await get("/staf", session.cookie)).location).toMatch(/^\/staf\/masuk/);

    // Single use.
    const reused = await get(link);
    expect(reused.html).toContain("Tautan ini tidak berlaku lagi");
    expect(reused.html).not.toContain('name="password"');
    const replay = await post(link, { password: "kalimat sandi yang lain lagi", confirm: "kalimat sandi yang lain lagi" });
    expect(replay.response.status).toBe(410);

    expect((await login(staff.email, PASSWORD)).response.status).toBe(400);
    expect((await login(staff.email, NEW)).response.status).toBe(302);
    const actions = (await db().auditLog.findMany({ where: { entityId: staff.id } })).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["password_reset.requested", "password_reset.completed"]));
  });

  it("refuses an expired link", async () => {
    const staff = await makeStaff();
    await post("/staf/lupa-sandi", { email: staff.email });
    const [email] = await resetEmails(staff.email);
    const token = tokenIn(email!.bodyText)!;
    await db().passwordResetToken.updateMany({ where: { userId: staff.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await get(`/staf/atur-sandi/${token}`)).html).toContain("Tautan ini tidak berlaku lagi");
    expect((await post(`/staf/atur-sandi/${token}`, { password: "kalimat sandi baru lagi", confirm: "kalimat sandi baru lagi" })).response.status).toBe(410);
  });
});

describe("redirect after login", () => {
  const HOSTILE = [
    "https://evil.example/staf",
    "//evil.example/staf",
    "/\\evil.example/staf",
    "\\\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    " //evil.example",
    "http:/evil.example",
    "",
  ];

  it("neutralises open-redirect attempts in redirectTo", async () => {
    for (const redirectTo of HOSTILE) {
      const { response } = await login(officer.email, PASSWORD, { redirectTo });
      expect(response.headers.get("location"), JSON.stringify(redirectTo)).toBe("/staf");
    }
    const page = await get(`/staf/masuk?redirectTo=${encodeURIComponent("//evil.example")}`);
    expect(page.html).toContain('name="redirectTo" value="/staf"');
  });

  it("keeps a same-site path", async () => {
    const { response } = await login(officer.email, PASSWORD, { redirectTo: "/staf?tab=baru#atas" });
    expect(response.headers.get("location")).toBe("/staf?tab=baru#atas");
  });

  it("safeRedirectPath refuses everything that leaves the site", () => {
    for (const value of [...HOSTILE, "/%0d%0aevil", "/ok\r\nSet-Cookie: x=1", null, 42]) {
      const result = safeRedirectPath(value);
      expect(result.startsWith("/") && !result.startsWith("//") && !result.includes("\\"), String(value)).toBe(true);
      expect(new URL(result, "https://lapor.example").origin).toBe("https://lapor.example");
    }
    expect(safeRedirectPath("/lacak?kode=1")).toBe("/lacak?kode=1");
  });
});

describe("staff pages on a phone without JavaScript", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("pass axe (WCAG 2.1 AA) and fit 360 px: login, its error, workspace, change and forgotten password, dead reset link", async () => {
    const staff = await makeStaff();
    const context = await newPhoneContext(browser, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const check = async (heading: string) => {
        await expect(page.locator("h1").textContent()).resolves.toBe(heading);
        const { scrollWidth, viewportWidth } = await horizontalOverflow(page);
        expect(scrollWidth).toBeLessThanOrEqual(viewportWidth);
        await expectNoAxeViolations(page);
      };
      await page.goto(`${server.baseUrl}/staf`);
      expect(new URL(page.url()).pathname).toBe("/staf/masuk");
      await check("Masuk staf");

      await page.fill("#email", staff.email);
      await page.fill("#password", "bukan-sandi-ini");
      await page.click("main button[type=submit]");
      await expect(page.locator(".error-summary").textContent()).resolves.toBe("Email atau kata sandi salah.");
      await check("Masuk staf");

      await page.fill("#password", PASSWORD);
      await page.click("main button[type=submit]");
      expect(new URL(page.url()).pathname).toBe("/staf");
      await check("Ruang kerja staf");

      await page.goto(`${server.baseUrl}/staf/ganti-sandi`);
      await check("Ganti kata sandi");
      await page.fill("#current", PASSWORD);
      await page.fill("#password", "pendek");
      await page.fill("#confirm", "pendek");
      await page.click("main button[type=submit]");
      await expect(page.locator(".field__error").first().textContent()).resolves.toBe("Kata sandi minimal 12 karakter.");
      await check("Ganti kata sandi");

      await page.goto(`${server.baseUrl}/staf`);
      await page.click("button:has-text('Keluar')");
      expect(new URL(page.url()).pathname).toBe("/staf/masuk");
      await expect(page.locator("[role=status]").textContent()).resolves.toBe("Anda telah keluar.");

      await page.goto(`${server.baseUrl}/staf/lupa-sandi`);
      await check("Lupa kata sandi");
      await page.fill("#email", staff.email);
      await page.click("main button[type=submit]");
      await check("Lupa kata sandi");

      await page.goto(`${server.baseUrl}/staf/atur-sandi/${"x".repeat(43)}`);
      await check("Atur kata sandi baru");
    } finally {
      await context.close();
    }
  });
});
