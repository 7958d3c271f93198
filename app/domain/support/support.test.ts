import { describe, expect, it } from "vitest";
import { isSupportable, notifiesSupporters, parsePoint, parseSupporterEmail, similarStepPassed, supportOutcomeOf } from "./support";

const verifiedAt = new Date("2026-12-01T02:00:00Z");

describe("support rules", () => {
  it("supports only open, verified, non-RAHASIA reports", () => {
    expect(isSupportable({ status: "IN_PROGRESS", visibility: "PUBLIC", verifiedAt })).toBe(true);
    expect(isSupportable({ status: "IN_PROGRESS", visibility: "ANONIM", verifiedAt })).toBe(true);
    expect(isSupportable({ status: "IN_PROGRESS", visibility: "RAHASIA", verifiedAt })).toBe(false);
    expect(isSupportable({ status: "SUBMITTED", visibility: "PUBLIC", verifiedAt: null })).toBe(false);
    expect(isSupportable({ status: "CLOSED", visibility: "PUBLIC", verifiedAt })).toBe(false);
  });

  it("mails supporters a public change of status of a report that stays published", () => {
    const base = { publicEvent: true, verifiedAt, visibility: "PUBLIC" };
    expect(notifiesSupporters({ ...base, from: "ASSIGNED", to: "IN_PROGRESS" })).toBe(true);
    expect(notifiesSupporters({ ...base, from: "RESOLVED", to: "CLOSED" })).toBe(true);
    expect(notifiesSupporters({ ...base, from: "IN_PROGRESS", to: "IN_PROGRESS" })).toBe(false);
    expect(notifiesSupporters({ ...base, publicEvent: false, from: "ASSIGNED", to: "IN_PROGRESS" })).toBe(false);
    expect(notifiesSupporters({ ...base, visibility: "RAHASIA", from: "ASSIGNED", to: "IN_PROGRESS" })).toBe(false);
    expect(notifiesSupporters({ ...base, from: "IN_PROGRESS", to: "DUPLICATE" })).toBe(false);
  });

  it("takes an optional e-mail and refuses what is not one", () => {
    expect(parseSupporterEmail("")).toEqual({ ok: true, email: null });
    expect(parseSupporterEmail(undefined)).toEqual({ ok: true, email: null });
    expect(parseSupporterEmail(" Warga@Example.TEST ")).toEqual({ ok: true, email: "warga@example.test" });
    expect(parseSupporterEmail("not an address")).toEqual({ ok: false });
    expect(parseSupporterEmail(`${"a".repeat(250)}@x.id`)).toEqual({ ok: false });
  });

  it("reads outcomes, decisions and points defensively", () => {
    expect(supportOutcomeOf("added")).toBe("added");
    expect(supportOutcomeOf("<script>")).toBeNull();
    expect(similarStepPassed("different")).toBe(true);
    expect(similarStepPassed("seen")).toBe(true);
    expect(similarStepPassed("yes")).toBe(false);
    expect(parsePoint("-2.13", "106.11")).toEqual({ latitude: -2.13, longitude: 106.11 });
    expect(parsePoint("", "106.11")).toBeNull();
    expect(parsePoint("NaN", "106.11")).toBeNull();
    expect(parsePoint("91", "106.11")).toBeNull();
  });
});
