import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkHoneypot,
  createHoneypotFields,
  FORM_STARTED_AT_FIELD,
  HONEYPOT_FIELD,
  HONEYPOT_MAX_AGE_MS,
  HONEYPOT_MIN_AGE_MS,
} from "./honeypot.server";

const SECRET = "test-secret-for-honeypot-signatures-0123456789";
const RENDERED_AT = Date.UTC(2026, 10, 23, 2, 0, 0);

function formDataOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set("description", "Lampu jalan mati");
  return form;
}

describe("createHoneypotFields", () => {
  it("renders an empty trap and a signed render time", () => {
    const fields = createHoneypotFields(SECRET, RENDERED_AT);
    expect(fields[HONEYPOT_FIELD]).toBe("");
    expect(fields[FORM_STARTED_AT_FIELD]).toMatch(new RegExp(`^${RENDERED_AT}\\.[A-Za-z0-9_-]{43}$`));
    expect(HONEYPOT_FIELD).toBe("website");
  });

  it("refuses an empty secret", () => {
    expect(() => createHoneypotFields("", RENDERED_AT)).toThrow(/secret/);
  });
});

describe("checkHoneypot", () => {
  const fields = createHoneypotFields(SECRET, RENDERED_AT);

  it("accepts a person's submission as FormData or as a plain object", () => {
    expect(checkHoneypot(formDataOf(fields), SECRET, RENDERED_AT + 30_000)).toEqual({ ok: true });
    expect(checkHoneypot({ ...fields, description: "x" }, SECRET, RENDERED_AT + 30_000)).toEqual({ ok: true });
  });

  it("filled: the trap holds anything but whitespace", () => {
    const later = RENDERED_AT + 30_000;
    expect(checkHoneypot(formDataOf({ ...fields, [HONEYPOT_FIELD]: "https://spam.example" }), SECRET, later)).toEqual({ ok: false, reason: "filled" });
    expect(checkHoneypot({ ...fields, [HONEYPOT_FIELD]: "a" }, SECRET, later)).toEqual({ ok: false, reason: "filled" });
    expect(checkHoneypot({ ...fields, [HONEYPOT_FIELD]: ["x"] }, SECRET, later)).toEqual({ ok: false, reason: "filled" });
    expect(checkHoneypot({ ...fields, [HONEYPOT_FIELD]: "  " }, SECRET, later)).toEqual({ ok: true });
    const withFile = formDataOf(fields);
    withFile.set(HONEYPOT_FIELD, new File(["x"], "x.txt"));
    expect(checkHoneypot(withFile, SECRET, later)).toEqual({ ok: false, reason: "filled" });
  });

  it("too_fast: under two seconds after rendering, or a render time in the future", () => {
    expect(checkHoneypot(fields, SECRET, RENDERED_AT + HONEYPOT_MIN_AGE_MS - 1)).toEqual({ ok: false, reason: "too_fast" });
    expect(checkHoneypot(fields, SECRET, RENDERED_AT + HONEYPOT_MIN_AGE_MS)).toEqual({ ok: true });
    expect(checkHoneypot(fields, SECRET, RENDERED_AT - 5_000)).toEqual({ ok: false, reason: "too_fast" });
  });

  it("expired: more than 24 hours after rendering", () => {
    expect(checkHoneypot(fields, SECRET, RENDERED_AT + HONEYPOT_MAX_AGE_MS)).toEqual({ ok: true });
    expect(checkHoneypot(fields, SECRET, RENDERED_AT + HONEYPOT_MAX_AGE_MS + 1)).toEqual({ ok: false, reason: "expired" });
  });

  it("tampered: a changed time, a changed signature, another secret or a malformed token", () => {
    const token = fields[FORM_STARTED_AT_FIELD];
    const [timestamp = "", signature = ""] = token.split(".");
    const later = RENDERED_AT + 30_000;
    const backdated = `${Number(timestamp) - 60_000}.${signature}`;
    const flipped = `${timestamp}.${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
    for (const forged of [backdated, flipped, `${timestamp}.${signature}=`, `${timestamp}`, "", "abc.def", `-1.${signature}`]) {
      expect(checkHoneypot({ ...fields, [FORM_STARTED_AT_FIELD]: forged }, SECRET, later), forged).toEqual({ ok: false, reason: "tampered" });
    }
    expect(checkHoneypot(fields, `${SECRET}x`, later)).toEqual({ ok: false, reason: "tampered" });
    expect(checkHoneypot({ ...fields, [FORM_STARTED_AT_FIELD]: 12 }, SECRET, later)).toEqual({ ok: false, reason: "tampered" });
  });

  it("tampered: any single-character change to the signature", () => {
    const token = fields[FORM_STARTED_AT_FIELD];
    const dot = token.indexOf(".");
    fc.assert(
      fc.property(fc.integer({ min: dot + 1, max: token.length - 1 }), fc.constantFrom(..."ABCabc019_-"), (position, char) => {
        fc.pre(token[position] !== char);
        const forged = token.slice(0, position) + char + token.slice(position + 1);
        expect(checkHoneypot({ ...fields, [FORM_STARTED_AT_FIELD]: forged }, SECRET, RENDERED_AT + 30_000)).toEqual({ ok: false, reason: "tampered" });
      }),
    );
  });

  it("missing: either field absent", () => {
    const later = RENDERED_AT + 30_000;
    expect(checkHoneypot(new FormData(), SECRET, later)).toEqual({ ok: false, reason: "missing" });
    expect(checkHoneypot({}, SECRET, later)).toEqual({ ok: false, reason: "missing" });
    expect(checkHoneypot({ [HONEYPOT_FIELD]: "" }, SECRET, later)).toEqual({ ok: false, reason: "missing" });
    expect(checkHoneypot(formDataOf({ [FORM_STARTED_AT_FIELD]: fields[FORM_STARTED_AT_FIELD] }), SECRET, later)).toEqual({ ok: false, reason: "missing" });
  });
});
