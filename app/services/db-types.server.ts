import type { Prisma, PrismaClient } from "~/generated/prisma/client";

/** Either the client or an interactive transaction: model functions accept both. */
export type DbClient = PrismaClient | Prisma.TransactionClient;
