import { describe, expect, it } from "vitest";
import { inboxSummary } from "./inbox.server";
import { BulkActionSchema, mayPostBulk, summaryFromSearch, summaryToSearch, type BulkSummary } from "./bulk-actions.server";

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const UNIT = ID(900);

describe("bulk actions", () => {
  it("read 1 to 50 distinct ids, and an officer for assigning", () => {
    expect(BulkActionSchema.safeParse({ intent: "bulk-acknowledge", ids: [] }).success).toBe(false);
    expect(BulkActionSchema.safeParse({ intent: "bulk-acknowledge", ids: Array.from({ length: 51 }, (_, i) => ID(i)) }).success).toBe(false);
    expect(BulkActionSchema.safeParse({ intent: "bulk-acknowledge", ids: ["1; DROP TABLE complaint"] }).success).toBe(false);
    expect(BulkActionSchema.safeParse({ intent: "bulk-assign", ids: [ID(1)], officerId: "" }).success).toBe(false);
    const parsed = BulkActionSchema.parse({ intent: "bulk-assign", ids: [ID(1), ID(1).toUpperCase(), ID(2)], officerId: ID(3) });
    expect(parsed.ids).toEqual([ID(1), ID(2)]);
  });

  it("are refused wholesale to whoever could never take them", () => {
    const member = (role: "OFFICER" | "UNIT_HEAD" | "COORDINATOR" | "LIAISON" | "INSPECTORATE" | "ADMIN") => ({ memberships: [{ unitId: UNIT, role }] });
    expect(["OFFICER", "UNIT_HEAD", "COORDINATOR", "LIAISON", "INSPECTORATE", "ADMIN"].filter((role) => mayPostBulk(member(role as never), "bulk-assign"))).toEqual(["UNIT_HEAD", "COORDINATOR"]);
    expect(["OFFICER", "UNIT_HEAD", "COORDINATOR", "LIAISON", "INSPECTORATE", "ADMIN"].filter((role) => mayPostBulk(member(role as never), "bulk-acknowledge"))).toEqual(["OFFICER", "UNIT_HEAD"]);
  });

  it("carry their summary through the redirect, and drop anything forged", () => {
    const summary: BulkSummary = { intent: "bulk-assign", done: ["LPK-7K3M9-QXR2CX", "LPK-AAAAA-BBBBBB"], refused: [{ code: "LPK-CCCCC-DDDDDD", reason: "not_allowed_now" }, { code: null, reason: "not_found" }] };
    expect(summaryFromSearch(summaryToSearch(summary))).toEqual(summary);
    expect(summaryFromSearch(new URLSearchParams("selesai=bulk-acknowledge&berhasil=<script>,LPK-1&gagal=X~evil,~forbidden,A~b~c"))).toEqual({
      intent: "bulk-acknowledge",
      done: ["LPK-1"],
      refused: [{ code: null, reason: "forbidden" }],
    });
    expect(summaryFromSearch(new URLSearchParams("selesai=transfer"))).toBeNull();
  });
});

describe("inbox summaries", () => {
  const complainant = { name: "Siti Nur Aminah", email: "siti@example.test", phone: "081234567890", nik: null, address: "Jl. Melati 5" };
  it("blank the complainant's name and contacts before cutting to one line", () => {
    const summary = inboxSummary({ title: null, description: "Saya Siti Nur Aminah (0812-3456-7890) di Jl. Melati 5:\n\n KTP-el belum jadi.", complainant });
    expect(summary).toBe("Saya […] ([…]) di […]: KTP-el belum jadi.");
    const long = inboxSummary({ title: null, description: `${"kata ".repeat(40)}Aminah`, complainant });
    expect(long.length).toBeLessThanOrEqual(121);
    expect(long.endsWith("…")).toBe(true);
    expect(inboxSummary({ title: "Judul singkat", description: "Isi", complainant: null })).toBe("Judul singkat");
  });
});
