// Helpers for the reliability suite (tests/reliability): polling, filing complaints through the
// real /lapor form, and a worker process that can be killed with SIGKILL.
import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { complaintFields, toFormData, type ComplaintPlace } from "./complaint-form";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Polls `probe` until it returns something other than undefined, or throws naming `what`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, { timeoutMs = 20_000, everyMs = 100 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Runs `work` over `items` with at most `concurrency` in flight; results keep the items' order. */
export async function mapConcurrent<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!, index);
      }
    }),
  );
  return results;
}

export type LaporFields = ComplaintPlace;

/**
 * POSTs the /lapor form as a browser without JavaScript would (a fresh idempotency key, honeypot
 * fields started 10 s ago) from client address `ip` (the test server must run with TRUST_PROXY=1,
 * so every request counts against its own per-network limit). Returns the raw response.
 */
export async function postLapor(baseUrl: string, fields: LaporFields, ip: string, n: number): Promise<{ status: number; html: string }> {
  const values = complaintFields(fields, {
    description: `Antrean pengambilan KTP-el tidak dilayani sesuai jadwal (uji keandalan ${n}).`,
    address: "Jl. Keandalan No. 1",
    name: "Warga Uji Keandalan",
    email: undefined,
    phone: "081234567890",
    visibility: "RAHASIA",
  });
  const response = await fetch(`${baseUrl}/lapor`, { method: "POST", body: toFormData(values), headers: { "x-forwarded-for": ip } });
  return { status: response.status, html: await response.text() };
}

export const trackingCodeIn = (html: string): string | null => /data-testid="tracking-code">([^<]+)</.exec(html)?.[1] ?? null;

/** A distinct client address per request number. */
export const clientAddress = (n: number) => `10.${90 + Math.floor(n / 62_500)}.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;

export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Everything the process wrote, for the failure message. */
  output(): string;
  /** SIGKILL, as the OOM killer or a pulled plug would; resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM, the graceful path; resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * `workers/index.ts` in its own process, as `npm run worker` runs it (through tsx), with `env`
 * added to ours (DATABASE_URL, DATABASE_SCHEMA, REDIS_URL, QUEUE_PREFIX, …).
 */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  // tsx as a loader inside this one node process, not the tsx CLI: the CLI runs the script in a
  // second process, so a SIGKILL would hit only the wrapper and leave the worker running.
  const child = spawn(process.execPath, ["--import", "tsx", "workers/index.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) resolveExit();
    else child.once("exit", () => resolveExit());
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { child, output: () => output, kill: () => signal("SIGKILL"), stop: () => signal("SIGTERM") };
}

/** The same complaint as `postLapor`, as the parsed form input `submitComplaint` takes. */
export function complaintInput(fields: LaporFields, n: number) {
  return {
    productId: fields.productId,
    unitUnknown: false,
    description: `Antrean pengambilan KTP-el tidak dilayani sesuai jadwal (uji keandalan ${n}).`,
    incidentDate: "2026-11-02",
    kecamatanCode: fields.kecamatanCode,
    kelurahanCode: fields.kelurahanCode,
    address: "Jl. Keandalan No. 1",
    name: "Warga Uji Keandalan",
    phone: "081234567890",
    visibility: "RAHASIA" as const,
    consent: true as const,
    idempotencyKey: randomBytes(18).toString("base64url"),
  };
}
