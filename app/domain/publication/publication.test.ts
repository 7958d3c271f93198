import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VISIBILITIES } from "~/domain/complaints/complaint-form";
import {
  CITIZEN_TEXT_FIELDS,
  PUBLICATION_RULES,
  publicCitizenText,
  publicEventMessage,
  publicLocation,
  publicStaffText,
  REDACTED,
  redactContacts,
  type IdentityToBlank,
} from "./publication";

const identity: IdentityToBlank = {
  name: "Rahmat Hidayat",
  email: "rahmat.h@example.test",
  phone: "0813-7788-9900",
  nik: "1971012304850002",
  address: "Jl. Sungailiat No. 12",
};

describe("what may be published, per visibility and field", () => {
  it("RAHASIA publishes no field at all; nobody publishes what the citizen wrote to the unit or their file names", () => {
    for (const field of CITIZEN_TEXT_FIELDS) expect(publicCitizenText(field, "Antrean panjang", { visibility: "RAHASIA", identity }), field).toBeNull();
    for (const visibility of VISIBILITIES) {
      expect(publicCitizenText("citizenMessage", "Terima kasih", { visibility, identity })).toBeNull();
      expect(publicCitizenText("attachmentName", "foto-loket.jpg", { visibility, identity })).toBeNull();
    }
    expect(publicStaffText("Sudah ditindaklanjuti.", { visibility: "RAHASIA", identity })).toBeNull();
  });

  it("leaves an ANONIM complaint's address line out (a landmark can point at the complainant's door) and redacts a PUBLIC one", () => {
    const address = "Depan rumah Rahmat Hidayat, hubungi 0813 7788 9900";
    expect(publicCitizenText("address", address, { visibility: "ANONIM", identity })).toBeNull();
    expect(publicCitizenText("address", address, { visibility: "PUBLIC", identity })).toBe(`Depan rumah ${REDACTED}, hubungi ${REDACTED}`);
    expect(PUBLICATION_RULES.ANONIM.description).toBe("redact");
  });

  it("blanks the identity given with the complaint, its NIK and home address, in the description", () => {
    const text = "Saya RAHMAT (NIK 1971 0123 0485 0002), tinggal di jl. sungailiat no. 12, tulis ke rahmat.h@example.test.";
    expect(publicCitizenText("description", text, { visibility: "ANONIM", identity })).toBe(`Saya ${REDACTED} (NIK ${REDACTED}), tinggal di ${REDACTED}, tulis ke ${REDACTED}.`);
  });

  it("publishes none of the citizen's text once the coordinator hid it (moderation), whatever the visibility", () => {
    for (const visibility of ["PUBLIC", "ANONIM"] as const) {
      expect(publicCitizenText("description", "Lampu jalan mati sejak sepekan.", { visibility, identity: null })).not.toBeNull();
      expect(publicCitizenText("description", "Lampu jalan mati sejak sepekan.", { visibility, identity: null, textHidden: true })).toBeNull();
      expect(publicCitizenText("address", "Jl. Merdeka", { visibility, identity: null, textHidden: true })).toBeNull();
    }
  });

  it("an empty result is left out rather than published blank", () => {
    expect(publicCitizenText("description", "   ", { visibility: "PUBLIC", identity: null })).toBeNull();
    expect(publicCitizenText("address", null, { visibility: "PUBLIC", identity: null })).toBeNull();
  });

  it("publishes a staff message with contacts blanked, and never a citizen's", () => {
    const subject = { visibility: "PUBLIC" as const, identity };
    expect(publicEventMessage("STAFF", "Bapak Rahmat, silakan datang ke loket.", subject)).toBe(`Bapak ${REDACTED}, silakan datang ke loket.`);
    expect(publicEventMessage("CITIZEN", "Sudah saya lengkapi.", subject)).toBeNull();
  });
});

describe("contact-shaped text", () => {
  it("redacts Indonesian mobile and fixed-line numbers, e-mail addresses and NIK-shaped numbers", () => {
    for (const contact of [
      "081377889900",
      "0813-7788-9900",
      "0813 7788 9900",
      "+62 813 7788 9900",
      "62813.7788.9900",
      "(0717) 421234",
      "0717-421234",
      "0717 42 1234",
      "+62 717 421234",
      "021-5551234",
      "warga.pkp@mail.example.id",
      "1971012304850002",
      "1971 0123 0485 0002",
    ]) {
      expect(redactContacts(`hubungi ${contact} ya`), contact).toBe(`hubungi ${REDACTED} ya`);
    }
  });

  it("keeps dates, times, rupiah amounts, counts and tracking codes", () => {
    const text = "Tanggal 01-12-2026 pukul 08.30, diminta Rp 50.000 dan Rp 1.250.000, antrean 120 orang, kode LPK-ABCDE-FGHJK1, tahun 2025.";
    expect(redactContacts(text)).toBe(text);
  });

  it("property: a planted identity never survives in any published field, whatever surrounds it", () => {
    const word = fc.stringMatching(/^[A-Za-z]{3,10}$/);
    fc.assert(
      fc.property(
        word,
        word,
        fc.integer({ min: 10_000_000, max: 99_999_999 }),
        fc.constantFrom(...VISIBILITIES),
        fc.constantFrom(...CITIZEN_TEXT_FIELDS),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
        (first, last, digits, visibility, field, filler) => {
          const planted = { name: `${first}a ${last}o`, email: `${first}.${last}@example.test`.toLowerCase(), phone: `0812${digits}`, nik: null, address: null };
          const text = [filler[0] ?? "", planted.name.toUpperCase(), filler[1] ?? "", planted.email, planted.phone, `+62 812 ${digits}`, filler[2] ?? ""].join(" ");
          const published = publicCitizenText(field, text, { visibility, identity: planted }) ?? "";
          for (const needle of [planted.name, `${last}o`, planted.email, planted.phone, String(digits)]) {
            expect(published.toLowerCase().includes(needle.toLowerCase()), `${needle} in ${published}`).toBe(false);
          }
        },
      ),
    );
  });
});

describe("the pin", () => {
  it("is published to the stored precision for PUBLIC, to ~110 m for ANONIM, never for RAHASIA", () => {
    const pin = { latitude: -2.1295431, longitude: 106.1169872 };
    expect(publicLocation(pin, { visibility: "PUBLIC" })).toEqual({ latitude: -2.129543, longitude: 106.116987 });
    // "Use my location" can put an ANONIM pin on the complainant's own door (ADR 026, ADR 036).
    expect(publicLocation(pin, { visibility: "ANONIM" })).toEqual({ latitude: -2.13, longitude: 106.117 });
    expect(publicLocation(pin, { visibility: "RAHASIA" })).toBeNull();
    expect(publicLocation({ latitude: null, longitude: 106.1 }, { visibility: "PUBLIC" })).toBeNull();
  });
});
