// The shapes of the reporting tables' rows: a complaint's fact (complaint_report_fact) and the
// summed counts of the monthly roll-ups (complaint_report_rollup). The models read and write them
// and the domain computes them, so they live here, in the lowest layer that needs them (ADR 032);
// app/domain/reports re-exports them. Client-safe: no Prisma at run time.
import type { ComplaintStatus } from "~/generated/prisma/client";

export type StageOutcome = "met" | "missed";

export interface ComplaintFact {
  complaintId: string;
  groupKey: string;
  /** "YYYY-MM-01": the submission month in Asia/Jakarta. */
  periodMonth: string;
  unitId: string | null;
  productId: string | null;
  maladministrationCode: string | null;
  channel: string;
  status: ComplaintStatus;
  submittedAt: Date;
  rejected: boolean;
  handled: boolean;
  open: boolean;
  closed: boolean;
  verificationOutcome: StageOutcome | null;
  firstResponseOutcome: StageOutcome | null;
  resolutionOutcome: StageOutcome | null;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  reopened: boolean;
  appealed: boolean;
  escalated: boolean;
  rating: number | null;
  staleAt: Date | null;
}

// The roll-up's count columns, in camelCase; report-queries.server.ts maps them to snake_case.
export const COUNT_KEYS = [
  "complaints", "rejected", "handled", "open", "closed",
  "verificationDecided", "verificationMet", "firstResponseDecided", "firstResponseMet",
  "resolutionDecided", "resolutionMet", "reopened", "appealed", "escalated", "ratingCount", "ratingSum",
] as const;
export type RollupCounts = Record<(typeof COUNT_KEYS)[number], number>;

export const EMPTY_COUNTS: RollupCounts = Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as RollupCounts;

/** Working minutes; percentile_disc, so every figure is a duration some complaint really had. */
export interface DurationStats {
  firstResponseCount: number;
  firstResponseMedian: number | null;
  firstResponseP90: number | null;
  resolutionCount: number;
  resolutionMedian: number | null;
  resolutionP90: number | null;
}

export const EMPTY_DURATIONS: DurationStats = {
  firstResponseCount: 0, firstResponseMedian: null, firstResponseP90: null,
  resolutionCount: 0, resolutionMedian: null, resolutionP90: null,
};
