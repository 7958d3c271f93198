// Which moves of a complaint the complainant is told about by e-mail (when they gave an address).
// Pure data and a pure choice; citizen-notices.server.ts writes the message in the transition's
// own transaction.
import type { SlaSnapshot } from "~/domain/sla/clock";
import type { SlaStage, WorkflowAction } from "./workflow";

export type CitizenNoticeKind = "question" | "response" | "resolution" | "rejected" | "duplicate" | "autoClosed" | "appealUpheld" | "appealDismissed";

/**
 * Actions by staff or the system that change what the citizen must do or can expect. Those that
 * need an answer carry the citizen's deadline: their silence closes the complaint (DESIGN.md
 * "Workflow": auto-close if no answer in a set window; confirmation by silence after 10 working
 * days). Moves the citizen only needs to see (verified, assigned, acknowledged, transferred) are on
 * the tracking page, not in their mailbox; the citizen's own actions are never mailed back.
 */
export const CITIZEN_NOTICES: Partial<Record<WorkflowAction, { kind: CitizenNoticeKind; answerBy?: SlaStage }>> = {
  REQUEST_INFO: { kind: "question", answerBy: "CITIZEN_REPLY" },
  RESPOND: { kind: "response" },
  PROPOSE_RESOLUTION: { kind: "resolution", answerBy: "CONFIRMATION" },
  REJECT: { kind: "rejected" },
  MARK_DUPLICATE: { kind: "duplicate" },
  AUTO_CLOSE: { kind: "autoClosed" },
  UPHOLD_APPEAL: { kind: "appealUpheld" },
  DISMISS_APPEAL: { kind: "appealDismissed" },
};

export interface CitizenNoticeChoice {
  kind: CitizenNoticeKind;
  /** The deadline for the citizen's answer, when the action waits for one and it is known. */
  answerBy: Date | null;
}

export function citizenNoticeFor(action: WorkflowAction, snapshot: SlaSnapshot): CitizenNoticeChoice | null {
  const notice = CITIZEN_NOTICES[action];
  if (!notice) return null;
  return { kind: notice.kind, answerBy: notice.answerBy ? (snapshot.stages[notice.answerBy]?.dueAt ?? null) : null };
}
