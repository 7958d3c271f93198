// Reports a citizen about to file may support instead (#14 item 5, ADR 038): open, verified,
// PUBLIC or ANONIM reports of the same product or with a pin within SIMILAR_RADIUS_METERS, at most
// SIMILAR_LIMIT. Everything shown passes the publication rule (ADR 026): RAHASIA never appears,
// the description is redacted, and a text the coordinator hid is left out.
import { findSimilarRecords } from "~/models/support.server";
import type { Db } from "~/services/db.server";
import { isPublishable, publicCitizenText } from "~/domain/publication/publication";
import { SIMILAR_LIMIT, SIMILAR_RADIUS_METERS, SUPPORTABLE_STATUSES, SUPPORTABLE_VISIBILITIES } from "~/domain/support/support";
import type { ComplaintStatus } from "./workflow";

export interface SimilarReport {
  trackingCode: string;
  status: ComplaintStatus;
  productName: string | null;
  productNameEn: string | null;
  unitName: string | null;
  kelurahanName: string | null;
  /** Rounded to 10 m: how near, not where. Null when it matched by product only. */
  distanceMeters: number | null;
  supportCount: number;
  submittedAt: string;
  /** The published description, cut to a line; null when it may not be shown. */
  excerpt: string | null;
}

export const EXCERPT_LENGTH = 160;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findSimilarReports(
  db: Db,
  { productId, point }: { productId: string | null; point: { latitude: number; longitude: number } | null },
): Promise<SimilarReport[]> {
  const product = productId && UUID.test(productId) ? productId.toLowerCase() : null;
  if (!product && !point) return [];
  const records = await findSimilarRecords(db, {
    productId: product,
    point,
    radiusMeters: SIMILAR_RADIUS_METERS,
    statuses: SUPPORTABLE_STATUSES,
    visibilities: SUPPORTABLE_VISIBILITIES,
    limit: SIMILAR_LIMIT,
  });
  return records
    .filter((record) => isPublishable(record))
    .map((record) => {
      const text = publicCitizenText("description", record.description, { visibility: record.visibility, identity: record.complainant, textHidden: record.publicTextHidden });
      const line = text?.replace(/\s+/g, " ") ?? null;
      return {
        trackingCode: record.trackingCode,
        status: record.status,
        productName: record.productName,
        productNameEn: record.productNameEn,
        unitName: record.unitName,
        kelurahanName: record.kelurahanName,
        distanceMeters: record.distanceMeters === null ? null : Math.round(record.distanceMeters / 10) * 10,
        supportCount: record.supportCount,
        submittedAt: record.submittedAt.toISOString(),
        excerpt: line && line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH).trimEnd()}…` : line,
      };
    });
}
