import { describe, expect, it } from "vitest";
import { subtreeIds, UnitFormSchema } from "./units.server";

const form = (overrides: Record<string, string> = {}) => ({
  code: "pkm-a",
  kind: "PUSKESMAS",
  name: "Puskesmas A",
  shortName: "PKM A",
  parentId: "",
  contactEmails: "",
  ...overrides,
});

describe("UnitFormSchema", () => {
  it("uppercases codes and accepts hyphenated groups only", () => {
    expect(UnitFormSchema.parse(form()).code).toBe("PKM-A");
    for (const code of ["PKM_A", "-PKM", "PKM-", "PKM--A", "PKM A", "PKMÉ"]) {
      const result = UnitFormSchema.safeParse(form({ code }));
      expect(result.success, code).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("admin.error.codeFormat");
    }
  });

  it("reads one contact email per line, lowercased and deduplicated, and refuses a bad one", () => {
    const parsed = UnitFormSchema.parse(form({ contactEmails: " A@x.test\r\n\nb@x.test\na@x.test " }));
    expect(parsed.contactEmails).toEqual(["a@x.test", "b@x.test"]);
    expect(parsed.isActive).toBe(false);
    expect(parsed.parentId).toBeUndefined();
    const bad = UnitFormSchema.safeParse(form({ contactEmails: "a@x.test\nnot an email" }));
    expect(bad.error?.issues[0]).toMatchObject({ path: ["contactEmails"], message: "admin.error.contactEmail" });
  });
});

describe("subtreeIds", () => {
  it("collects a unit and everything below it, and stops on a cycle in bad data", () => {
    const units = [
      { id: "city", parentId: null },
      { id: "dinkes", parentId: "city" },
      { id: "pkm", parentId: "dinkes" },
      { id: "pustu", parentId: "pkm" },
      { id: "other", parentId: "city" },
      { id: "x", parentId: "y" },
      { id: "y", parentId: "x" },
    ];
    expect([...subtreeIds(units, "dinkes")].sort()).toEqual(["dinkes", "pkm", "pustu"]);
    expect([...subtreeIds(units, "x")].sort()).toEqual(["x", "y"]);
  });
});
