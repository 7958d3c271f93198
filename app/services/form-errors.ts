// Client-safe helpers for showing validation errors: schemas carry i18n keys as messages.
import type { z } from "zod";

const I18N_KEY = /^[a-zA-Z]+(\.[a-zA-Z0-9_]+)+$/;

/**
 * The first problem per field as an i18n key (zod's own English text never reaches a page:
 * it becomes `fallbackKey`). Issues without a path go under "form".
 */
export function firstIssuePerField<F extends string>(error: z.ZodError, fallbackKey = "form.error.invalid"): Partial<Record<F | "form", string>> {
  const errors: Partial<Record<F | "form", string>> = {};
  for (const issue of error.issues) {
    const field = (issue.path[0] === undefined ? "form" : String(issue.path[0])) as F | "form";
    errors[field] ??= I18N_KEY.test(issue.message) ? issue.message : fallbackKey;
  }
  return errors;
}
