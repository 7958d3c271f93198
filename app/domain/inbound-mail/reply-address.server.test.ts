import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkReplyRecipients, checkReplyToken, REPLY_ADDRESS_VALID_DAYS, replyAddressFor, replyToken } from "./reply-address.server";

const complaintId = "0b5c7e8a-4f1d-4c2e-9a3b-5d6e7f809102";
const written = new Date("2026-12-07T03:00:00Z");
const DAY = 86_400_000;

describe("reply address", () => {
  it("names the complaint under our domain, in a local part mail systems keep (lower case, under 64)", () => {
    const address = replyAddressFor(complaintId, written, "balas.lapor.example.id");
    const [local, domain] = address.split("@");
    expect(domain).toBe("balas.lapor.example.id");
    expect(local).toMatch(/^balas\+[a-z2-7]+$/);
    expect(local!.length).toBeLessThanOrEqual(64);
    expect(checkReplyRecipients([`"Lapor" <x@y>`, address.toUpperCase()], written, "balas.lapor.example.id")).toEqual({ ok: true, complaintId, writtenOn: new Date("2026-12-07T00:00:00Z") });
  });

  it("round-trips any complaint id and any day in range, and lapses after the valid days", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 0, max: 60_000 }), (id, day) => {
        const at = new Date(Date.UTC(2024, 0, 1) + day * DAY + 5 * 3_600_000);
        const token = replyToken(id, at);
        const check = checkReplyToken(token, at);
        expect(check.ok && check.complaintId).toBe(id.toLowerCase());
        expect(checkReplyToken(token, new Date(at.getTime() + REPLY_ADDRESS_VALID_DAYS * DAY)).ok).toBe(true);
        expect(checkReplyToken(token, new Date(at.getTime() + (REPLY_ADDRESS_VALID_DAYS + 2) * DAY))).toEqual({ ok: false, reason: "expired_token" });
      }),
      { numRuns: 200 },
    );
  });

  it("refuses every token with one character changed, and anything that is not a token", () => {
    const token = replyToken(complaintId, written);
    for (let i = 0; i < token.length; i++) {
      const changed = token.slice(0, i) + (token[i] === "a" ? "b" : "a") + token.slice(i + 1);
      expect(checkReplyToken(changed, written)).toEqual({ ok: false, reason: "forged_token" });
    }
    for (const junk of ["", "abc", token + "a", token.slice(1), "0".repeat(token.length), "é".repeat(token.length)]) {
      expect(checkReplyToken(junk, written)).toEqual({ ok: false, reason: "forged_token" });
    }
  });

  it("finds no token in mail to other addresses or other domains", () => {
    const token = replyToken(complaintId, written);
    expect(checkReplyRecipients(["pengaduan@lapor.example.id", `balas+${token}@evil.example`], written, "balas.lapor.example.id")).toEqual({ ok: false, reason: "no_token" });
    expect(checkReplyRecipients([], written, "balas.lapor.example.id")).toEqual({ ok: false, reason: "no_token" });
  });
});
