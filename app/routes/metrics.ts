import type { LoaderFunctionArgs } from "@remix-run/node";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { collectMetrics } from "~/services/metrics.server";
import { getFailFastRedis } from "~/services/redis.server";
import { sameSecret } from "~/services/secrets.server";

function authorised(request: Request, token: string | undefined): boolean {
  if (!token) return true;
  return sameSecret(request.headers.get("Authorization") ?? "", `Bearer ${token}`);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const env = getEnv();
  if (!authorised(request, env.METRICS_TOKEN)) {
    return new Response("unauthorised\n", { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  }
  const body = await collectMetrics(getDb(), getFailFastRedis(), { queuePrefix: env.QUEUE_PREFIX, now: appNow() });
  return new Response(body, { headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store" } });
}
