// Working-time arithmetic for SLA clocks: which instants are office time, how much office time lies
// between two instants, and when a target measured in office time falls due.
//
// Pure on purpose (no DB, Remix or queue imports) so every clock — web request, SLA worker, report
// back-fill — computes the same deadline from the same inputs. The only state is memoisation of
// timezone offsets and per-day office spans, which never changes a result.
//
// Conventions used throughout:
// - Instants are handled as UTC epoch milliseconds internally; minutes are only a unit of the API.
// - A "local day" is the number of days since 1970-01-01 on the calendar's wall clock, so date
//   arithmetic on days is plain integer arithmetic, independent of the host's timezone.
// - Office hours of a day form one half-open span [open, close). A deadline is the END of the last
//   working minute, so it may equal a closing time: 16:00 is still "on time" for that day.
import { z } from "zod";
import type { IsoWeekday, OfficeHours } from "./office-hours";

export { DEFAULT_OFFICE_HOURS, type IsoWeekday, type OfficeHours } from "./office-hours";

const MS_PER_SECOND = 1_000;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const MINUTES_PER_DAY = 1_440;

/** A closed streak longer than this means the calendar can never open again (misconfiguration). */
const MAX_CONSECUTIVE_CLOSED_DAYS = 3_660;
/** Memo tables are dropped wholesale past this size; recomputing an entry is cheap. */
const MAX_MEMO_ENTRIES = 50_000;

export interface CalendarHoliday {
  /** Local date, "YYYY-MM-DD". */
  date: string;
  kind: "NATIONAL" | "CUTI_BERSAMA" | "LOCAL";
}

export interface WorkingCalendar {
  /** IANA name resolved through Intl, e.g. "Asia/Jakarta". */
  timezone: string;
  /** Weekdays absent from the list are closed; at most one interval per weekday. */
  weeklyHours: OfficeHours[];
  /** Each listed date is closed all day (subject to `observesCutiBersama`). */
  holidays: CalendarHoliday[];
  /** false = CUTI_BERSAMA days are ordinary working days (e.g. a Puskesmas that stays open). */
  observesCutiBersama: boolean;
}

export type Duration = {
  amount: number;
  unit: "WORKING_MINUTES" | "WORKING_HOURS" | "WORKING_DAYS" | "CALENDAR_DAYS";
};

/** Half-open [start, end). */
export interface Interval {
  start: Date;
  end: Date;
}

interface EpochRange {
  startMs: number;
  endMs: number;
}

interface DailyHours {
  openMinute: number;
  closeMinute: number;
}

// ───────────────────────────── timezone offsets ─────────────────────────────

/** Offsets in force during one UTC day; `switchAtMs` is Infinity when the offset never changes. */
interface UtcDayOffsets {
  offsetBeforeMs: number;
  offsetAfterMs: number;
  switchAtMs: number;
}

/**
 * Resolves wall-clock offsets of one IANA zone with Intl, memoised per UTC day. A day whose offset
 * differs at its two ends has its transition located exactly (binary search), so zones with DST
 * are exact too; this assumes at most one transition per UTC day, which holds for every zone in
 * tzdata since 1970.
 */
class ZoneOffsets {
  private readonly formatter: Intl.DateTimeFormat;
  private readonly byUtcDay = new Map<number, UtcDayOffsets>();

  constructor(timezone: string) {
    this.formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  }

  /** Local wall-clock time minus UTC, in milliseconds, at the given instant. */
  offsetAt(utcMs: number): number {
    const utcDay = Math.floor(utcMs / MS_PER_DAY);
    let offsets = this.byUtcDay.get(utcDay);
    if (offsets === undefined) {
      offsets = this.resolveUtcDay(utcDay);
      if (this.byUtcDay.size >= MAX_MEMO_ENTRIES) this.byUtcDay.clear();
      this.byUtcDay.set(utcDay, offsets);
    }
    return utcMs < offsets.switchAtMs ? offsets.offsetBeforeMs : offsets.offsetAfterMs;
  }

  localDayOf(utcMs: number): number {
    return Math.floor((utcMs + this.offsetAt(utcMs)) / MS_PER_DAY);
  }

  /**
   * The instant at which local clocks show `localMs` (local wall time encoded as if it were UTC).
   * Follows Temporal's "compatible" disambiguation: a repeated wall time (clocks turned back) takes
   * the earlier instant; a skipped one (clocks turned forward) is pushed forward by the gap.
   */
  utcOfLocal(localMs: number): number {
    // |offset| < 1 day, so the offsets a day either side bracket every candidate.
    const offsetEarlierMs = this.offsetAt(localMs - MS_PER_DAY);
    const offsetLaterMs = this.offsetAt(localMs + MS_PER_DAY);
    const consistent = [offsetEarlierMs, offsetLaterMs].filter(
      (offsetMs) => this.offsetAt(localMs - offsetMs) === offsetMs,
    );
    if (consistent.length === 0) return localMs - offsetEarlierMs;
    return localMs - Math.max(...consistent);
  }

  private resolveUtcDay(utcDay: number): UtcDayOffsets {
    const dayStartMs = utcDay * MS_PER_DAY;
    const lastMsOfDay = dayStartMs + MS_PER_DAY - 1;
    const offsetBeforeMs = this.offsetFromIntl(dayStartMs);
    const offsetAfterMs = this.offsetFromIntl(lastMsOfDay);
    if (offsetBeforeMs === offsetAfterMs) return { offsetBeforeMs, offsetAfterMs, switchAtMs: Infinity };
    let lastBefore = dayStartMs;
    let firstAfter = lastMsOfDay;
    while (firstAfter - lastBefore > 1) {
      const middle = Math.floor((lastBefore + firstAfter) / 2);
      if (this.offsetFromIntl(middle) === offsetBeforeMs) lastBefore = middle;
      else firstAfter = middle;
    }
    return { offsetBeforeMs, offsetAfterMs, switchAtMs: firstAfter };
  }

  private offsetFromIntl(utcMs: number): number {
    const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
    for (const part of this.formatter.formatToParts(new Date(utcMs))) {
      if (part.type !== "literal") fields[part.type] = Number(part.value);
    }
    const wallClockAsUtc = Date.UTC(
      fields.year ?? NaN,
      (fields.month ?? NaN) - 1,
      fields.day ?? NaN,
      fields.hour ?? NaN,
      fields.minute ?? NaN,
      fields.second ?? NaN,
    );
    // Intl shows whole seconds, so compare against the instant truncated to its second.
    const offsetMs = wallClockAsUtc - (utcMs - mod(utcMs, MS_PER_SECOND));
    if (!Number.isFinite(offsetMs)) throw new Error(`Cannot resolve the UTC offset at ${new Date(utcMs).toISOString()}`);
    return offsetMs;
  }
}

const zoneOffsetsByTimezone = new Map<string, ZoneOffsets>();

function zoneOffsetsFor(timezone: string): ZoneOffsets {
  let zone = zoneOffsetsByTimezone.get(timezone);
  if (zone === undefined) {
    zone = new ZoneOffsets(timezone);
    zoneOffsetsByTimezone.set(timezone, zone);
  }
  return zone;
}

// ───────────────────────────── compiled calendar ─────────────────────────────

/** A validated calendar with its lookups precomputed. Obtain one from `createCalendar`. */
class CompiledCalendar {
  readonly definition: Readonly<WorkingCalendar>;
  private readonly zone: ZoneOffsets;
  /** Indexed by ISO weekday; index 0 is unused. */
  private readonly hoursByWeekday: ReadonlyArray<DailyHours | undefined>;
  private readonly closedLocalDays: ReadonlySet<number>;
  private readonly spanByLocalDay = new Map<number, EpochRange | null>();

  constructor(definition: WorkingCalendar, closedLocalDays: ReadonlySet<number>, hoursByWeekday: Array<DailyHours | undefined>) {
    this.definition = definition;
    this.zone = zoneOffsetsFor(definition.timezone);
    this.closedLocalDays = closedLocalDays;
    this.hoursByWeekday = hoursByWeekday;
  }

  get timezone(): string {
    return this.definition.timezone;
  }

  localDayOf(utcMs: number): number {
    return this.zone.localDayOf(utcMs);
  }

  /** Office hours of a local day as UTC instants, or null when the office is closed all day. */
  workingSpanOn(localDay: number): EpochRange | null {
    let span = this.spanByLocalDay.get(localDay);
    if (span === undefined) {
      span = this.computeSpan(localDay);
      if (this.spanByLocalDay.size >= MAX_MEMO_ENTRIES) this.spanByLocalDay.clear();
      this.spanByLocalDay.set(localDay, span);
    }
    return span;
  }

  private computeSpan(localDay: number): EpochRange | null {
    if (this.closedLocalDays.has(localDay)) return null;
    const hours = this.hoursByWeekday[isoWeekdayOfLocalDay(localDay)];
    if (hours === undefined) return null;
    const midnightMs = localDay * MS_PER_DAY;
    const startMs = this.zone.utcOfLocal(midnightMs + hours.openMinute * MS_PER_MINUTE);
    const endMs = this.zone.utcOfLocal(midnightMs + hours.closeMinute * MS_PER_MINUTE);
    // Only possible when a DST gap swallows the whole interval; nothing can be worked then.
    return endMs > startMs ? { startMs, endMs } : null;
  }
}

export type { CompiledCalendar };

const TIME_OF_DAY = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function minuteOfDay(time: string): number | undefined {
  if (!TIME_OF_DAY.test(time)) return undefined;
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function localDayOfDate(date: string): number | undefined {
  const match = LOCAL_DATE.exec(date);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utcMs = Date.UTC(year, month - 1, day);
  const roundTrip = new Date(utcMs);
  // Date.UTC silently rolls 2026-02-30 over into March; a holiday list with such a date is a typo.
  if (roundTrip.getUTCFullYear() !== year || roundTrip.getUTCMonth() !== month - 1 || roundTrip.getUTCDate() !== day) {
    return undefined;
  }
  return utcMs / MS_PER_DAY;
}

function isKnownTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

const timeOfDaySchema = z.string().regex(TIME_OF_DAY, 'must be "HH:MM" between 00:00 and 24:00');

const workingCalendarSchema = z.object({
  timezone: z.string().refine(isKnownTimezone, "is not an IANA timezone known to Intl"),
  weeklyHours: z
    .array(
      z.object({
        weekday: z.number().int().min(1, "must be an ISO weekday 1..7").max(7, "must be an ISO weekday 1..7"),
        open: timeOfDaySchema,
        close: timeOfDaySchema,
      }),
    )
    .min(1, "needs at least one open weekday, otherwise no deadline can ever be reached")
    .superRefine((weeklyHours, ctx) => {
      const seenWeekdays = new Set<number>();
      weeklyHours.forEach((hours, index) => {
        if (seenWeekdays.has(hours.weekday)) {
          ctx.addIssue({ code: "custom", path: [index, "weekday"], message: `weekday ${hours.weekday} is listed more than once` });
        }
        seenWeekdays.add(hours.weekday);
        const open = minuteOfDay(hours.open);
        const close = minuteOfDay(hours.close);
        if (open !== undefined && close !== undefined && close <= open) {
          ctx.addIssue({ code: "custom", path: [index, "close"], message: `close ${hours.close} must be after open ${hours.open}` });
        }
      });
    }),
  holidays: z.array(
    z.object({
      date: z.string().refine((date) => localDayOfDate(date) !== undefined, 'must be an existing "YYYY-MM-DD" date'),
      kind: z.enum(["NATIONAL", "CUTI_BERSAMA", "LOCAL"]),
    }),
  ),
  observesCutiBersama: z.boolean(),
});

/**
 * Validates a calendar and precomputes its lookups. Throws an Error naming every problem
 * (close <= open, bad "HH:MM", duplicate weekday, unknown timezone, bad holiday date, ...).
 */
export function createCalendar(input: WorkingCalendar): CompiledCalendar {
  const parsed = workingCalendarSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "calendar"}: ${issue.message}`);
    throw new Error(`Invalid working calendar: ${problems.join("; ")}`);
  }
  const valid = parsed.data;
  const definition: WorkingCalendar = {
    timezone: valid.timezone,
    weeklyHours: valid.weeklyHours.map((hours) => ({ ...hours, weekday: hours.weekday as IsoWeekday })),
    holidays: valid.holidays.map((holiday) => ({ ...holiday })),
    observesCutiBersama: valid.observesCutiBersama,
  };

  const hoursByWeekday: Array<DailyHours | undefined> = new Array<DailyHours | undefined>(8).fill(undefined);
  for (const hours of definition.weeklyHours) {
    hoursByWeekday[hours.weekday] = { openMinute: minuteOfDay(hours.open) ?? 0, closeMinute: minuteOfDay(hours.close) ?? MINUTES_PER_DAY };
  }
  const closedLocalDays = new Set<number>();
  for (const holiday of definition.holidays) {
    if (holiday.kind === "CUTI_BERSAMA" && !definition.observesCutiBersama) continue;
    const localDay = localDayOfDate(holiday.date);
    if (localDay !== undefined) closedLocalDays.add(localDay);
  }
  return new CompiledCalendar(deepFreeze(definition), closedLocalDays, hoursByWeekday);
}

// ───────────────────────────── queries ─────────────────────────────

export function isWorkingInstant(at: Date, cal: CompiledCalendar): boolean {
  const atMs = epochMsOf(at, "at");
  const span = cal.workingSpanOn(cal.localDayOf(atMs));
  return span !== null && span.startMs <= atMs && atMs < span.endMs;
}

/** `at` itself when the office is open at that instant, otherwise the next opening. */
export function nextWorkingInstant(at: Date, cal: CompiledCalendar): Date {
  return new Date(nextWorkingMs(cal, epochMsOf(at, "at")));
}

/**
 * Working minutes in [a, b) that are not inside any paused interval (pauses may overlap; overlapped
 * time is excluded once). 0 when b <= a. Fractional: computed in milliseconds, divided at the end.
 */
export function workingMinutesBetween(a: Date, b: Date, cal: CompiledCalendar, paused?: Interval[]): number {
  const fromMs = epochMsOf(a, "a");
  const toMs = epochMsOf(b, "b");
  if (toMs <= fromMs) return 0;
  const workingMs = workingMsBetween(cal, fromMs, toMs) - pausedWorkingMsBetween(cal, fromMs, toMs, mergePauses(paused));
  return workingMs / MS_PER_MINUTE;
}

/**
 * Minutes of wall-clock time in [a, b) outside the paused intervals: the clock behind a
 * CALENDAR_DAYS target, whose last day is the one on which N × 1440 such minutes have run.
 */
export function elapsedMinutesBetween(a: Date, b: Date, paused?: Interval[]): number {
  const fromMs = epochMsOf(a, "a");
  const toMs = epochMsOf(b, "b");
  if (toMs <= fromMs) return 0;
  let elapsedMs = toMs - fromMs;
  for (const pause of mergePauses(paused)) {
    elapsedMs -= Math.max(0, Math.min(toMs, pause.endMs) - Math.max(fromMs, pause.startMs));
  }
  return elapsedMs / MS_PER_MINUTE;
}

/**
 * The deadline `duration` after `start`. In every unit, paused intervals stop the clock: a pause
 * never makes a deadline earlier, and adding pause time never makes it earlier either.
 *
 * WORKING_MINUTES / WORKING_HOURS (hours = 60 minutes):
 *   the earliest T >= start with workingMinutesBetween(start, T, cal, paused) === N. N = 0 returns
 *   `start` unchanged, even outside office hours. T is the END of the N-th working minute, so for
 *   N > 0 it lies in (open, close] of some working day — it may equal a closing time, which is
 *   still on time for that day — and never strictly inside a pause (the millisecond before T is
 *   worked and not paused). Amounts are taken to whole milliseconds, rounding up.
 *
 * WORKING_DAYS (how "≤ N hari kerja" is read, LAPOR!-style):
 *   a complaint received outside office hours counts as received at the next opening,
 *   s = nextWorkingInstant(start). The day work starts is s's local date; the deadline is the
 *   CLOSE of the N-th working day after it (N = 0: the close of that same day).
 *     filed Mon 10:00, 3 WD                          → Thu close
 *     filed Fri 15:55, Mon holiday, 1 WD             → Tue close (Friday is the starting day)
 *     filed Sat (or Mon 01:00), 3 WD                 → work starts Mon 07:30 → Thu close
 *   With pauses, the unpaused deadline D is converted to working time W = workingMinutesBetween(s, D)
 *   and the result is addWorkingTime(s, W minutes, paused): every paused working minute pushes the
 *   deadline by exactly one working minute, so it can land mid-day instead of at a close.
 *
 * CALENDAR_DAYS (legal 30/60-day limits, "≤ 60 hari"):
 *   days are counted on the calendar, weekends and holidays included, but the limit ends when the
 *   office closes on its last day, and a last day on which the office is closed runs on to the
 *   close of the next working day (ADR 029: the usual rule for administrative deadlines, a city
 *   choice here). The last day is the N-th calendar day after the start's local date; pauses stop
 *   this clock too, so with pauses it is the day on which N × 24 h of unpaused time have run,
 *   E = the earliest T with elapsedMinutesBetween(start, T, paused) === N × 1440, if that is later
 *   (pause time before start, or after a deadline that had already passed, does not count).
 *     assigned Mon 7 Dec 2026 23:11, 60 days → Fri 5 Feb 2027 is cuti bersama, Sat and Sun are
 *                                              closed: Mon 8 Feb 2027 at close (16:00)
 *     N = 0: the close of the start's own day, or of the next working day once that has closed.
 *   The result is a closing time, like a WORKING_DAYS deadline, and it may be a few hours before
 *   start + N × 24 h when the start fell after closing time: the date counts, not the hour.
 *
 * Throws a RangeError for a negative or non-finite amount, a fractional number of days, an invalid
 * Date, or a pause that ends before it starts.
 */
export function addWorkingTime(start: Date, duration: Duration, cal: CompiledCalendar, paused?: Interval[]): Date {
  const startMs = epochMsOf(start, "start");
  const { amount, unit } = duration;
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`Duration amount must be a finite number >= 0, got ${amount}`);
  }
  if ((unit === "WORKING_DAYS" || unit === "CALENDAR_DAYS") && !Number.isInteger(amount)) {
    throw new RangeError(`${unit} needs a whole number of days, got ${amount}`);
  }
  const pauses = mergePauses(paused);
  switch (unit) {
    case "WORKING_MINUTES":
      return new Date(addWorkingMs(cal, startMs, minutesToMs(amount), pauses));
    case "WORKING_HOURS":
      return new Date(addWorkingMs(cal, startMs, minutesToMs(amount * 60), pauses));
    case "WORKING_DAYS":
      return new Date(addWorkingDaysMs(cal, startMs, amount, pauses));
    case "CALENDAR_DAYS":
      return new Date(addCalendarDaysMs(cal, startMs, amount, pauses));
    default:
      throw new RangeError(`Unknown duration unit ${String(unit satisfies never)}`);
  }
}

// ───────────────────────────── internals ─────────────────────────────

interface WorkingDay {
  localDay: number;
  span: EpochRange;
}

function firstWorkingDayFrom(cal: CompiledCalendar, localDay: number): WorkingDay {
  for (let day = localDay; day < localDay + MAX_CONSECUTIVE_CLOSED_DAYS; day++) {
    const span = cal.workingSpanOn(day);
    if (span !== null) return { localDay: day, span };
  }
  throw new Error(`Calendar has no office hours for ${MAX_CONSECUTIVE_CLOSED_DAYS} consecutive days; check its holidays`);
}

function nextWorkingMs(cal: CompiledCalendar, atMs: number): number {
  let day = firstWorkingDayFrom(cal, cal.localDayOf(atMs));
  if (atMs >= day.span.endMs) day = firstWorkingDayFrom(cal, day.localDay + 1);
  return Math.max(atMs, day.span.startMs);
}

/** Working time in [fromMs, toMs) covered by the (merged, hence disjoint) pauses. */
function pausedWorkingMsBetween(cal: CompiledCalendar, fromMs: number, toMs: number, pauses: readonly EpochRange[]): number {
  let pausedMs = 0;
  for (const pause of pauses) {
    const overlapStartMs = Math.max(fromMs, pause.startMs);
    const overlapEndMs = Math.min(toMs, pause.endMs);
    if (overlapEndMs > overlapStartMs) pausedMs += workingMsBetween(cal, overlapStartMs, overlapEndMs);
  }
  return pausedMs;
}

function workingMsBetween(cal: CompiledCalendar, fromMs: number, toMs: number): number {
  let total = 0;
  const lastDay = cal.localDayOf(toMs);
  for (let day = cal.localDayOf(fromMs); day <= lastDay; day++) {
    const span = cal.workingSpanOn(day);
    if (span !== null) total += Math.max(0, Math.min(toMs, span.endMs) - Math.max(fromMs, span.startMs));
  }
  return total;
}

/**
 * Earliest instant at which `amountMs` of unpaused working time has elapsed since `startMs`.
 * Walks day by day over office spans only, and jumps straight over long pauses.
 */
function addWorkingMs(cal: CompiledCalendar, startMs: number, amountMs: number, pauses: readonly EpochRange[]): number {
  if (amountMs <= 0) return startMs;
  let remainingMs = amountMs;
  let notBeforeMs = startMs;
  let pauseIndex = 0;
  let localDay = cal.localDayOf(startMs);
  for (;;) {
    const { localDay: workingDay, span } = firstWorkingDayFrom(cal, localDay);
    let cursorMs = Math.max(span.startMs, notBeforeMs);
    while (cursorMs < span.endMs) {
      while (pauseIndex < pauses.length && pauses[pauseIndex]!.endMs <= cursorMs) pauseIndex++;
      const pause = pauses[pauseIndex];
      if (pause !== undefined && pause.startMs <= cursorMs) {
        cursorMs = pause.endMs;
        continue;
      }
      const segmentEndMs = pause === undefined ? span.endMs : Math.min(span.endMs, pause.startMs);
      if (remainingMs <= segmentEndMs - cursorMs) return cursorMs + remainingMs;
      remainingMs -= segmentEndMs - cursorMs;
      cursorMs = segmentEndMs;
    }
    notBeforeMs = Math.max(notBeforeMs, cursorMs);
    // A pause reaching past today's close moves the cursor to a later day: skip straight there.
    localDay = Math.max(workingDay + 1, cal.localDayOf(cursorMs));
  }
}

function addWorkingDaysMs(cal: CompiledCalendar, startMs: number, workingDays: number, pauses: readonly EpochRange[]): number {
  const workStartsMs = nextWorkingMs(cal, startMs);
  let day = firstWorkingDayFrom(cal, cal.localDayOf(workStartsMs));
  for (let counted = 0; counted < workingDays; counted++) day = firstWorkingDayFrom(cal, day.localDay + 1);
  const unpausedDeadlineMs = day.span.endMs;
  // Equals addWorkingMs(workStarts, W, pauses) with W the working time up to the unpaused deadline,
  // without walking those days twice: if P ms of W were paused, only W − P unpaused ms have run by
  // the unpaused deadline, so P more must follow it (P = 0: the deadline itself, whose last ms is worked).
  const pausedMs = pausedWorkingMsBetween(cal, workStartsMs, unpausedDeadlineMs, pauses);
  return addWorkingMs(cal, unpausedDeadlineMs, pausedMs, pauses);
}

function addCalendarDaysMs(cal: CompiledCalendar, startMs: number, days: number, pauses: readonly EpochRange[]): number {
  const elapsedEndMs = addElapsedMs(startMs, days * MS_PER_DAY, pauses);
  // Counted in local dates, not in 24-hour steps, so a DST change inside the span cannot pull the
  // last day back a date; a pause can only push it later.
  const lastDay = Math.max(cal.localDayOf(startMs) + days, cal.localDayOf(elapsedEndMs));
  let day = firstWorkingDayFrom(cal, lastDay);
  // Only N = 0 can find its day already closed for the evening; the deadline never precedes the start.
  if (day.span.endMs < startMs) day = firstWorkingDayFrom(cal, day.localDay + 1);
  return day.span.endMs;
}

function addElapsedMs(startMs: number, amountMs: number, pauses: readonly EpochRange[]): number {
  if (amountMs <= 0) return startMs;
  let cursorMs = startMs;
  let remainingMs = amountMs;
  for (const pause of pauses) {
    if (pause.endMs <= cursorMs) continue;
    const runningUntilMs = Math.max(pause.startMs, cursorMs);
    if (remainingMs <= runningUntilMs - cursorMs) return cursorMs + remainingMs;
    remainingMs -= runningUntilMs - cursorMs;
    cursorMs = pause.endMs;
  }
  return cursorMs + remainingMs;
}

/** Sorted, disjoint, non-empty ranges covering exactly the union of the pauses. */
function mergePauses(paused: readonly Interval[] | undefined): EpochRange[] {
  if (paused === undefined || paused.length === 0) return [];
  const ranges = paused
    .map((pause, index) => {
      const range = { startMs: epochMsOf(pause.start, `paused[${index}].start`), endMs: epochMsOf(pause.end, `paused[${index}].end`) };
      if (range.endMs < range.startMs) throw new RangeError(`paused[${index}] ends before it starts`);
      return range;
    })
    .filter((range) => range.endMs > range.startMs)
    .sort((x, y) => x.startMs - y.startMs);
  const merged: EpochRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.startMs <= last.endMs) last.endMs = Math.max(last.endMs, range.endMs);
    else merged.push(range);
  }
  return merged;
}

function minutesToMs(minutes: number): number {
  // The tolerance keeps float noise (0.1 * 60000 = 6000.000000000001) from adding a millisecond.
  return Math.ceil(minutes * MS_PER_MINUTE - 1e-6);
}

function epochMsOf(date: Date, label: string): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${label} is an invalid Date`);
  return ms;
}

/** 1970-01-01 (local day 0) was a Thursday, ISO weekday 4. */
function isoWeekdayOfLocalDay(localDay: number): IsoWeekday {
  return (mod(localDay + 3, 7) + 1) as IsoWeekday;
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

function deepFreeze(definition: WorkingCalendar): Readonly<WorkingCalendar> {
  definition.weeklyHours.forEach((hours) => Object.freeze(hours));
  definition.holidays.forEach((holiday) => Object.freeze(holiday));
  Object.freeze(definition.weeklyHours);
  Object.freeze(definition.holidays);
  return Object.freeze(definition);
}
