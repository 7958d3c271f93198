// Reads for the coordinator's triage desk. No complainant identity is selected here: the desk works
// on content; identity goes through the audited accessor (ADR 006) when it is needed.
import { Prisma, type UnitKind } from "~/generated/prisma/client";
import type { Db } from "~/services/db.server";
import { qualifiedTable } from "~/services/db.server";

export const TRIAGE_PAGE_SIZE = 25;

/**
 * The sort key of the queue: the verification deadline; a verified complaint still without a unit
 * has met that deadline, so it sorts by when it was verified (earlier than any open deadline: it is
 * the oldest work on the desk). Never null: submitted_at is the last resort.
 */
const SORT_KEY = Prisma.sql`COALESCE(verification_due_at, verified_at, submitted_at)`;
const IN_QUEUE = Prisma.sql`(status IN ('SUBMITTED', 'ON_HOLD') OR (status = 'VERIFIED' AND unit_id IS NULL))`;

export interface TriageCursor {
  key: Date;
  id: string;
}

/** `<epoch ms>.<uuid>`: opaque to the user, checked on the way back in. */
export function encodeTriageCursor(cursor: TriageCursor): string {
  return `${cursor.key.getTime()}.${cursor.id}`;
}

export function decodeTriageCursor(value: string | null): TriageCursor | null {
  const match = value?.match(/^(\d{1,15})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i);
  if (!match) return null;
  const key = new Date(Number(match[1]));
  return Number.isNaN(key.getTime()) ? null : { key, id: match[2]!.toLowerCase() };
}

export interface TriageQueueItem {
  id: string;
  trackingCode: string;
  status: "SUBMITTED" | "ON_HOLD" | "VERIFIED";
  submittedAt: string;
  verificationDueAt: string | null;
  overdue: boolean;
  /** The title, else the start of the description (content only, never who complained). */
  summary: string;
  unitName: string | null;
  productName: string | null;
  productNameEn: string | null;
  maladministration: { nameId: string; nameEn: string } | null;
  attachmentCount: number;
  priority: "LOW" | "NORMAL" | "HIGH" | "URGENT";
  /** Citizens who support it on its public page (#14, ADR 038): only a verified report has any. */
  supportCount: number;
}

const EXCERPT_LENGTH = 120;
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH).trimEnd()}…`;
}

export interface TriageQueuePage {
  items: TriageQueueItem[];
  /** The cursor of the next page, or null on the last one. */
  next: string | null;
  total: number;
}

/** How many complaints the queue holds (the staff navigation's "unverified" count). */
export async function countTriageQueue(db: Db): Promise<number> {
  const counted = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM ${qualifiedTable(db, "complaint")} WHERE ${IN_QUEUE}`;
  return Number(counted[0]?.count ?? 0);
}

/** One page of the queue, oldest verification deadline first (keyset paging: no OFFSET). */
export async function listTriageQueue(db: Db, { after, now, limit = TRIAGE_PAGE_SIZE }: { after: TriageCursor | null; now: Date; limit?: number }): Promise<TriageQueuePage> {
  const table = qualifiedTable(db, "complaint");
  const afterClause = after ? Prisma.sql`AND (${SORT_KEY}, id) > (${after.key}::timestamptz, ${after.id}::uuid)` : Prisma.empty;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<{ id: string; key: Date }[]>`
      SELECT id::text AS id, ${SORT_KEY} AS key FROM ${table}
      WHERE ${IN_QUEUE} ${afterClause}
      ORDER BY ${SORT_KEY} ASC, id ASC
      LIMIT ${limit + 1}`,
    countTriageQueue(db),
  ]);
  const page = rows.slice(0, limit);
  const details = await db.complaint.findMany({
    where: { id: { in: page.map((row) => row.id) } },
    select: {
      id: true,
      trackingCode: true,
      status: true,
      submittedAt: true,
      verificationDueAt: true,
      title: true,
      description: true,
      unit: { select: { name: true } },
      product: { select: { name: true, nameEn: true } },
      maladministration: { select: { nameId: true, nameEn: true } },
      priority: true,
      supportCount: true,
      _count: { select: { attachments: true } },
    },
  });
  const byId = new Map(details.map((row) => [row.id, row]));
  const items: TriageQueueItem[] = [];
  for (const row of page) {
    const complaint = byId.get(row.id);
    if (!complaint) continue;
    items.push({
      id: complaint.id,
      trackingCode: complaint.trackingCode,
      status: complaint.status as TriageQueueItem["status"],
      submittedAt: complaint.submittedAt.toISOString(),
      verificationDueAt: complaint.verificationDueAt?.toISOString() ?? null,
      overdue: complaint.verificationDueAt !== null && complaint.verificationDueAt.getTime() < now.getTime(),
      summary: complaint.title ?? excerpt(complaint.description),
      unitName: complaint.unit?.name ?? null,
      productName: complaint.product?.name ?? null,
      productNameEn: complaint.product?.nameEn ?? null,
      maladministration: complaint.maladministration,
      attachmentCount: complaint._count.attachments,
      priority: complaint.priority,
      supportCount: complaint.supportCount,
    });
  }
  const last = rows.length > limit ? page[page.length - 1] : undefined;
  return { items, next: last ? encodeTriageCursor({ key: new Date(last.key), id: last.id }) : null, total: counted };
}

export interface TriageComplaintView {
  id: string;
  trackingCode: string;
  status: string;
  visibility: string;
  channel: string;
  submittedAt: string;
  verificationDueAt: string | null;
  overdue: boolean;
  title: string | null;
  description: string;
  incidentDate: string | null;
  kecamatanName: string | null;
  kelurahanName: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  unitId: string | null;
  unitName: string | null;
  productName: string | null;
  productNameEn: string | null;
  /** The citizen named neither a product nor a unit: verifying needs a unit chosen by the coordinator. */
  unitUnknown: boolean;
  maladministration: { nameId: string; nameEn: string } | null;
  maladministrationCode: string | null;
  priority: string;
  duplicateOfCode: string | null;
  attachments: { id: string; name: string }[];
  timeline: { id: string; type: string; occurredAt: string; byCitizen: boolean; message: string | null }[];
}

/** One complaint as the desk sees it: content and the public timeline; null for an unknown id. */
export async function getTriageComplaint(db: Db, id: string, now: Date): Promise<TriageComplaintView | null> {
  const complaint = await db.complaint.findUnique({
    where: { id },
    select: {
      id: true,
      trackingCode: true,
      status: true,
      visibility: true,
      channel: true,
      submittedAt: true,
      verificationDueAt: true,
      title: true,
      description: true,
      incidentDate: true,
      address: true,
      latitude: true,
      longitude: true,
      unitId: true,
      productId: true,
      kecamatan: { select: { name: true } },
      kelurahan: { select: { name: true } },
      unit: { select: { name: true } },
      product: { select: { name: true, nameEn: true } },
      maladministration: { select: { nameId: true, nameEn: true } },
      maladministrationCode: true,
      priority: true,
      duplicateOf: { select: { trackingCode: true } },
      attachments: { orderBy: { createdAt: "asc" }, select: { id: true, originalName: true } },
      events: {
        where: { visibility: "PUBLIC" },
        orderBy: { id: "asc" },
        select: { id: true, type: true, occurredAt: true, actorKind: true, message: true },
      },
    },
  });
  if (!complaint) return null;
  return {
    id: complaint.id,
    trackingCode: complaint.trackingCode,
    status: complaint.status,
    visibility: complaint.visibility,
    channel: complaint.channel,
    submittedAt: complaint.submittedAt.toISOString(),
    verificationDueAt: complaint.verificationDueAt?.toISOString() ?? null,
    overdue: complaint.verificationDueAt !== null && complaint.verificationDueAt.getTime() < now.getTime(),
    title: complaint.title,
    description: complaint.description,
    incidentDate: complaint.incidentDate?.toISOString().slice(0, 10) ?? null,
    kecamatanName: complaint.kecamatan?.name ?? null,
    kelurahanName: complaint.kelurahan?.name ?? null,
    address: complaint.address,
    latitude: complaint.latitude === null ? null : Number(complaint.latitude),
    longitude: complaint.longitude === null ? null : Number(complaint.longitude),
    unitId: complaint.unitId,
    unitName: complaint.unit?.name ?? null,
    productName: complaint.product?.name ?? null,
    productNameEn: complaint.product?.nameEn ?? null,
    unitUnknown: complaint.unitId === null && complaint.productId === null,
    maladministration: complaint.maladministration,
    maladministrationCode: complaint.maladministrationCode,
    priority: complaint.priority,
    duplicateOfCode: complaint.duplicateOf?.trackingCode ?? null,
    attachments: complaint.attachments.map((a) => ({ id: a.id, name: a.originalName })),
    timeline: complaint.events.map((e) => ({
      id: e.id.toString(),
      type: e.type,
      occurredAt: e.occurredAt.toISOString(),
      byCitizen: e.actorKind === "CITIZEN",
      message: e.message,
    })),
  };
}

/** Active units of these kinds (which kinds can take a complaint is the domain's rule: ROUTABLE_UNIT_KINDS), for the select. */
export async function listRoutableUnits(db: Db, kinds: readonly UnitKind[]): Promise<{ id: string; name: string }[]> {
  return db.serviceUnit.findMany({
    where: { isActive: true, kind: { in: [...kinds] } },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
}

/** The ten forms of maladministration, in their order, for the coordinator's classification. */
export async function listMaladministrationForms(db: Db): Promise<{ code: string; nameId: string; nameEn: string }[]> {
  return db.maladministrationForm.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, nameId: true, nameEn: true } });
}
