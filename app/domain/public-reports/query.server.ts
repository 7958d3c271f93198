// The public list's address bar: ?kecamatan=&unit=&status=&bulan=&setelah= (and, for the exports
// and the map, &batas= and &bbox=). Anything a visitor can type arrives here; a value that does not
// parse is dropped (the list shows unfiltered by it), never an error page (tests/security/fuzz-public).
import { z } from "zod";
import { isStatusGroup, type StatusGroup } from "./status-groups";

export interface PublicReportCursor {
  submittedAt: Date;
  id: string;
}

export interface BoundingBox {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface PublicReportQuery {
  kecamatanCode: string | null;
  unitId: string | null;
  group: StatusGroup | null;
  /** "YYYY-MM": the month of submission in Asia/Jakarta. */
  month: string | null;
  after: PublicReportCursor | null;
  bbox: BoundingBox | null;
}

const kecamatan = z.string().trim().regex(/^\d{2}(\.\d{2}){2}$/);
const month = z.string().trim().regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/);
const uuid = z.uuid();

/** `<submittedAt ms>.<id>`: opaque to visitors, safe in a URL. */
export function encodePublicCursor(cursor: PublicReportCursor): string {
  return `${cursor.submittedAt.getTime()}.${cursor.id}`;
}

export function decodePublicCursor(value: string | null | undefined): PublicReportCursor | null {
  const match = value?.match(/^(\d{1,15})\.([0-9a-fA-F-]{36})$/);
  if (!match || !uuid.safeParse(match[2]).success) return null;
  return { submittedAt: new Date(Number(match[1])), id: match[2]!.toLowerCase() };
}

/** "west,south,east,north" as GeoJSON and OSM write a box (RFC 7946 §5); degrees, west < east. */
function parseBbox(value: string | null): BoundingBox | null {
  const parts = value?.split(",").map((part) => Number(part.trim()));
  if (!parts || parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [west, south, east, north] = parts as [number, number, number, number];
  if (south < -90 || north > 90 || west < -180 || east > 180 || south > north || west > east) return null;
  return { south, west, north, east };
}

const pick = <T>(schema: z.ZodType<T>, value: string | null): T | null => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

export function parsePublicReportQuery(params: URLSearchParams): PublicReportQuery {
  const status = params.get("status");
  return {
    kecamatanCode: pick(kecamatan, params.get("kecamatan")),
    unitId: pick(uuid, params.get("unit"))?.toLowerCase() ?? null,
    group: isStatusGroup(status) ? status : null,
    month: pick(month, params.get("bulan")),
    after: decodePublicCursor(params.get("setelah")),
    bbox: parseBbox(params.get("bbox")),
  };
}

/** The filters as they go back into links (page links, export links, the map's data URL). */
export function publicReportFilterParams(query: Pick<PublicReportQuery, "kecamatanCode" | "unitId" | "group" | "month">): URLSearchParams {
  const params = new URLSearchParams();
  if (query.kecamatanCode) params.set("kecamatan", query.kecamatanCode);
  if (query.unitId) params.set("unit", query.unitId);
  if (query.group) params.set("status", query.group);
  if (query.month) params.set("bulan", query.month);
  return params;
}

export const EXPORT_DEFAULT_LIMIT = 500;
/** The most rows one CSV or GeoJSON answer holds; the next page is linked (Link: rel="next"). */
export const EXPORT_MAX_LIMIT = 1000;

export function parseExportLimit(value: string | null): number {
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, EXPORT_MAX_LIMIT) : EXPORT_DEFAULT_LIMIT;
}

/** Jakarta has no daylight saving: a month starts at 00:00 WIB = 17:00 UTC the day before. */
export function monthRange(month: string): { start: Date; end: Date } {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  const wib = 7 * 3_600_000;
  return { start: new Date(Date.UTC(year, mon - 1, 1) - wib), end: new Date(Date.UTC(year, mon, 1) - wib) };
}
