import { describe, expect, it } from "vitest";
import { PUBLICATION_RULES } from "~/domain/publication/publication";
import { publicExposureKeys } from "./visibility-choice";

describe("what the form says the public will see", () => {
  it("follows the publication rule for every visibility", () => {
    expect(publicExposureKeys("RAHASIA")).toEqual(["form.visibility.shows.nothing"]);
    expect(publicExposureKeys("ANONIM")).toContain("form.visibility.shows.areaOnly");
    expect(publicExposureKeys("PUBLIC")).toContain("form.visibility.shows.address");
    for (const visibility of ["PUBLIC", "ANONIM"] as const) {
      const keys = publicExposureKeys(visibility);
      expect(keys.includes("form.visibility.shows.address")).toBe(PUBLICATION_RULES[visibility].address === "redact");
      expect(keys.includes("form.visibility.shows.description")).toBe(PUBLICATION_RULES[visibility].description === "redact");
      expect(keys).toContain("form.visibility.shows.never");
    }
  });
});
