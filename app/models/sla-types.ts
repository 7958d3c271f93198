// Types the SLA models and the SLA domain share: who an escalation goes to, an escalation as
// recorded, and the deadlines a complaint row keeps. They describe rows the models read and write,
// so they live here, below both (ADR 032); app/domain/sla/escalation.ts and clock.ts re-export them.
import type { SlaStage } from "~/generated/prisma/client";

/** Roles an escalation can go to (Role enum values). */
export type EscalationRole = "COORDINATOR" | "UNIT_HEAD" | "INSPECTORATE" | "LIAISON";

export type EscalationSettlement = "STAGE_STOPPED" | "DEADLINE_MOVED";

/** An escalation as recorded: where it stands is what decides whether a moved deadline revises it. */
export interface RecordedEscalation {
  stage: SlaStage;
  level: number;
  cycleStartedAt: Date;
  breachedDueAt: Date;
  /** Null while open. */
  settledReason: EscalationSettlement | null;
}

/** The deadlines a complaint row keeps (what the inbox sorts on and the pages show): running clocks only. */
export interface StoredDeadlines {
  verificationDueAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  citizenReplyDueAt: Date | null;
  confirmationDueAt: Date | null;
  nextDueAt: Date | null;
  nextDueStage: SlaStage | null;
}
