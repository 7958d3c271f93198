import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { autoResponseReason, OOO_SUBJECT_PHRASES } from "./auto-response";
import { parseHeaderBlock } from "./headers";

const CITIZEN = "budi.santoso@gmail.com";
const REPLY_SUBJECT = "Re: Pertanyaan petugas tentang pengaduan LPK-7K3M9-QXR2CX";
const PERSON_HEADERS = [
  'From: "Budi Santoso" <budi.santoso@gmail.com>',
  "Message-ID: <CAFx=qK1p0+ZP8w@mail.gmail.com>",
  `Subject: ${REPLY_SUBJECT}`,
  'Content-Type: multipart/alternative; boundary="000000000000a1b2c3"',
].join("\n");

const reason = (headerLines: string, subject = REPLY_SUBJECT, envelopeFrom: string | null = CITIZEN) =>
  autoResponseReason({ headers: parseHeaderBlock(headerLines), subject, envelopeFrom });

describe("autoResponseReason", () => {
  it("answers null for a reply a person wrote", () => {
    expect(reason(PERSON_HEADERS)).toBeNull();
    expect(reason(`${PERSON_HEADERS}\nAuto-Submitted: no`)).toBeNull();
    expect(reason(`${PERSON_HEADERS}\nAuto-Submitted: No (typed by hand)`)).toBeNull();
    expect(reason(`${PERSON_HEADERS}\nPrecedence: first-class`)).toBeNull();
  });

  it("a Gmail vacation responder: Auto-Submitted", () => {
    const headers = `${PERSON_HEADERS}\nAuto-Submitted: auto-replied\nPrecedence: bulk`;
    expect(reason(headers, "Sedang cuti sampai 14 Desember")).toBe("auto_submitted");
  });

  it("an Outlook / Microsoft 365 automatic reply", () => {
    const headers = [
      "From: Siti Aminah <siti.aminah@perusahaan.co.id>",
      "Subject: Balasan Otomatis: Pertanyaan petugas tentang pengaduan LPK-7K3M9-QXR2CX",
      "Auto-Submitted: auto-generated",
      "X-Auto-Response-Suppress: All",
      "X-MS-Exchange-Inbox-Rules-Loop: siti.aminah@perusahaan.co.id",
    ].join("\n");
    expect(reason(headers, "Balasan Otomatis: Pertanyaan petugas tentang pengaduan LPK-7K3M9-QXR2CX", "siti.aminah@perusahaan.co.id")).toBe(
      "auto_submitted",
    );
  });

  it.each([["auto-replied"], ["auto-generated"], ["auto-notified"], ["auto-replied; owner-email=\"a@b.id\""], [""]])(
    "Auto-Submitted: %s → auto_submitted",
    (value) => {
      expect(reason(`${PERSON_HEADERS}\nAuto-Submitted: ${value}`)).toBe("auto_submitted");
    },
  );

  it("one Auto-Submitted other than no is enough", () => {
    expect(reason(`${PERSON_HEADERS}\nAuto-Submitted: no\nAuto-Submitted: auto-replied`)).toBe("auto_submitted");
  });

  it.each([["X-Autoreply: yes"], ["X-Autorespond: Out of office"], ["x-autoreply:"]])("%s → autoreply_header", (line) => {
    expect(reason(`${PERSON_HEADERS}\n${line}`)).toBe("autoreply_header");
  });

  it.each([["bulk"], ["junk"], ["list"], ["auto_reply"], ["Bulk"], [" JUNK "]])("Precedence: %s → precedence", (value) => {
    expect(reason(`${PERSON_HEADERS}\nPrecedence: ${value}`)).toBe("precedence");
  });

  it.each([["List-Id: Warga RT 05 <rt05.googlegroups.com>"], ["List-Unsubscribe: <mailto:unsubscribe@news.example.id>"]])("%s → list", (line) => {
    expect(reason(`${PERSON_HEADERS}\n${line}`)).toBe("list");
  });

  it("a delivery status notification → dsn", () => {
    const headers = [
      "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
      "Subject: Delivery Status Notification (Failure)",
      "Content-Type: multipart/report; report-type=delivery-status;",
      '\tboundary="000000000000dsn"',
    ].join("\n");
    expect(reason(headers, "Delivery Status Notification (Failure)", null)).toBe("dsn");
    expect(reason("Content-Type: Multipart/Report; report-type=disposition-notification")).toBe("dsn");
  });

  it.each([[null], [""], ["<>"], ["  "]])("envelope sender %j → bounce", (envelopeFrom) => {
    expect(reason(PERSON_HEADERS, REPLY_SUBJECT, envelopeFrom)).toBe("bounce");
  });

  it("MAILER-DAEMON and postmaster senders → bounce", () => {
    expect(reason(PERSON_HEADERS, REPLY_SUBJECT, "MAILER-DAEMON@mx.perusahaan.co.id")).toBe("bounce");
    expect(reason(PERSON_HEADERS, REPLY_SUBJECT, "postmaster@perusahaan.co.id")).toBe("bounce");
    expect(reason("From: Mail Delivery System <MAILER-DAEMON@mail.perusahaan.co.id>", "Undelivered Mail Returned to Sender")).toBe("bounce");
    expect(reason("From: postmaster@outlook.com", "Undeliverable: Pertanyaan petugas")).toBe("bounce");
    expect(reason(`${PERSON_HEADERS}\nReturn-Path: <>`)).toBe("bounce");
  });

  it("mail from addresses that merely contain the words is not a bounce", () => {
    expect(reason("From: postmaster.budi@gmail.com", REPLY_SUBJECT, "postmaster.budi@gmail.com")).toBeNull();
  });

  it.each([
    ["Automatic reply: Pertanyaan petugas tentang pengaduan LPK-7K3M9-QXR2CX"],
    ["Balasan otomatis: Pertanyaan petugas tentang pengaduan LPK-7K3M9-QXR2CX"],
    ["Balasan Otomatis: Pertanyaan petugas"],
    ["AUTO: Budi Santoso is out of the office (returning 14/12/2026)"],
    ["Auto: Pertanyaan petugas"],
    ["Autoreply: Pertanyaan petugas"],
    ["Auto-Reply: Pertanyaan petugas"],
    ["Out of Office AutoReply: Pertanyaan petugas"],
    ["Out of Office"],
    ["out of office: back on Monday"],
    ["Sedang cuti"],
    ["Sedang Cuti sampai 14 Desember"],
    ["Di luar kantor"],
    ["Di Luar Kantor: Pertanyaan petugas"],
    ["[EXTERNAL] Automatic reply: Pertanyaan petugas"],
    ["  [SPAM?] [EXT] Balasan otomatis: Pertanyaan petugas"],
  ])("subject %j → ooo_subject", (subject) => {
    expect(reason(PERSON_HEADERS, subject)).toBe("ooo_subject");
  });

  it("each listed phrase is recognised at the start of a subject", () => {
    for (const phrase of OOO_SUBJECT_PHRASES) {
      expect(reason(PERSON_HEADERS, `${phrase.toUpperCase()} Pertanyaan petugas`), phrase).toBe("ooo_subject");
    }
  });

  it.each([
    ["Re: Lampu di luar kantor lurah mati"],
    ["Re: Automatic reply: Pertanyaan petugas"],
    ["Re: Saya sedang cuti, baru bisa cek Senin"],
    ["Out of officers' reach"],
    ["Automatically"],
    ["Autoreplying"],
    [""],
  ])("subject %j alone → null", (subject) => {
    expect(reason(PERSON_HEADERS, subject)).toBeNull();
  });

  it("with X-Auto-Response-Suppress a phrase may stand anywhere in the subject", () => {
    const headers = `${PERSON_HEADERS}\nX-Auto-Response-Suppress: All`;
    expect(reason(headers, "RE: Pertanyaan petugas (Out of Office until 14 Dec)")).toBe("ooo_subject");
    expect(reason(headers, "Re: Pertanyaan petugas - balasan otomatis")).toBe("ooo_subject");
    // The header alone proves nothing: Exchange puts it on ordinary mail too.
    expect(reason(headers, REPLY_SUBJECT)).toBeNull();
  });

  it("header evidence is named before the sender and the subject", () => {
    const all = `${PERSON_HEADERS}\nAuto-Submitted: auto-replied\nPrecedence: bulk\nList-Id: <x.example.id>`;
    expect(reason(all, "Automatic reply: x", null)).toBe("auto_submitted");
    expect(reason(`${PERSON_HEADERS}\nPrecedence: junk\nList-Id: <x.example.id>`, "Automatic reply: x", null)).toBe("precedence");
    expect(reason(`${PERSON_HEADERS}\nList-Id: <x.example.id>`, "Automatic reply: x", null)).toBe("list");
    expect(reason(PERSON_HEADERS, "Automatic reply: x", null)).toBe("bounce");
  });

  it("never throws on anything", () => {
    expect(autoResponseReason({ headers: new Map(), subject: undefined as unknown as string, envelopeFrom: CITIZEN })).toBeNull();
    expect(autoResponseReason(undefined as unknown as Parameters<typeof autoResponseReason>[0])).toBe("bounce");
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 300 }),
        fc.string({ unit: "binary", maxLength: 100 }),
        fc.option(fc.string({ unit: "binary", maxLength: 60 })),
        (rawHeaders, subject, envelopeFrom) => {
          const result = autoResponseReason({ headers: parseHeaderBlock(rawHeaders), subject, envelopeFrom });
          expect([null, "dsn", "auto_submitted", "autoreply_header", "precedence", "list", "bounce", "ooo_subject"]).toContain(result);
        },
      ),
      { numRuns: 500 },
    );
  });
});
