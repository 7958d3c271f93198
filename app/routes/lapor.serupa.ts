// GET /lapor/serupa?productId=…&latitude=…&longitude=…: the complaint form's similar reports while
// the citizen types (with JavaScript; without it the same list is a step after sending). Only what
// the publication rule lets out (findSimilarReports); nothing about the asker is read or kept.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { findSimilarReports } from "~/domain/complaints/similar-reports.server";
import { parsePoint } from "~/domain/support/support";
import { getDb } from "~/services/db.server";
import { z } from "~/services/zod.server";

const Query = z.object({
  productId: z.string().max(64).optional(),
  latitude: z.string().max(32).optional(),
  longitude: z.string().max(32).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const query = parsed.success ? parsed.data : {};
  const reports = await findSimilarReports(getDb(), { productId: query.productId ?? null, point: parsePoint(query.latitude, query.longitude) });
  return Response.json({ reports }, { headers: { "Cache-Control": "private, max-age=30" } });
}
