// Which of our messages answer a citizen's mail (RFC 3834 "auto-replied") and which are simply
// written by the system ("auto-generated"); the notify worker sets the header from the template.

/** The acknowledgement of a citizen's mail that arrived while no answer was asked of them (ADR 039). */
export const ACKNOWLEDGEMENT_TEMPLATE = "inbound.acknowledgement";
/** The answer to a citizen's mail too large to take. */
export const OVERSIZE_TEMPLATE = "inbound.oversize";

export function autoSubmittedFor(template: string): "auto-generated" | "auto-replied" {
  return template === ACKNOWLEDGEMENT_TEMPLATE || template === OVERSIZE_TEMPLATE ? "auto-replied" : "auto-generated";
}
