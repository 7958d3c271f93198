// `npm run db:seed`: reference data plus demo accounts (unless SEED_DEMO=0). npm start runs it.
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { DEMO_ACCOUNTS_FILE, readOrCreateDemoPassword } from "./seed/demo-password";
import { DEMO_ACCOUNTS, seedDemoAccounts, seedReferenceData } from "./seed/index";

async function main() {
  const env = getEnv();
  const db = getDb();
  try {
    const summary = await seedReferenceData(db);
    let demoAccounts = 0;
    if (process.env.SEED_DEMO !== "0") {
      demoAccounts = await seedDemoAccounts(db, {
        password: readOrCreateDemoPassword(),
        mustChangePassword: env.NODE_ENV === "production",
      });
      mkdirSync(dirname(DEMO_ACCOUNTS_FILE), { recursive: true });
      writeFileSync(DEMO_ACCOUNTS_FILE, JSON.stringify(DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role }))));
    }
    console.log(
      `seed: ${summary.kecamatan} kecamatan, ${summary.kelurahan} kelurahan, ${summary.units} units, ${summary.products} products, ` +
        `${summary.holidays} holidays, ${summary.assessments} compliance results, ${demoAccounts} demo accounts`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: Error) => {
  console.error(`seed failed: ${error.message}`);
  process.exit(1);
});
