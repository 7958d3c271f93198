import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../tests/support/isolation";
import { loadSlaPolicy } from "./policy.server";

const database = useTestDatabase({ seed: true });
let unitId: string;
let productId: string;
let otherProductId: string;

beforeAll(async () => {
  const db = database.db;
  const product = await db.serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
  const other = await db.serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KK" } });
  unitId = product.unitId;
  productId = product.id;
  otherProductId = other.id;
  const policy = async (code: string, scope: object, firstResponseDays: number) =>
    db.slaPolicy.create({
      data: { code, name: code, source: "test", ...scope, targets: { create: [{ stage: "FIRST_RESPONSE", amount: firstResponseDays, unit: "WORKING_DAYS", source: "test" }] } },
    });
  await policy("UNIT", { unitId }, 4);
  await policy("PRODUCT", { productId }, 2);
  await policy("URGENT", { priority: "URGENT" }, 1);
  await policy("UNIT-URGENT", { unitId, priority: "URGENT" }, 1);
  await policy("RETIRED", { productId: otherProductId, isActive: false }, 9);
});

describe("SLA policy selection", () => {
  it("takes the most specific active policy: product, then unit, then the default", async () => {
    expect((await loadSlaPolicy(database.db, { unitId, productId })).code).toBe("PRODUCT");
    expect((await loadSlaPolicy(database.db, { unitId, productId: otherProductId })).code).toBe("UNIT");
    const fallback = await loadSlaPolicy(database.db, {});
    expect(fallback.code).toBe("DEFAULT");
    expect(fallback.targets.VERIFICATION).toEqual({ amount: 3, unit: "WORKING_DAYS" });
    expect(fallback.escalationStep).toEqual({ amount: 2, unit: "WORKING_DAYS" });
  });

  it("prefers a policy made for the complaint's priority among equally specific ones", async () => {
    expect((await loadSlaPolicy(database.db, { priority: "URGENT" })).code).toBe("URGENT");
    expect((await loadSlaPolicy(database.db, { unitId, productId: otherProductId, priority: "URGENT" })).code).toBe("UNIT-URGENT");
    expect((await loadSlaPolicy(database.db, { priority: "NORMAL" })).code).toBe("DEFAULT");
  });
});
