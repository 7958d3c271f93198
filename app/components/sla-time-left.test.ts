import fc from "fast-check";
import { describe, expect, it } from "vitest";
import en from "~/locales/en.json";
import id from "~/locales/id.json";
import { formatMessage } from "~/services/i18n";
import { slaTimeLeft, splitWorkingMinutes, WORKING_DAY_MINUTES, type SlaState } from "./sla-time-left";

const render = (catalogue: Record<string, string>, state: SlaState) => {
  const left = slaTimeLeft(state);
  return { short: formatMessage(catalogue[left.short.key]!, left.short.vars), long: formatMessage(catalogue[left.long.key]!, left.long.vars), tone: left.tone };
};
const left = (workingMinutes: number): SlaState => ({ kind: "left", workingMinutes });

describe("the SLA badge's short time left", () => {
  it("counts days of one default office day, 07:30–16:00", () => {
    expect(WORKING_DAY_MINUTES).toBe(510);
  });

  it("reads as the examples, in both languages", () => {
    // Filed Monday 10:00 with 3 working days: the rest of Monday (6 h) and three full days.
    expect(render(id, left(6 * 60 + 3 * 510))).toMatchObject({ short: "3 hr 6 j", long: "3 hari 6 jam kerja lagi", tone: "ok" });
    expect(render(en, left(6 * 60 + 3 * 510))).toMatchObject({ short: "3 d 6 h", long: "3 working days 6 h left" });
    expect(render(id, left(2 * 510 + 3 * 60 + 59))).toMatchObject({ short: "2 hr 3 j" });
    expect(render(id, left(510))).toMatchObject({ short: "1 hr", long: "1 hari kerja lagi", tone: "ok" });
    expect(render(en, left(14 * 510))).toMatchObject({ short: "14 d", long: "14 working days left" });
    expect(render(id, left(509))).toMatchObject({ short: "8 j", long: "8 jam 29 menit kerja lagi", tone: "soon" });
    expect(render(en, left(90))).toMatchObject({ short: "1 h", long: "1 h 30 min of working time left" });
    expect(render(id, left(59))).toMatchObject({ short: "< 1 j", long: "59 menit kerja lagi", tone: "soon" });
    expect(render(en, left(0.5))).toMatchObject({ short: "< 1 h", long: "0 min of working time left" });
    expect(render(id, { kind: "overdue" })).toMatchObject({ short: "Terlambat", tone: "overdue" });
    expect(render(en, { kind: "overdue" })).toMatchObject({ short: "Overdue" });
    expect(render(id, { kind: "none" })).toMatchObject({ short: "Tanpa tenggat", tone: "none" });
  });

  it("never shows more time than is left, and never loses a whole hour", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200 * 510, noNaN: true }), (minutes) => {
        const { days, hours, minutes: rest } = splitWorkingMinutes(minutes);
        const shown = days * WORKING_DAY_MINUTES + hours * 60;
        expect(shown).toBeLessThanOrEqual(minutes);
        expect(minutes - shown).toBeLessThan(60 + 1);
        expect(hours).toBeLessThan(Math.ceil(WORKING_DAY_MINUTES / 60));
        expect(rest).toBeLessThan(60);
        for (const catalogue of [id, en]) {
          const text = render(catalogue, left(minutes));
          expect(text.short).not.toMatch(/\{|NaN|undefined/);
          expect(text.short.length).toBeLessThanOrEqual(12);
        }
      }),
    );
  });
});
