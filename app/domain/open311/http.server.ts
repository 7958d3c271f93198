// HTTP plumbing shared by the Open311 resource routes: formats, content types, the spec's error
// array, jurisdiction check, rate limits and API keys. The routes stay guard → parse → domain call.
import { authenticateApiKey, type ApiClientIdentity } from "~/models/api-clients.server";
import { CONTENT_TYPES, parseResourceSegment, renderDocument, type Open311Format } from "./georeport";
import type { Open311Problem } from "./requests";
import type { DbClient } from "~/services/db-types.server";
import { getEnv } from "~/services/env.server";
import { readCappedBody, withoutNul } from "~/services/form-body.server";
import { resolveLocale, translate, type Locale } from "~/services/i18n.server";
import { clientIp, hitRateLimit, ipRateLimitIdentifier, RATE_LIMITS } from "~/services/rate-limit.server";
import { getFailFastRedis } from "~/services/redis.server";

type Kind = Parameters<typeof renderDocument>[1];

export function open311Locale(request: Request): Locale {
  return resolveLocale(request);
}

export function open311Response(format: Open311Format, kind: Kind, data: object, { status = 200, cache = "public, max-age=60" }: { status?: number; cache?: string } = {}): Response {
  return new Response(renderDocument(format, kind, data), {
    status,
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Cache-Control": cache,
      // Read by browser-based clients on other origins (GeoReport is a public API); POSTs need a key anyway.
      "Access-Control-Allow-Origin": "*",
    },
  });
}

/** The spec's error array; the HTTP status is the most telling code among the problems. */
export function open311Errors(format: Open311Format, problems: readonly Open311Problem[], locale: Locale, headers: Record<string, string> = {}): Response {
  const codes = problems.map((p) => p.code);
  const status = ([403, 404, 429, 400] as const).find((code) => codes.includes(code)) ?? 400;
  const body = problems.map((p) => ({ code: p.code, description: translate(locale, p.key, p.vars) }));
  const response = open311Response(format, "errors", body, { status, cache: "no-store" });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** 404 in JSON for a path under /open311/v2 that names no resource or format we serve. */
export function open311NotFound(request: Request, format: Open311Format = "json"): Response {
  return open311Errors(format, [{ code: 404, key: "open311.error.notFound" }], open311Locale(request));
}

/** `jurisdiction_id` is optional for a single-jurisdiction server; naming another one is an error. */
export function checkJurisdiction(value: string | null | undefined): Open311Problem | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  const expected = getEnv().OPEN311_JURISDICTION_ID;
  return value.trim().toLowerCase() === expected.toLowerCase() ? null : { code: 404, key: "open311.error.jurisdiction", vars: { jurisdiction: expected } };
}

/** Public reads, per network; a refusal is the error array with Retry-After. */
export async function limitRead(request: Request, format: Open311Format): Promise<Response | null> {
  const env = getEnv();
  const limit = await hitRateLimit(getFailFastRedis(), RATE_LIMITS.open311Read, ipRateLimitIdentifier(clientIp(request, env.TRUST_PROXY)), { prefix: env.RATE_LIMIT_PREFIX });
  if (limit.allowed) return null;
  return open311Errors(format, [{ code: 429, key: "open311.error.rateLimited" }], open311Locale(request), { "Retry-After": String(limit.retryAfterSeconds) });
}

export type Open311Read = { ok: true; name: string; format: Open311Format; locale: Locale } | { ok: false; response: Response };

/**
 * What every Open311 GET checks before it reads anything: a resource with a known format, the
 * public read limit, and the jurisdiction. A refusal is the response to send.
 */
export async function guardOpen311Read(request: Request, segment: string | undefined): Promise<Open311Read> {
  const resource = parseResourceSegment(segment ?? "");
  if (!resource) return { ok: false, response: open311NotFound(request) };
  const { name, format } = resource;
  const locale = open311Locale(request);
  const limited = await limitRead(request, format);
  if (limited) return { ok: false, response: limited };
  const jurisdiction = checkJurisdiction(new URL(request.url).searchParams.get("jurisdiction_id"));
  if (jurisdiction) return { ok: false, response: open311Errors(format, [jurisdiction], locale) };
  return { ok: true, name, format, locale };
}

export async function limitWrite(request: Request, format: Open311Format, client: ApiClientIdentity): Promise<Response | null> {
  const env = getEnv();
  const limit = await hitRateLimit(getFailFastRedis(), RATE_LIMITS.open311Write, `api-client:${client.id}`, { prefix: env.RATE_LIMIT_PREFIX });
  if (limit.allowed) return null;
  return open311Errors(format, [{ code: 429, key: "open311.error.rateLimited" }], open311Locale(request), { "Retry-After": String(limit.retryAfterSeconds) });
}

const MAX_BODY_BYTES = 64 * 1024;

/**
 * A POST body (urlencoded, as the spec has it, or multipart) as single string values; null when it
 * is too long or cannot be read (the spec's 400 error array, whose text names the 64 KB limit). A
 * service request is text: media travel as media_url.
 */
export async function readOpen311Body(request: Request): Promise<Record<string, string> | null> {
  try {
    const bytes = await readCappedBody(request, MAX_BODY_BYTES);
    if (!bytes) return null;
    const form = await new Response(bytes, { headers: { "Content-Type": request.headers.get("content-type") ?? "application/x-www-form-urlencoded" } }).formData();
    const body: Record<string, string> = {};
    for (const [name, value] of withoutNul(form)) if (typeof value === "string" && !(name in body)) body[name] = value;
    return body;
  } catch {
    return null;
  }
}

/** The client behind `api_key`; a missing, unknown or revoked key is the spec's 403. */
export async function requireApiClient(db: DbClient, apiKey: string | undefined, now: Date): Promise<{ ok: true; client: ApiClientIdentity } | { ok: false; problem: Open311Problem }> {
  if (!apiKey || apiKey.trim() === "") return { ok: false, problem: { code: 403, key: "open311.error.apiKeyMissing" } };
  const client = await authenticateApiKey(db, apiKey, now);
  return client ? { ok: true, client } : { ok: false, problem: { code: 403, key: "open311.error.apiKeyInvalid" } };
}
