import { describe, expect, it } from "vitest";
import { acknowledgementFor, COMPOSER_MODES, composerIntent, composerModes, nextChoices } from "./composer";
import type { StaffIntent } from "./unit-actions.server";

describe("composerIntent", () => {
  it("maps each mode sent plainly to its own intent", () => {
    expect(composerIntent("reply", "send")).toEqual({ ok: true, intent: "respond" });
    expect(composerIntent("ask", "send")).toEqual({ ok: true, intent: "request-info" });
    expect(composerIntent("propose", "send")).toEqual({ ok: true, intent: "propose-resolution" });
    expect(composerIntent("note", "send")).toEqual({ ok: true, intent: "note" });
    // A missing choice (implicit submission) is a plain send.
    expect(composerIntent("reply", undefined)).toEqual({ ok: true, intent: "respond" });
    expect(composerIntent("reply", "")).toEqual({ ok: true, intent: "respond" });
  });

  it("lets a reply set the next status: waiting for the citizen asks, resolving proposes", () => {
    expect(composerIntent("reply", "await-citizen")).toEqual({ ok: true, intent: "request-info" });
    expect(composerIntent("reply", "resolve")).toEqual({ ok: true, intent: "propose-resolution" });
    // A choice that repeats the mode is what the mode means anyway.
    expect(composerIntent("ask", "await-citizen")).toEqual({ ok: true, intent: "request-info" });
    expect(composerIntent("propose", "resolve")).toEqual({ ok: true, intent: "propose-resolution" });
  });

  it("refuses a choice that contradicts the mode, and never sends an internal note to the citizen", () => {
    expect(composerIntent("note", "await-citizen")).toEqual({ ok: false, error: "inbox.composer.error.next" });
    expect(composerIntent("note", "resolve")).toEqual({ ok: false, error: "inbox.composer.error.next" });
    expect(composerIntent("ask", "resolve")).toEqual({ ok: false, error: "inbox.composer.error.next" });
    expect(composerIntent("propose", "await-citizen")).toEqual({ ok: false, error: "inbox.composer.error.next" });
    expect(composerIntent("reply", "close")).toEqual({ ok: false, error: "inbox.composer.error.next" });
    expect(composerIntent("respond", "send")).toEqual({ ok: false, error: "inbox.composer.error.mode" });
    expect(composerIntent(undefined, "send")).toEqual({ ok: false, error: "inbox.composer.error.mode" });
  });

  it("every choice the page offers for a mode maps to an intent", () => {
    for (const mode of COMPOSER_MODES) for (const next of nextChoices(mode)) expect(composerIntent(mode, next).ok, `${mode}/${next}`).toBe(true);
  });
});

describe("composerModes", () => {
  const inProgress: StaffIntent[] = ["request-info", "respond", "propose-resolution", "note", "transfer"];

  it("offers what the user may send now", () => {
    expect(composerModes(inProgress, inProgress)).toEqual([
      { mode: "reply", acknowledgesFirst: false },
      { mode: "ask", acknowledgesFirst: false },
      { mode: "propose", acknowledgesFirst: false },
      { mode: "note", acknowledgesFirst: false },
    ]);
    // The coordinator may ask but not answer for the unit; a liaison on an appeal only notes.
    expect(composerModes(["request-info", "note"], ["request-info", "note"]).map((o) => o.mode)).toEqual(["ask", "note"]);
    expect(composerModes(["note"], ["note"]).map((o) => o.mode)).toEqual(["note"]);
    expect(composerModes([], inProgress)).toEqual([]);
  });

  it("offers the citizen-facing modes of an assigned complaint to whoever may acknowledge it, marked as acknowledging first", () => {
    const assigned: StaffIntent[] = ["acknowledge", "note", "transfer"];
    expect(composerModes(assigned, inProgress)).toEqual([
      { mode: "reply", acknowledgesFirst: true },
      { mode: "ask", acknowledgesFirst: true },
      { mode: "propose", acknowledgesFirst: true },
      { mode: "note", acknowledgesFirst: false },
    ]);
    // Without the right to acknowledge, nothing opens.
    expect(composerModes(["note"], inProgress).map((o) => o.mode)).toEqual(["note"]);
  });

  it("acknowledgementFor says whether a send needs the acknowledgement, or is not allowed", () => {
    expect(acknowledgementFor("respond", inProgress, inProgress)).toBe(false);
    expect(acknowledgementFor("respond", ["acknowledge", "note"], inProgress)).toBe(true);
    expect(acknowledgementFor("note", ["acknowledge", "note"], inProgress)).toBe(false);
    expect(acknowledgementFor("respond", ["note"], inProgress)).toBeNull();
    expect(acknowledgementFor("note", ["acknowledge"], inProgress)).toBeNull();
  });
});
