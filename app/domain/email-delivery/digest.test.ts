// The staff digest's CITIZEN_UNREACHABLE items (issue #15): a complaint waits on a citizen whose
// address is undeliverable, so the auto-close window runs on someone who will not hear of it.
import { describe, expect, it } from "vitest";
import type { UnmailedStaffAlert } from "~/models/staff-alerts.server";
import { composeStaffDigest, orderDigestAlerts } from "~/domain/sla/staff-digest.server";
import { emailHtmlProblems } from "../../../tests/support/email-html";

const BASE = "https://lapor.example/";
const wib = (local: string) => new Date(`${local}+07:00`);
let next = 0n;
function alert(overrides: Partial<UnmailedStaffAlert>): UnmailedStaffAlert {
  next += 1n;
  return {
    id: next,
    toAddress: "petugas@example.test",
    locale: "id",
    kind: "CITIZEN_UNREACHABLE",
    stage: "CITIZEN_REPLY",
    level: null,
    role: null,
    dueAt: wib("2027-01-29T16:00:00"),
    nextLevelAt: null,
    complaintId: `00000000-0000-4000-8000-${String(next).padStart(12, "0")}`,
    trackingCode: `LPK-00000-${String(next).padStart(6, "0")}`,
    productName: "Penerbitan KTP-el",
    productNameEn: "KTP-el issuance",
    unitName: "Dinas Kependudukan dan Pencatatan Sipil",
    ...overrides,
  };
}
const now = wib("2027-01-22T17:00:00");

describe("staff digest: a citizen who cannot be mailed", () => {
  it("alone: its own subject, says the window will not be heard of and what to do, links the complaint", () => {
    const only = alert({});
    const notice = composeStaffDigest([only], { now, publicBaseUrl: BASE });
    expect(notice.subject).toBe(`E-mail tidak terkirim: pengadu ${only.trackingCode} tidak tahu ada yang ditunggu darinya`);
    expect(notice.complaintId).toBe(only.complaintId);
    expect(notice.bodyText).toContain("jawabannya ditunggu sampai 29 Januari 2027 pukul 16.00 WIB");
    expect(notice.bodyText).toContain("ditutup otomatis");
    expect(notice.bodyText).toContain(`https://lapor.example/staf/pengaduan/${only.complaintId}`);
    expect(emailHtmlProblems(notice.bodyHtml!, "id")).toEqual([]);
    const confirmation = composeStaffDigest([alert({ stage: "CONFIRMATION", locale: "en" })], { now, publicBaseUrl: BASE });
    expect(confirmation.bodyText).toContain("the resolution awaits their confirmation until 29 January 2027 at 16:00 WIB");
  });

  it("among others: after escalations, before reminders, and counted in the subject", () => {
    const reminder = alert({ kind: "REMINDER", stage: "RESOLUTION", dueAt: wib("2027-01-23T16:00:00") });
    const escalation = alert({ kind: "ESCALATION", stage: "FIRST_RESPONSE", level: 1, role: "UNIT_HEAD", dueAt: wib("2027-01-20T16:00:00"), nextLevelAt: wib("2027-01-26T16:00:00") });
    const unreachable = alert({});
    expect(orderDigestAlerts([reminder, unreachable, escalation])).toEqual([escalation, unreachable, reminder]);
    const notice = composeStaffDigest([reminder, unreachable, escalation], { now, publicBaseUrl: BASE });
    expect(notice.subject).toBe("Pengaduan yang memerlukan tindakan Anda, 22 Januari 2027: 1 eskalasi, 1 e-mail tidak terkirim dan 1 pengingat");
    expect(notice.bodyText.indexOf("PENGADU YANG TIDAK DAPAT DIHUBUNGI")).toBeGreaterThan(notice.bodyText.indexOf("ESKALASI"));
    expect(notice.bodyText.indexOf("PENGADU YANG TIDAK DAPAT DIHUBUNGI")).toBeLessThan(notice.bodyText.indexOf("PENGINGAT"));
    const two = composeStaffDigest([alert({ locale: "en" }), alert({ locale: "en" })], { now, publicBaseUrl: BASE });
    expect(two.subject).toBe("Complaints that need you, 22 January 2027: 2 undeliverable e-mails");
  });
});
