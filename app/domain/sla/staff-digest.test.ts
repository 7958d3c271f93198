import { describe, expect, it } from "vitest";
import type { UnmailedStaffAlert } from "~/models/staff-alerts.server";
import { emailHtmlProblems, emailHtmlText } from "../../../tests/support/email-html";
import { composeStaffDigest, composeStaffDigests, orderDigestAlerts, staffComplaintUrl } from "./staff-digest.server";

const BASE = "https://lapor.example/";
const wib = (local: string) => new Date(`${local}+07:00`);
let next = 0n;
function alert(overrides: Partial<UnmailedStaffAlert>): UnmailedStaffAlert {
  next += 1n;
  return {
    id: next,
    toAddress: "kepala@example.test",
    locale: "id",
    kind: "ESCALATION",
    stage: "FIRST_RESPONSE",
    level: 1,
    role: "UNIT_HEAD",
    dueAt: wib("2027-01-22T16:00:00"),
    nextLevelAt: wib("2027-01-26T16:00:00"),
    complaintId: `00000000-0000-4000-8000-${String(next).padStart(12, "0")}`,
    trackingCode: `LPK-00000-${String(next).padStart(6, "0")}`,
    productName: "Penerbitan KTP-el",
    productNameEn: "KTP-el issuance",
    unitName: "Dinas Kependudukan dan Pencatatan Sipil",
    ...overrides,
  };
}

describe("staff digest", () => {
  it("lists escalations before reminders, each from the oldest deadline", () => {
    const reminderSoon = alert({ kind: "REMINDER", level: null, role: null, nextLevelAt: null, dueAt: wib("2027-01-25T16:00:00") });
    const reminderLater = alert({ kind: "REMINDER", level: null, role: null, nextLevelAt: null, dueAt: wib("2027-01-28T16:00:00") });
    const newer = alert({ dueAt: wib("2027-01-22T16:00:00") });
    const older = alert({ dueAt: wib("2027-01-12T16:00:00"), level: 2, role: "INSPECTORATE" });
    expect(orderDigestAlerts([reminderLater, newer, reminderSoon, older])).toEqual([older, newer, reminderSoon, reminderLater]);
  });

  it("makes one message per address, whatever the case of the address", () => {
    const digests = composeStaffDigests(
      [alert({}), alert({ toAddress: "KEPALA@example.test" }), alert({ toAddress: "inspektorat@example.test", level: 2, role: "INSPECTORATE" })],
      { now: wib("2027-01-22T17:00:00"), publicBaseUrl: BASE },
    );
    expect(digests.map((d) => [d.notice.to, d.alertIds.length])).toEqual([
      ["kepala@example.test", 2],
      ["inspektorat@example.test", 1],
    ]);
  });

  it("speaks to its reader, says when the next level is reached, and links each complaint", () => {
    const first = alert({});
    const notice = composeStaffDigest([first, alert({ kind: "REMINDER", level: null, role: null, nextLevelAt: null, stage: "RESOLUTION", dueAt: wib("2027-01-27T16:00:00") })], {
      now: wib("2027-01-22T17:00:00"),
      publicBaseUrl: BASE,
    });
    expect(notice.subject).toBe("Pengaduan yang memerlukan tindakan Anda, 22 Januari 2027: 1 eskalasi dan 1 pengingat");
    expect(notice.template).toBe("sla.digest");
    expect(notice.complaintId).toBeNull();
    expect(notice.bodyText).toContain("Eskalasi tingkat 1 kepada Anda (kepala unit): batas tanggapan pertama terlewati sejak 22 Januari 2027 pukul 16.00 WIB.");
    expect(notice.bodyText).toContain("Mohon tindak lanjuti sebelum 26 Januari 2027 pukul 16.00 WIB; setelah itu eskalasi naik ke Inspektorat.");
    expect(notice.bodyText).not.toContain("diteruskan kepada");
    expect(notice.bodyText).toContain(`https://lapor.example/staf/pengaduan/${first.complaintId}`);
    expect(notice.bodyText.indexOf("Eskalasi tingkat 1")).toBeLessThan(notice.bodyText.indexOf("Batas penyelesaian jatuh pada 27 Januari 2027"));
    expect(emailHtmlProblems(notice.bodyHtml!, "id")).toEqual([]);
    expect(emailHtmlText(notice.bodyHtml!)).toContain("Mohon tindak lanjuti sebelum 26 Januari 2027 pukul 16.00 WIB");
  });

  it("claims no next level at the top of the ladder, and says so when the next level was already reached", () => {
    const now = wib("2027-01-22T17:00:00");
    const liaison = alert({ stage: "RESOLUTION", level: 3, role: "LIAISON", nextLevelAt: null });
    const top = composeStaffDigest([liaison], { now, publicBaseUrl: BASE });
    expect(top.subject).toBe(`Eskalasi tingkat 3: pengaduan ${liaison.trackingCode} melewati batas penyelesaian (22 Januari 2027)`);
    expect(top.complaintId).toBe(liaison.complaintId);
    expect(top.bodyText).toContain("Ini tingkat eskalasi tertinggi.");
    expect(top.bodyText).not.toContain("naik ke");
    const appeal = composeStaffDigest([alert({ stage: "APPEAL_REVIEW", level: 2, role: "INSPECTORATE", nextLevelAt: wib("2027-01-24T16:00:00") })], { now, publicBaseUrl: BASE });
    expect(appeal.bodyText).toContain("Ini tingkat eskalasi tertinggi."); // the appeal ladder has two levels
    const passed = composeStaffDigest([alert({ nextLevelAt: wib("2027-01-20T16:00:00"), dueAt: wib("2027-01-16T16:00:00") })], { now, publicBaseUrl: BASE });
    expect(passed.bodyText).toContain("Mohon segera tindak lanjuti; eskalasi sudah naik ke Inspektorat pada 20 Januari 2027 pukul 16.00 WIB.");
  });

  it("writes dates in the reader's language", () => {
    const notice = composeStaffDigest([alert({ locale: "en" }), alert({ locale: "en", kind: "REMINDER", level: null, role: null, nextLevelAt: null })], {
      now: wib("2027-01-22T17:00:00"),
      publicBaseUrl: BASE,
    });
    expect(notice.locale).toBe("en");
    expect(notice.subject).toBe("Complaints that need you, 22 January 2027: 1 escalation and 1 reminder");
    expect(notice.bodyText).toContain("Escalation level 1 to you (unit head): the first response deadline passed on 22 January 2027 at 16:00 WIB.");
    expect(notice.bodyText).toContain("KTP-el issuance");
    expect(notice.bodyText).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(emailHtmlProblems(notice.bodyHtml!, "en")).toEqual([]);
  });
});

describe("staff complaint links", () => {
  it("send the coordinators to the triage desk for a verification, everyone else to the complaint page", () => {
    const id = "00000000-0000-4000-8000-000000000001";
    expect(staffComplaintUrl(BASE, { complaintId: id, stage: "VERIFICATION", kind: "ESCALATION", role: "COORDINATOR" })).toBe(`https://lapor.example/staf/triase/${id}`);
    expect(staffComplaintUrl(BASE, { complaintId: id, stage: "VERIFICATION", kind: "REMINDER", role: null })).toBe(`https://lapor.example/staf/triase/${id}`);
    expect(staffComplaintUrl(BASE, { complaintId: id, stage: "VERIFICATION", kind: "ESCALATION", role: "INSPECTORATE" })).toBe(`https://lapor.example/staf/pengaduan/${id}`);
    expect(staffComplaintUrl(BASE, { complaintId: id, stage: "RESOLUTION", kind: "ESCALATION", role: "UNIT_HEAD" })).toBe(`https://lapor.example/staf/pengaduan/${id}`);
  });
});

// Issue #15: the CITIZEN_UNREACHABLE items, a complaint waiting on a citizen whose address is
// undeliverable, so the auto-close window runs on someone who will not hear of it.
const unreachable = (overrides: Partial<UnmailedStaffAlert> = {}) =>
  alert({ toAddress: "petugas@example.test", kind: "CITIZEN_UNREACHABLE", stage: "CITIZEN_REPLY", level: null, role: null, dueAt: wib("2027-01-29T16:00:00"), nextLevelAt: null, ...overrides });
const now = wib("2027-01-22T17:00:00");

describe("staff digest: a citizen who cannot be mailed", () => {
  it("alone: its own subject, says the window will not be heard of and what to do, links the complaint", () => {
    const only = unreachable({});
    const notice = composeStaffDigest([only], { now, publicBaseUrl: BASE });
    expect(notice.subject).toBe(`E-mail tidak terkirim: pengadu ${only.trackingCode} tidak tahu ada yang ditunggu darinya`);
    expect(notice.complaintId).toBe(only.complaintId);
    expect(notice.bodyText).toContain("jawabannya ditunggu sampai 29 Januari 2027 pukul 16.00 WIB");
    expect(notice.bodyText).toContain("ditutup otomatis");
    expect(notice.bodyText).toContain(`https://lapor.example/staf/pengaduan/${only.complaintId}`);
    expect(emailHtmlProblems(notice.bodyHtml!, "id")).toEqual([]);
    const confirmation = composeStaffDigest([unreachable({ stage: "CONFIRMATION", locale: "en" })], { now, publicBaseUrl: BASE });
    expect(confirmation.bodyText).toContain("the resolution awaits their confirmation until 29 January 2027 at 16:00 WIB");
  });

  it("among others: after escalations, before reminders, and counted in the subject", () => {
    const reminder = unreachable({ kind: "REMINDER", stage: "RESOLUTION", dueAt: wib("2027-01-23T16:00:00") });
    const escalation = unreachable({ kind: "ESCALATION", stage: "FIRST_RESPONSE", level: 1, role: "UNIT_HEAD", dueAt: wib("2027-01-20T16:00:00"), nextLevelAt: wib("2027-01-26T16:00:00") });
    const waiting = unreachable({});
    expect(orderDigestAlerts([reminder, waiting, escalation])).toEqual([escalation, waiting, reminder]);
    const notice = composeStaffDigest([reminder, waiting, escalation], { now, publicBaseUrl: BASE });
    expect(notice.subject).toBe("Pengaduan yang memerlukan tindakan Anda, 22 Januari 2027: 1 eskalasi, 1 e-mail tidak terkirim dan 1 pengingat");
    expect(notice.bodyText.indexOf("PENGADU YANG TIDAK DAPAT DIHUBUNGI")).toBeGreaterThan(notice.bodyText.indexOf("ESKALASI"));
    expect(notice.bodyText.indexOf("PENGADU YANG TIDAK DAPAT DIHUBUNGI")).toBeLessThan(notice.bodyText.indexOf("PENGINGAT"));
    const two = composeStaffDigest([unreachable({ locale: "en" }), unreachable({ locale: "en" })], { now, publicBaseUrl: BASE });
    expect(two.subject).toBe("Complaints that need you, 22 January 2027: 2 undeliverable e-mails");
  });
});
