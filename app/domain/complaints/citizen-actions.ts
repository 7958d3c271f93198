// Forms a citizen posts on the tracking page, shared by browser and server. Messages are i18n keys.
import { z } from "zod";

export const TrackingLookupSchema = z.object({
  kode: z.string({ message: "track.error.code" }).trim().min(4, { message: "track.error.code" }).max(40, { message: "track.error.code" }),
  pin: z
    .string({ message: "track.error.pin" })
    .trim()
    .regex(/^\d{6}$/, { message: "track.error.pin" }),
});

/** The longest answer a citizen may give on the tracking page, and what an e-mail answer is cut to. */
export const CITIZEN_REPLY_MAX_LENGTH = 5000;

const reason = z.string({ message: "form.error.required" }).trim().min(5, { message: "track.error.reasonShort" }).max(2000, { message: "form.error.tooLong" });

export const CitizenActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reply"), message: z.string({ message: "form.error.required" }).trim().min(2, { message: "form.error.required" }).max(CITIZEN_REPLY_MAX_LENGTH, { message: "form.error.tooLong" }) }),
  z.object({ intent: z.literal("confirm") }),
  z.object({ intent: z.literal("reject"), reason }),
  z.object({
    intent: z.literal("rate"),
    rating: z.coerce.number({ message: "track.error.rating" }).int({ message: "track.error.rating" }).min(1, { message: "track.error.rating" }).max(5, { message: "track.error.rating" }),
    comment: z.string().trim().max(1000, { message: "form.error.tooLong" }).optional(),
  }),
  z.object({ intent: z.literal("appeal"), reason }),
  z.object({ intent: z.literal("withdraw"), reason: z.string().trim().max(2000, { message: "form.error.tooLong" }).optional() }),
]);

export type CitizenActionInput = z.infer<typeof CitizenActionSchema>;
export type CitizenIntent = CitizenActionInput["intent"];

/**
 * A new address when mail to the old one fails (issue #15). Its own form, not a workflow action: it
 * changes nothing on the timeline. Stored in lower case, as the complaint form stores it.
 */
export const EmailChangeSchema = z.object({
  intent: z.literal("email"),
  email: z
    .string({ message: "form.error.required" })
    .trim()
    .min(1, { message: "form.error.required" })
    .max(254, { message: "form.error.tooLong" })
    .transform((value) => value.toLowerCase())
    .pipe(z.email({ message: "form.error.email" })),
});

/** Every form the tracking page posts: the workflow's actions and the e-mail address. */
export type TrackingIntent = CitizenIntent | "email";
