import { getDb } from "~/services/db.server";
import { checkHealth } from "~/domain/ops/health.server";
import { getFailFastRedis } from "~/services/redis.server";

export async function loader() {
  const report = await checkHealth(getDb(), getFailFastRedis());
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
