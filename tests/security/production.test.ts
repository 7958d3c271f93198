// The production variant of the header and cookie checks: the same built app, served in-process
// with NODE_ENV=production and an https PUBLIC_BASE_URL (as behind the city's TLS proxy). Only
// here do HSTS and the Secure cookie attribute appear.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../../prisma/seed/index";
import { HSTS_HEADER } from "~/services/security-headers.server";
import { useTestServer } from "../e2e/support/browser";
import { fileComplaint, loadCatalogue, login, openTracking, parseSetCookie, type Catalogue } from "./support";

// Read lazily by getEnv() when the first request arrives, after these lines have run.
process.env.NODE_ENV = "production";
process.env.PUBLIC_BASE_URL = "https://lapor.pangkalpinang.example";
process.env.SESSION_SECRET = "rahasia-sesi-produksi-uji-keamanan-0123456789";
process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;
const PASSWORD = "kata-sandi-produksi-uji-2026";

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await loadCatalogue(db());
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
});

describe("production mode", () => {
  it("sends HSTS on pages, the API and static files", async () => {
    for (const path of ["/", "/lapor", "/staf/masuk", "/open311/v2/services.json", "/favicon.svg"]) {
      const response = await fetch(`${server.baseUrl}${path}`, { redirect: "manual" });
      expect(response.headers.get("strict-transport-security"), path).toBe(HSTS_HEADER);
      expect(response.headers.get("content-security-policy") ?? "", path).not.toContain("ws://");
    }
  });

  it("marks the staff session cookie Secure, HttpOnly, SameSite=Lax, Path=/, no Domain", async () => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === "OFFICER")!;
    const cookie = parseSetCookie((await login(server.baseUrl, account.email, PASSWORD)).setCookie);
    expect(cookie.name).toBe("lapor_staf");
    expect([...cookie.attributes.keys()].sort()).toEqual(["httponly", "max-age", "path", "samesite", "secure"]);
    expect(cookie.attributes.get("path")).toBe("/");
    expect(cookie.attributes.get("samesite")).toBe("Lax");
  });

  it("marks the tracking-access cookie Secure too", async () => {
    const filed = await fileComplaint(server.baseUrl, db(), catalogue);
    const cookie = parseSetCookie((await openTracking(server.baseUrl, filed.code, filed.pin)).setCookie);
    expect([...cookie.attributes.keys()].sort()).toEqual(["httponly", "max-age", "path", "samesite", "secure"]);
    expect(cookie.attributes.get("path")).toBe("/lacak");
  });

  it("marks the language cookie Secure", async () => {
    const response = await fetch(`${server.baseUrl}/bahasa`, { method: "POST", body: new URLSearchParams({ locale: "en", redirectTo: "/" }), redirect: "manual" });
    const cookie = parseSetCookie(response.headers.get("set-cookie") ?? "");
    expect(cookie.attributes.has("secure")).toBe(true);
    expect(cookie.attributes.has("domain")).toBe(false);
  });

  it("serves no development mailbox", async () => {
    const response = await fetch(`${server.baseUrl}/dev/mailbox`, { redirect: "manual" });
    expect(response.status).toBe(404);
  });
});
