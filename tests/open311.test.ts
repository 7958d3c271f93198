// Open311 GeoReport v2 through the real routes (HTTP, in-process server, real PostgreSQL and Redis):
// every JSON response is checked against the schemas in tests/open311/schemas (written from
// http://wiki.open311.org/GeoReport_v2, with every constraint of the official georeport-v2 schemas;
// OPEN311_OFFICIAL_SCHEMAS=<dir> checks against those files too: tests/open311/schemas/README.md),
// every XML response is parsed; API keys; what is published
// (verified, never RAHASIA, never an identity); a POSTed request goes through submitComplaint, the
// routing worker and the SLA clock into the unit's inbox; servicerequestupdates both ways.
import { readdirSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { submitComplaint } from "~/domain/complaints/submit-complaint.server";
import type { Actor, WorkflowAction } from "~/domain/complaints/workflow";
import { listInbox } from "~/domain/complaints/inbox.server";
import { createLogger } from "~/services/logger.server";
import { startWorkerRuntime } from "../workers/runtime";
import { routingProcessor } from "../workers/processors/routing";
import { slaProcessor } from "../workers/processors/sla";
import { useTestServer } from "./e2e/support/browser";
import { useTestQueuePrefix } from "./support/isolation";
import { GENERAL_SERVICE_CODE } from "~/domain/open311/georeport";
import { clientAddresses, staffLogin } from "./support/staff-http";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const queues = useTestQueuePrefix();
const db = () => server.database.db;
const PASSWORD = "kata-sandi-open311-uji-2026";
const admin = DEMO_ACCOUNTS.find((a) => a.role === "ADMIN")!;

// ---------------------------------------------------------------------------------------------
// Schemas and helpers

const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats(ajv);
const schemaDir = fileURLToPath(new URL("./open311/schemas/", import.meta.url));
const schemas: Record<string, ValidateFunction> = {};
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".json"))) {
  schemas[file.replace(/\.json$/, "")] = ajv.compile(JSON.parse(readFileSync(`${schemaDir}${file}`, "utf8")));
}
// The official schemas (open311/schema-validation, schema/georeport-v2), when a checkout is named.
const OFFICIAL: Partial<Record<string, string>> = { services: "services.json", service_definition: "service-definition.json", service_requests: "requests.json" };
const official: Record<string, ValidateFunction> = {};
const officialDir = process.env.OPEN311_OFFICIAL_SCHEMAS;
if (officialDir) {
  const draft4 = new Ajv({ allErrors: true, strict: false });
  addFormats(draft4);
  for (const file of ["request.json", "service.json"]) draft4.addSchema(JSON.parse(readFileSync(`${officialDir}/${file}`, "utf8")), file);
  for (const [name, file] of Object.entries(OFFICIAL)) official[name] = draft4.compile(JSON.parse(readFileSync(`${officialDir}/${file!}`, "utf8")));
}

type SchemaName = "discovery" | "services" | "service_definition" | "service_requests" | "post_service_request" | "tokens" | "service_request_updates" | "post_service_request_update" | "errors";

/** Every body the API sent, for the identity search at the end. */
const bodies: { label: string; text: string }[] = [];
const nextClientIp = clientAddresses("10.31");

async function call(method: "GET" | "POST", path: string, body?: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { "x-forwarded-for": nextClientIp(), ...headers },
    ...(body ? { body: new URLSearchParams(body) } : {}),
    redirect: "manual",
  });
  const text = await response.text();
  bodies.push({ label: `${method} ${path}`, text });
  return { status: response.status, contentType: response.headers.get("content-type"), text };
}

/** A JSON response: right content type, valid against the schema. */
async function json<T = unknown>(method: "GET" | "POST", path: string, schema: SchemaName, expectedStatus: number, body?: Record<string, string>, headers?: Record<string, string>) {
  const res = await call(method, path, body, headers);
  expect(res.status, `${method} ${path}: ${res.text.slice(0, 300)}`).toBe(expectedStatus);
  expect(res.contentType).toBe("application/json; charset=utf-8");
  const data = JSON.parse(res.text) as T;
  const validate = schemas[schema]!;
  expect(validate(data), `${method} ${path} against ${schema}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  const officialValidate = official[schema];
  if (officialValidate) expect(officialValidate(data), `${method} ${path} against the official ${schema}: ${ajv.errorsText(officialValidate.errors)}`).toBe(true);
  return data;
}

const xmlParser = new XMLParser({ parseTagValue: false, isArray: (name) => ["request", "service", "error", "attribute", "value", "request_update", "endpoint", "format"].includes(name) });

/** An XML response: right content type, well-formed, parsed. */
async function xml(method: "GET" | "POST", path: string, expectedStatus: number, body?: Record<string, string>) {
  const res = await call(method, path, body);
  expect(res.status, `${method} ${path}: ${res.text.slice(0, 300)}`).toBe(expectedStatus);
  expect(res.contentType).toBe("text/xml; charset=utf-8");
  expect(res.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(XMLValidator.validate(res.text), `${path} is not well-formed XML`).toBe(true);
  return xmlParser.parse(res.text) as Record<string, any>;
}

interface RequestRow {
  service_request_id: string;
  status: string;
  service_code: string | null;
  agency_responsible: string | null;
  requested_datetime: string;
  expected_datetime: string | null;
  lat: number | null;
}

// ---------------------------------------------------------------------------------------------
// Fixtures

let dukcapilProductId: string;
let dukcapilUnitId: string;
let apiKey: string;
let otherApiKey: string;
let kelurahanCode: string;
let kecamatanCode: string;
const identities: { name: string; email: string; phone: string }[] = [];
const codes: Record<"public" | "anonim" | "rahasia" | "submitted" | "rejected" | "unitUnknown", string> = {
  public: "",
  anonim: "",
  rahasia: "",
  submitted: "",
  rejected: "",
  unitUnknown: "",
};

let personCounter = 0;
async function fileDirect(visibility: "PUBLIC" | "ANONIM" | "RAHASIA", { signed = false, unitUnknown = false } = {}) {
  const n = ++personCounter;
  const identity = { name: `Pelapor Open311 Uji${n}Z`, email: `pelapor.open311.${n}@example.test`, phone: `08139${String(n).padStart(3, "0")}7766` };
  identities.push(identity);
  const outcome = await submitComplaint(
    db(),
    {
      productId: unitUnknown ? undefined : dukcapilProductId,
      unitUnknown,
      description: `Loket perekaman KTP-el tutup pada jam layanan tanpa pemberitahuan (kasus ${n}).${signed ? ` Hormat saya, ${identity.name} (${identity.phone}).` : ""}`,
      incidentDate: "2026-11-02",
      kecamatanCode,
      kelurahanCode,
      address: signed ? `Depan rumah ${identity.name}, hubungi ${identity.phone}` : "Jl. Jenderal Sudirman",
      chooser: "slow",
      ...identity,
      visibility,
      consent: true,
      idempotencyKey: randomBytes(18).toString("base64url"),
    },
    { now: new Date(), locale: "id", publicBaseUrl: "http://localhost" },
  );
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors));
  return outcome;
}

async function act(complaintId: string, action: WorkflowAction, actor: Actor, message?: string) {
  const outcome = await applyTransition(db(), { complaintId, action, actor, message: message ?? null, now: new Date() });
  expect(outcome.ok, action).toBe(true);
}

const login = (email: string) => staffLogin(server.baseUrl, { email, password: PASSWORD, clientIp: nextClientIp() });

async function createKeyThroughAdminPage(cookie: string, name: string) {
  const response = await fetch(`${server.baseUrl}/staf/admin/open311`, {
    method: "POST",
    body: new URLSearchParams({ intent: "create", name }),
    headers: { cookie, "x-forwarded-for": nextClientIp() },
    redirect: "manual",
  });
  const html = await response.text();
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return html.match(/data-testid="api-key">([^<]+)</)![1]!;
}

let adminCookie: string;
beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  const product = await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
  dukcapilProductId = product.id;
  dukcapilUnitId = product.unitId;
  const kelurahan = await db().region.findFirstOrThrow({ where: { kind: "KELURAHAN" } });
  kelurahanCode = kelurahan.code;
  kecamatanCode = kelurahan.parentCode!;
  adminCookie = await login(admin.email);
  apiKey = await createKeyThroughAdminPage(adminCookie, "SP4N-LAPOR! (uji)");
  otherApiKey = await createKeyThroughAdminPage(adminCookie, "FixMyStreet Bangka (uji)");

  const pub = await fileDirect("PUBLIC");
  codes.public = pub.trackingCode;
  await act(pub.complaintId, "VERIFY", "COORDINATOR");
  await act(pub.complaintId, "ASSIGN", "SYSTEM");
  await act(pub.complaintId, "ACKNOWLEDGE", "OFFICER");
  await act(pub.complaintId, "RESPOND", "OFFICER", `Loket dibuka kembali besok. Yth. ${identities[0]!.name}, hubungi ${identities[0]!.email} atau ${identities[0]!.phone}.`);
  const anon = await fileDirect("ANONIM", { signed: true });
  codes.anonim = anon.trackingCode;
  await act(anon.complaintId, "VERIFY", "COORDINATOR");
  const secret = await fileDirect("RAHASIA");
  codes.rahasia = secret.trackingCode;
  await act(secret.complaintId, "VERIFY", "COORDINATOR");
  await act(secret.complaintId, "ASSIGN", "SYSTEM");
  await act(secret.complaintId, "ACKNOWLEDGE", "OFFICER");
  await act(secret.complaintId, "RESPOND", "OFFICER", "Tanggapan atas pengaduan rahasia.");
  // "Saya tidak tahu unit": verified, no product (the outside review's schema-invalid case).
  const unknown = await fileDirect("PUBLIC", { unitUnknown: true });
  codes.unitUnknown = unknown.trackingCode;
  await act(unknown.complaintId, "VERIFY", "COORDINATOR");
  codes.submitted = (await fileDirect("PUBLIC")).trackingCode;
  const rejected = await fileDirect("PUBLIC");
  codes.rejected = rejected.trackingCode;
  await act(rejected.complaintId, "REJECT", "COORDINATOR", "Bukan kewenangan pemerintah kota.");
});

afterAll(() => {
  delete process.env.TRUST_PROXY;
});

// ---------------------------------------------------------------------------------------------

describe("discovery and services", () => {
  it("describes the endpoint and lists one service per product, grouped by unit, in JSON and XML", async () => {
    const discovery = await json<{ endpoints: { url: string; specification: string }[] }>("GET", "/open311/v2/discovery.json", "discovery", 200);
    expect(discovery.endpoints[0]).toMatchObject({ specification: "http://wiki.open311.org/GeoReport_v2", url: expect.stringMatching(/\/open311\/v2$/) });
    const discoveryXml = await xml("GET", "/open311/v2/discovery.xml", 200);
    expect(discoveryXml.discovery.endpoints.endpoint[0].formats.format).toEqual(["application/json", "text/xml"]);

    const services = await json<{ service_code: string; group: string }[]>("GET", "/open311/v2/services.json", "services", 200);
    const activeProducts = await db().serviceProduct.count({ where: { isActive: true, unit: { isActive: true } } });
    expect(services).toHaveLength(activeProducts);
    // The catch-all under which complaints filed without a service are published is listed (ADR 027).
    expect(services.some((s) => s.service_code === GENERAL_SERVICE_CODE)).toBe(true);
    expect(new Set(services.map((s) => s.service_code)).size).toBe(services.length);
    const dukcapil = await db().serviceUnit.findUniqueOrThrow({ where: { id: dukcapilUnitId } });
    expect(services.find((s) => s.service_code === "DUKCAPIL-KTP-EL")?.group).toBe(dukcapil.name);
    const servicesXml = await xml("GET", "/open311/v2/services.xml?lang=en", 200);
    expect(servicesXml.services.service).toHaveLength(activeProducts);
  });

  it("defines a service's attributes: the ten forms of maladministration and the visibility as singlevaluelists", async () => {
    const definition = await json<{ service_code: string; attributes: { code: string; values?: { key: string }[] }[] }>(
      "GET",
      "/open311/v2/services/DUKCAPIL-KTP-EL.json",
      "service_definition",
      200,
    );
    expect(definition.service_code).toBe("DUKCAPIL-KTP-EL");
    const byCode = Object.fromEntries(definition.attributes.map((a) => [a.code, a]));
    expect(byCode.maladministration?.values).toHaveLength(10);
    expect(byCode.maladministration?.values?.map((v) => v.key)).toContain("PERMINTAAN_IMBALAN");
    expect(byCode.visibility?.values?.map((v) => v.key)).toEqual(["PUBLIC", "RAHASIA", "ANONIM"]);
    const definitionXml = await xml("GET", "/open311/v2/services/DUKCAPIL-KTP-EL.xml", 200);
    expect(definitionXml.service_definition.attributes.attribute[0].values.value).toHaveLength(10);

    await json("GET", "/open311/v2/services/TIDAK-ADA.json", "errors", 404);
    await xml("GET", "/open311/v2/services/TIDAK-ADA.xml", 404);
    await json("GET", "/open311/v2/services.json?jurisdiction_id=jakarta.go.id", "errors", 404);
    await json("GET", "/open311/v2/services.json?jurisdiction_id=pangkalpinang.go.id", "services", 200);
    await json("GET", "/open311/v2/tidak-ada.json", "errors", 404);
    await json("GET", "/open311/v2/services/a/b", "errors", 404);
  });
});

describe("GET requests", () => {
  it("lists verified PUBLIC and ANONIM complaints; never RAHASIA, unverified or rejected ones", async () => {
    const rows = await json<RequestRow[]>("GET", "/open311/v2/requests.json", "service_requests", 200);
    const ids = rows.map((r) => r.service_request_id);
    expect(ids).toEqual(expect.arrayContaining([codes.public, codes.anonim]));
    for (const hidden of [codes.rahasia, codes.submitted, codes.rejected]) expect(ids).not.toContain(hidden);

    const pub = rows.find((r) => r.service_request_id === codes.public)!;
    const unit = await db().serviceUnit.findUniqueOrThrow({ where: { id: dukcapilUnitId } });
    const stored = await db().complaint.findUniqueOrThrow({ where: { trackingCode: codes.public } });
    expect(pub).toMatchObject({ status: "open", service_code: "DUKCAPIL-KTP-EL", agency_responsible: unit.name });
    expect(pub.requested_datetime).toMatch(/\+07:00$/);
    // W3C datetimes carry whole seconds.
    expect(new Date(pub.expected_datetime!).getTime()).toBe(Math.floor(stored.resolutionDueAt!.getTime() / 1000) * 1000);

    const byId = await json<RequestRow[]>("GET", `/open311/v2/requests.json?service_request_id=${codes.public},${codes.rahasia},${codes.submitted}`, "service_requests", 200);
    expect(byId.map((r) => r.service_request_id)).toEqual([codes.public]);
    const single = await json<RequestRow[]>("GET", `/open311/v2/requests/${codes.anonim.toLowerCase()}.json`, "service_requests", 200);
    expect(single[0]?.service_request_id).toBe(codes.anonim);
    for (const hidden of [codes.rahasia, codes.submitted, codes.rejected]) {
      await json("GET", `/open311/v2/requests/${hidden}.json`, "errors", 404);
      await xml("GET", `/open311/v2/requests/${hidden}.xml`, 404);
    }
    const asXml = await xml("GET", "/open311/v2/requests.xml", 200);
    const xmlIds = asXml.service_requests.request.map((r: { service_request_id: string }) => r.service_request_id);
    expect(xmlIds).toEqual(ids);
  });

  it("filters by service_code, status and dates, and refuses a span over 90 days", async () => {
    const byService = await json<RequestRow[]>("GET", "/open311/v2/requests.json?service_code=DINKES-SLHS", "service_requests", 200);
    expect(byService).toEqual([]);
    const open = await json<RequestRow[]>("GET", "/open311/v2/requests.json?status=open&service_code=dukcapil-ktp-el", "service_requests", 200);
    expect(open.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([codes.public, codes.anonim]));
    const closed = await json<RequestRow[]>("GET", "/open311/v2/requests.json?status=closed", "service_requests", 200);
    expect(closed.every((r) => r.status === "closed")).toBe(true);
    const past = await json<RequestRow[]>("GET", "/open311/v2/requests.json?start_date=2025-01-01T00:00:00%2B07:00&end_date=2025-02-01T00:00:00%2B07:00", "service_requests", 200);
    expect(past).toEqual([]);
    const errors = await json<{ code: number; description: string }[]>(
      "GET",
      "/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
      "errors",
      400,
    );
    expect(errors[0]).toMatchObject({ code: 400, description: expect.stringContaining("90") });
    await json("GET", "/open311/v2/requests.json?status=pending", "errors", 400);
    await xml("GET", "/open311/v2/requests.xml?start_date=kemarin", 400);
  });
});

describe("what a published request shows", () => {
  it("publishes a complaint filed without a service under the catch-all service code, which lists and filters like any other", async () => {
    const [row] = await json<RequestRow[]>("GET", `/open311/v2/requests/${codes.unitUnknown}.json`, "service_requests", 200);
    const general = await db().serviceProduct.findUniqueOrThrow({ where: { code: GENERAL_SERVICE_CODE } });
    expect(row).toMatchObject({ service_request_id: codes.unitUnknown, service_code: GENERAL_SERVICE_CODE, service_name: general.name });
    const byCode = await json<RequestRow[]>("GET", `/open311/v2/requests.json?service_code=${GENERAL_SERVICE_CODE.toLowerCase()}`, "service_requests", 200);
    expect(byCode.map((r) => r.service_request_id)).toEqual([codes.unitUnknown]);
    const both = await json<RequestRow[]>("GET", `/open311/v2/requests.json?service_code=${GENERAL_SERVICE_CODE},DUKCAPIL-KTP-EL`, "service_requests", 200);
    expect(both.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([codes.unitUnknown, codes.public, codes.anonim]));
    const definition = await json<{ service_code: string }>("GET", `/open311/v2/services/${GENERAL_SERVICE_CODE}.json`, "service_definition", 200);
    expect(definition.service_code).toBe(GENERAL_SERVICE_CODE);
    const listXml = await xml("GET", `/open311/v2/requests/${codes.unitUnknown}.xml`, 200);
    expect(listXml.service_requests.request[0].service_code).toBe(GENERAL_SERVICE_CODE);
  });

  it("an ANONIM complaint's address line is left out (kelurahan and kecamatan remain); a PUBLIC one is published", async () => {
    const rows = await json<(RequestRow & { address: string | null })[]>("GET", `/open311/v2/requests.json?service_request_id=${codes.anonim},${codes.public}`, "service_requests", 200);
    const region = await db().region.findUniqueOrThrow({ where: { code: kelurahanCode } });
    const anon = rows.find((r) => r.service_request_id === codes.anonim)!;
    expect(anon.address).not.toContain("Depan rumah");
    expect(anon.address).toContain(region.name);
    expect(rows.find((r) => r.service_request_id === codes.public)!.address).toContain("Jl. Jenderal Sudirman");
  });
});

describe("POST requests", () => {
  const postBody = (overrides: Record<string, string> = {}) => ({
    api_key: apiKey,
    jurisdiction_id: "pangkalpinang.go.id",
    service_code: "DUKCAPIL-KTP-EL",
    lat: "-2.129500",
    long: "106.116900",
    address_string: "Kantor Disdukcapil, Jl. Rasakunda",
    description: "Pengambilan KTP-el diminta membayar Rp50.000 tanpa kuitansi oleh petugas loket.",
    first_name: "Rahmat",
    last_name: `Hidayat Open311 ${randomBytes(3).toString("hex")}`,
    email: `rahmat.${randomBytes(3).toString("hex")}@example.test`,
    phone: "0813 9900 1122",
    "attribute[maladministration]": "PERMINTAAN_IMBALAN",
    ...overrides,
  });

  it("refuses a missing, wrong or revoked key with 403 and the error array, filing nothing", async () => {
    const before = await db().complaint.count();
    const { api_key: _unused, ...withoutKey } = postBody();
    const missing = await json<{ code: number }[]>("POST", "/open311/v2/requests.json", "errors", 403, withoutKey);
    expect(missing[0]?.code).toBe(403);
    await json("POST", "/open311/v2/requests.json", "errors", 403, postBody({ api_key: "lpk311_salah" }));
    const xmlError = await xml("POST", "/open311/v2/requests.xml", 403, postBody({ api_key: "" }));
    expect(xmlError.errors.error[0].code).toBe("403");

    const cookie = adminCookie;
    const doomed = await createKeyThroughAdminPage(cookie, "Klien yang dicabut");
    const client = await db().apiClient.findFirstOrThrow({ where: { name: "Klien yang dicabut" } });
    const page = await fetch(`${server.baseUrl}/staf/admin/open311`, { headers: { cookie } });
    const html = await page.text();
    expect(html).toContain(client.keyPrefix);
    expect(html).not.toContain(doomed);
    const revoke = await fetch(`${server.baseUrl}/staf/admin/open311`, { method: "POST", body: new URLSearchParams({ intent: "revoke", id: client.id }), headers: { cookie }, redirect: "manual" });
    expect(revoke.status).toBe(302);
    await json("POST", "/open311/v2/requests.json", "errors", 403, postBody({ api_key: doomed }));
    expect(await db().complaint.count()).toBe(before);
    expect(await db().auditLog.count({ where: { entity: "api_client", entityId: client.id } })).toBe(2);
  });

  it("answers invalid input with the same validation as the web form, as a 400 error array", async () => {
    const errors = await json<{ code: number; description: string }[]>("POST", "/open311/v2/requests.json", "errors", 400, postBody({ description: "Terlalu pendek", email: "", phone: "" }));
    expect(errors.map((e) => e.description.split(":")[0])).toEqual(expect.arrayContaining(["description", "email"]));
    await json("POST", "/open311/v2/requests.json", "errors", 400, postBody({ service_code: "TIDAK-ADA" }));
    await json("POST", "/open311/v2/requests.json", "errors", 400, postBody({ lat: "", long: "", address_string: "" }));
    // A pin outside the city is refused, as the web form refuses it (ADR 036): Jakarta, and Balikpapan.
    const before = await db().complaint.count();
    for (const pin of [{ lat: "-6.2", long: "106.8167" }, { lat: "-1.2379", long: "116.8529" }]) {
      const outside = await json<{ code: number; description: string }[]>("POST", "/open311/v2/requests.json", "errors", 400, postBody(pin));
      expect(outside).toEqual([{ code: 400, description: expect.stringMatching(/^lat dan long berada di luar Kota Pangkalpinang \(lintang -2\.22 s\.d\. -2\.04/) }]);
    }
    expect(await db().complaint.count()).toBe(before);
    await json("POST", "/open311/v2/requests.json", "errors", 404, postBody({ jurisdiction_id: "jakarta.go.id" }));
    const tooLong = await json<{ code: number }[]>("POST", "/open311/v2/requests.json", "errors", 400, postBody({ description: "x".repeat(70_000) }));
    expect(tooLong[0]?.code).toBe(400);
  });

  it("answers a POST to requests.xml in XML", async () => {
    const body = postBody();
    identities.push({ name: `${body.first_name} ${body.last_name}`, email: body.email!, phone: "081399001122" });
    const posted = await xml("POST", "/open311/v2/requests.xml", 201, body);
    expect(posted.service_requests.request[0].service_request_id).toMatch(/^LPK-/);
    const complaint = await db().complaint.findUniqueOrThrow({ where: { trackingCode: posted.service_requests.request[0].service_request_id } });
    expect(complaint).toMatchObject({ channel: "OPEN311", visibility: "PUBLIC" });
  });

  it("files under the catch-all service code as a complaint the coordinators verify and pass on", async () => {
    const body = postBody({ service_code: GENERAL_SERVICE_CODE.toLowerCase(), description: "Jalan berlubang di depan pasar, tidak tahu dinas mana yang menangani." });
    identities.push({ name: `${body.first_name} ${body.last_name}`, email: body.email!, phone: "081399001122" });
    const [posted] = await json<{ service_request_id: string }[]>("POST", "/open311/v2/requests.json", "post_service_request", 201, body);
    const complaint = await db().complaint.findUniqueOrThrow({ where: { trackingCode: posted!.service_request_id } });
    const general = await db().serviceProduct.findUniqueOrThrow({ where: { code: GENERAL_SERVICE_CODE } });
    expect(complaint).toMatchObject({ channel: "OPEN311", productId: general.id, status: "SUBMITTED" });
  });

  it("files through submitComplaint; once verified, the routing worker puts it in the unit's inbox with an SLA deadline", async () => {
    const body = postBody({ "attribute[visibility]": "ANONIM" });
    identities.push({ name: `${body.first_name} ${body.last_name}`, email: body.email!, phone: "081399001122" });
    const [posted] = await json<{ service_request_id: string; token: string }[]>("POST", "/open311/v2/requests.json", "post_service_request", 201, body);
    const again = await json<{ service_request_id: string }[]>("POST", "/open311/v2/requests.json", "post_service_request", 200, body);
    expect(again[0]?.service_request_id).toBe(posted!.service_request_id);

    const complaint = await db().complaint.findUniqueOrThrow({ where: { trackingCode: posted!.service_request_id }, include: { complainant: true, apiClient: true } });
    expect(complaint).toMatchObject({ channel: "OPEN311", status: "SUBMITTED", visibility: "ANONIM", maladministrationCode: "PERMINTAAN_IMBALAN", address: body.address_string });
    expect(Number(complaint.latitude)).toBe(-2.1295);
    expect(complaint.apiClient?.name).toBe("SP4N-LAPOR! (uji)");
    expect(complaint.complainant).toMatchObject({ name: `${body.first_name} ${body.last_name}`, email: body.email, phone: "081399001122" });
    expect(complaint.verificationDueAt).not.toBeNull();
    expect(await db().outboxMessage.count({ where: { jobName: "complaint.sla.evaluate", payload: { path: ["complaintId"], equals: complaint.id } } })).toBe(1);
    expect(await db().emailMessage.count({ where: { complaintId: complaint.id, template: "complaint.receipt" } })).toBe(1);
    // Not verified yet: not published.
    await json("GET", `/open311/v2/requests/${posted!.service_request_id}.json`, "errors", 404);
    const token = await json<{ service_request_id: string }[]>("GET", `/open311/v2/tokens/${posted!.token}.json`, "tokens", 200);
    expect(token[0]?.service_request_id).toBe(posted!.service_request_id);
    await xml("GET", `/open311/v2/tokens/${posted!.token}.xml`, 200);
    await json("GET", `/open311/v2/tokens/${randomBytes(16).toString("hex").replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5")}.json`, "errors", 404);

    const runtime = await startWorkerRuntime({
      db: db(),
      redisUrl: queues.redisUrl,
      queuePrefix: queues.prefix,
      log: createLogger("test-worker"),
      processors: [routingProcessor, slaProcessor],
      relayIntervalMs: 50,
      slaSweepIntervalMs: 60_000,
      schedulerRefreshMs: 60_000,
    });
    try {
      await act(complaint.id, "VERIFY", "COORDINATOR");
      const deadline = Date.now() + 15_000;
      while ((await db().complaint.findUniqueOrThrow({ where: { id: complaint.id } })).status !== "ASSIGNED") {
        if (Date.now() > deadline) throw new Error("timed out waiting for the routing worker");
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await runtime.stop();
    }
    const routed = await db().complaint.findUniqueOrThrow({ where: { id: complaint.id } });
    expect(routed.unitId).toBe(dukcapilUnitId);
    expect(routed.firstResponseDueAt).not.toBeNull();
    expect(routed.resolutionDueAt).not.toBeNull();

    const officer = await db().user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.find((a) => a.role === "OFFICER")!.email } });
    const inbox = await listInbox(db(), { scope: { unitIds: [dukcapilUnitId], includeUnassigned: false }, filters: {}, cursor: null, now: new Date(), userId: officer.id, limit: 100 });
    const row = inbox.rows.find((r) => r.trackingCode === posted!.service_request_id);
    expect(row).toMatchObject({ status: "ASSIGNED", nextDueStage: "FIRST_RESPONSE" });
    expect(row!.nextDueAt).toBe(routed.firstResponseDueAt!.toISOString());

    // Now published, ANONIM, without identity; expected_datetime is the resolution deadline.
    const [published] = await json<RequestRow[]>("GET", `/open311/v2/requests/${posted!.service_request_id}.json`, "service_requests", 200);
    expect(new Date(published!.expected_datetime!).getTime()).toBe(Math.floor(routed.resolutionDueAt!.getTime() / 1000) * 1000);
    // ANONIM: the pin to three decimals, ~110 m (ADR 026, ADR 036).
    expect(published!.lat).toBe(-2.129);

    // servicerequestupdates POST: only the filing client, only while the citizen is awaited.
    const update = { service_request_id: posted!.service_request_id, description: "Nomor antrean saya A-117, diambil pukul 08.00.", updated_datetime: "2026-11-23T09:00:00+07:00" };
    await json("POST", "/open311/v2/servicerequestupdates.json", "errors", 400, { api_key: apiKey, ...update });
    await act(complaint.id, "ACKNOWLEDGE", "OFFICER");
    await act(complaint.id, "REQUEST_INFO", "OFFICER", "Mohon sebutkan nomor antrean Anda.");
    await json("POST", "/open311/v2/servicerequestupdates.json", "errors", 403, update);
    await json("POST", "/open311/v2/servicerequestupdates.json", "errors", 404, { api_key: otherApiKey, ...update });
    await json("POST", "/open311/v2/servicerequestupdates.json", "errors", 400, { api_key: apiKey, ...update, description: "" });
    const [reply] = await json<{ update_id: string }[]>("POST", "/open311/v2/servicerequestupdates.json", "post_service_request_update", 201, { api_key: apiKey, ...update });
    const event = await db().complaintEvent.findUniqueOrThrow({ where: { id: BigInt(reply!.update_id) } });
    expect(event).toMatchObject({ type: "CITIZEN_REPLIED", actorKind: "CITIZEN", message: update.description, complaintId: complaint.id });
    expect((await db().complaint.findUniqueOrThrow({ where: { id: complaint.id } })).status).toBe("IN_PROGRESS");
  });
});

describe("servicerequestupdates", () => {
  it("lists public events of published complaints only: staff messages without contacts, never what a citizen wrote", async () => {
    const updates = await json<{ update_id: string; service_request_id: string; status: string; description: string }[]>(
      "GET",
      "/open311/v2/servicerequestupdates.json",
      "service_request_updates",
      200,
    );
    const requestIds = new Set(updates.map((u) => u.service_request_id));
    expect(requestIds.has(codes.public)).toBe(true);
    for (const hidden of [codes.rahasia, codes.submitted, codes.rejected]) expect(requestIds.has(hidden)).toBe(false);
    const response = updates.find((u) => u.service_request_id === codes.public && u.description.startsWith("Tanggapan unit"));
    expect(response?.description).toContain("Loket dibuka kembali besok.");
    expect(updates.some((u) => u.description.includes("A-117"))).toBe(false);
    expect(updates.some((u) => u.description === "Pelapor menjawab")).toBe(true);
    const asXml = await xml("GET", "/open311/v2/servicerequestupdates.xml?lang=en", 200);
    expect(asXml.service_request_updates.request_update.length).toBe(updates.length);
    await json("GET", "/open311/v2/servicerequestupdates.json?start_date=2025-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z", "errors", 400);
  });
});

describe("personal data", () => {
  it("no response of any endpoint carries a complainant's name, email or phone", async () => {
    // Every endpoint once more, in both formats, after all the above.
    for (const format of ["json", "xml"]) {
      for (const path of ["discovery", "services", "services/DUKCAPIL-KTP-EL", "requests", "servicerequestupdates", `requests/${codes.public}`, `requests/${codes.anonim}`]) {
        await call("GET", `/open311/v2/${path}.${format}`);
      }
    }
    expect(identities.length).toBeGreaterThanOrEqual(6);
    expect(bodies.length).toBeGreaterThan(40);
    // The public complaint's staff reply greeted the complainant by name, email and phone, and the
    // ANONIM complaint's description is signed: all of it is blanked out.
    for (const { label, text } of bodies) {
      for (const identity of identities) {
        for (const [field, value] of Object.entries(identity)) {
          expect(text.toLowerCase().includes(value.toLowerCase()), `${field} ${value} in ${label}`).toBe(false);
        }
      }
    }
  });
});
