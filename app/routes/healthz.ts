import { getDb } from "~/services/db.server";
import { checkHealth } from "~/services/health.server";
import { getHealthRedis } from "~/services/redis.server";

export async function loader() {
  const report = await checkHealth(getDb(), getHealthRedis());
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
