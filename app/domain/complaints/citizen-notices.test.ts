import { describe, expect, it } from "vitest";
import type { SlaSnapshot } from "~/domain/sla/clock";
import { citizenNoticeFor } from "./citizen-notices";
import { TRANSITIONS } from "./workflow";

const replyDue = new Date("2026-12-01T09:00:00Z");
const snapshot: SlaSnapshot = {
  stages: { CITIZEN_REPLY: { stage: "CITIZEN_REPLY", startedAt: new Date("2026-11-20T02:00:00Z"), dueAt: replyDue, stoppedAt: null, state: "running" } },
  nextDue: { stage: "CITIZEN_REPLY", dueAt: replyDue },
  paused: true,
  pauses: [],
};

describe("citizenNoticeFor", () => {
  it("tells the citizen of a question with its answer deadline, and of a resolution even when its deadline is unknown", () => {
    expect(citizenNoticeFor("REQUEST_INFO", snapshot)).toEqual({ kind: "question", answerBy: replyDue });
    expect(citizenNoticeFor("PROPOSE_RESOLUTION", snapshot)).toEqual({ kind: "resolution", answerBy: null });
    expect(citizenNoticeFor("DISMISS_APPEAL", snapshot)).toEqual({ kind: "appealDismissed", answerBy: null });
  });

  it("never mails the citizen about their own actions, and not about internal moves", () => {
    for (const transition of TRANSITIONS) {
      const notice = citizenNoticeFor(transition.action, snapshot);
      if (transition.actors.includes("CITIZEN") || !transition.publicEvent) expect(notice, transition.action).toBeNull();
    }
    expect(citizenNoticeFor("ACKNOWLEDGE", snapshot)).toBeNull();
  });
});
