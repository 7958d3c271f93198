// The component-findings form's field names. Plain data, not in component-findings.server.ts: the
// page renders them in the browser too, where a `.server` module is an empty object.
export const COMPONENT_COUNT = 14;
export const statusField = (n: number) => `status_${n}`;
export const noteField = (n: number) => `note_${n}`;
