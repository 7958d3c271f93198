// The choices the administration forms render (selects, radio groups, field names). Plain data, apart
// from the *.server.ts modules that validate and save: a page's component runs in the browser too, where
// a `.server` module is an empty object, so a constant imported from one is `undefined` after hydration.
import type { SlaStage } from "~/domain/complaints/workflow";

export const HOLIDAY_KINDS = ["NATIONAL", "CUTI_BERSAMA", "LOCAL"] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const DURATION_UNITS = ["WORKING_DAYS", "WORKING_HOURS", "WORKING_MINUTES", "CALENDAR_DAYS"] as const;
export type DurationUnitCode = (typeof DURATION_UNITS)[number];
export const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
export type PriorityCode = (typeof PRIORITIES)[number];
/** The SLA policy form's field for one stage's target: `amount_<STAGE>`, `unit_<STAGE>`, `source_<STAGE>`. */
export const targetField = (kind: "amount" | "unit" | "source", stage: SlaStage) => `${kind}_${stage}`;

export const TEMPLATE_LOCALES = ["id", "en"] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

export const UNIT_KINDS = ["CITY", "COORDINATOR", "INSPECTORATE", "OPD", "KECAMATAN", "KELURAHAN", "PUSKESMAS", "HOSPITAL", "OTHER"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
