import { describe, expect, it } from "vitest";
import { COMPLAINT_STATUSES, TRANSITIONS, availableActions, decideTransition, TERMINAL_STATUSES, type ComplaintStatus } from "./workflow";

describe("complaint workflow", () => {
  it("walks the happy path of DESIGN.md", () => {
    const path: [ComplaintStatus | null, Parameters<typeof decideTransition>[1], Parameters<typeof decideTransition>[2], ComplaintStatus][] = [
      [null, "SUBMIT", "CITIZEN", "SUBMITTED"],
      ["SUBMITTED", "VERIFY", "COORDINATOR", "VERIFIED"],
      ["VERIFIED", "ASSIGN", "SYSTEM", "ASSIGNED"],
      ["ASSIGNED", "ACKNOWLEDGE", "OFFICER", "IN_PROGRESS"],
      ["IN_PROGRESS", "REQUEST_INFO", "OFFICER", "AWAITING_CITIZEN"],
      ["IN_PROGRESS", "PROPOSE_RESOLUTION", "UNIT_HEAD", "RESOLVED"],
      ["RESOLVED", "CONFIRM_RESOLUTION", "CITIZEN", "CLOSED"],
      ["CLOSED", "RATE", "CITIZEN", "CLOSED"],
    ];
    for (const [from, action, actor, to] of path) {
      const decision = decideTransition(from, action, actor);
      expect(decision, `${from} --${action}/${actor}-->`).toMatchObject({ ok: true, to });
    }
  });

  it("returns a citizen's reply to the status the question was asked from", () => {
    expect(decideTransition("AWAITING_CITIZEN", "CITIZEN_REPLY", "CITIZEN", { returnStatus: "IN_PROGRESS" })).toMatchObject({ ok: true, to: "IN_PROGRESS" });
    expect(decideTransition("AWAITING_CITIZEN", "CITIZEN_REPLY", "CITIZEN", { returnStatus: "SUBMITTED" })).toMatchObject({ ok: true, to: "SUBMITTED" });
    expect(decideTransition("AWAITING_CITIZEN", "CITIZEN_REPLY", "CITIZEN")).toMatchObject({ ok: false, refusal: { reason: "no_return_status" } });
  });

  it("refuses illegal moves with a reason", () => {
    expect(decideTransition("CLOSED", "PROPOSE_RESOLUTION", "OFFICER")).toEqual({
      ok: false,
      refusal: { reason: "not_allowed_from_status", status: "CLOSED", action: "PROPOSE_RESOLUTION" },
    });
    expect(decideTransition("SUBMITTED", "VERIFY", "OFFICER")).toEqual({
      ok: false,
      refusal: { reason: "not_allowed_for_actor", actor: "OFFICER", action: "VERIFY" },
    });
    expect(decideTransition("RESOLVED", "CONFIRM_RESOLUTION", "OFFICER")).toMatchObject({ ok: false });
    expect(decideTransition("WITHDRAWN", "WITHDRAW", "CITIZEN")).toMatchObject({ ok: false });
  });

  it("lets nothing but staff notes and appeals out of a terminal status", () => {
    for (const status of TERMINAL_STATUSES) {
      const moves = TRANSITIONS.filter((t) => t.from.includes(status) && t.to !== "SAME").map((t) => t.action);
      expect(moves.every((action) => action === "APPEAL"), status).toBe(true);
    }
  });

  it("reaches every status from SUBMITTED", () => {
    const reached = new Set<ComplaintStatus>(["SUBMITTED"]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of TRANSITIONS) {
        const targets = t.to === "SAME" ? [] : t.to === "RETURN" ? ["IN_PROGRESS", "SUBMITTED"] : [t.to];
        if (t.from.some((s) => reached.has(s))) {
          for (const target of targets as ComplaintStatus[]) if (!reached.has(target)) (reached.add(target), (grew = true));
        }
      }
    }
    expect([...reached].sort()).toEqual([...COMPLAINT_STATUSES].sort());
  });

  it("offers the citizen only citizen actions", () => {
    expect(availableActions("RESOLVED", "CITIZEN").sort()).toEqual(["APPEAL", "CONFIRM_RESOLUTION", "REJECT_RESOLUTION"]);
    expect(availableActions("AWAITING_CITIZEN", "CITIZEN").sort()).toEqual(["CITIZEN_REPLY", "WITHDRAW"]);
    expect(availableActions("CLOSED", "CITIZEN").sort()).toEqual(["APPEAL", "RATE"]);
  });

  it("takes a citizen's e-mail as a message for staff in any state but the one that waits for their answer, with no move", () => {
    for (const status of ["SUBMITTED", "IN_PROGRESS", "RESOLVED", "APPEALED", "CLOSED", "REJECTED", "WITHDRAWN"] as const) {
      expect(decideTransition(status, "CITIZEN_MESSAGE", "CITIZEN")).toMatchObject({ ok: true, to: status, transition: { publicEvent: false } });
    }
    expect(decideTransition("AWAITING_CITIZEN", "CITIZEN_MESSAGE", "CITIZEN")).toMatchObject({ ok: false });
    expect(decideTransition("IN_PROGRESS", "CITIZEN_MESSAGE", "OFFICER")).toMatchObject({ ok: false });
  });
});
