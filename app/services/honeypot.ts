// Client-safe names and attributes of the honeypot fields; the checks are in honeypot.server.ts.
export const HONEYPOT_FIELD = "website";
export const FORM_STARTED_AT_FIELD = "formStartedAt";

/**
 * Attributes for the honeypot <input> (React spelling). Hide it with an off-screen class, not
 * `display: none` or `type="hidden"`, which bots recognise and skip; put aria-hidden on its wrapper
 * (with the label) so screen readers do not announce it.
 */
export const HONEYPOT_INPUT_ATTRIBUTES = { type: "text", tabIndex: -1, autoComplete: "off" } as const;
export const HONEYPOT_WRAPPER_ATTRIBUTES = { "aria-hidden": true } as const;
