// Signing in to the staff pages over HTTP, as a browser without JavaScript does, for the tests
// that drive the real routes with fetch. Each file passes its own address series, so the
// per-network sign-in limits (ADR 030) of one file never meet another's (TRUST_PROXY=1).
import { expect } from "vitest";

/** Addresses "<prefix>.0.1", "<prefix>.0.2", … for X-Forwarded-For, 250 per third octet. */
export function clientAddresses(prefix: string): () => string {
  let counter = 0;
  return () => `${prefix}.${Math.floor(counter / 250)}.${(counter++ % 250) + 1}`;
}

/** Signs in through /staf/masuk and returns the session cookie as "name=value". */
export async function staffLogin(baseUrl: string, { email, password, clientIp }: { email: string; password: string; clientIp: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/staf/masuk`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
    headers: { "x-forwarded-for": clientIp },
  });
  expect(response.status).toBe(302);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}
