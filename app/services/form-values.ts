// Small normalisers the form schemas share (pure; used inside zod preprocess steps).

/** An optional form field left blank (or only spaces) counts as not given. */
export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
