// Office hours as plain data, without the calendar arithmetic and its zod schema: pages import the
// default office day (app/components/sla-time-left.ts) and must not pull zod into the browser
// bundle (ADR 022). working-time.ts re-exports everything here.

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Opening hours of one ISO weekday (1 = Monday … 7 = Sunday), as local "HH:MM" wall-clock times. */
export interface OfficeHours {
  weekday: IsoWeekday;
  open: string;
  /** Exclusive; "24:00" is accepted for an office that stays open until midnight. */
  close: string;
}

/**
 * Perpres 21/2023 (hari kerja dan jam kerja instansi pemerintah): 37.5 working hours a week,
 * breaks excluded. With the office opening at 07:30 this gives Mon–Thu 07:30–16:00 and a longer
 * Friday break, 07:30–16:30 (DESIGN default). Breaks are not modelled: the SLA clock runs through
 * them, because a complaint waiting over lunch is still waiting on the office.
 */
export const DEFAULT_OFFICE_HOURS: OfficeHours[] = [
  { weekday: 1, open: "07:30", close: "16:00" },
  { weekday: 2, open: "07:30", close: "16:00" },
  { weekday: 3, open: "07:30", close: "16:00" },
  { weekday: 4, open: "07:30", close: "16:00" },
  { weekday: 5, open: "07:30", close: "16:30" },
];
