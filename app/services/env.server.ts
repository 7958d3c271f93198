import { z } from "zod";

// One parse of process.env for the whole process; a missing or malformed value stops start-up
// with a message naming it, instead of failing later inside a request.
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().positive().default(3000),
    DATABASE_URL: z.string().min(1, "DATABASE_URL is required (npm start sets it)"),
    /** Postgres schema holding our tables; tests give every file its own. */
    DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).default("public"),
    DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
    /**
     * Web server processes sharing the port (node:cluster). Unset: one per CPU in production, one
     * otherwise. Each holds its own DATABASE_POOL_SIZE connections.
     */
    WEB_PROCESSES: z.coerce.number().int().min(1).max(64).optional(),
    REDIS_URL: z.string().min(1).default("redis://127.0.0.1:6379"),
    /** Prefix for every BullMQ key; tests give every file its own. */
    QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/).default("lapor"),
    /**
     * How long a worker holds a job before another worker may take it over (BullMQ lockDuration;
     * stalled jobs are looked for as often). A job of a worker that died (SIGKILL, OOM, lost host)
     * is run again by another worker within about twice this. BullMQ's 30 s is right for
     * production; the reliability tests shorten it to watch the take-over happen.
     */
    JOB_LOCK_MS: z.coerce.number().int().min(1_000).default(30_000),
    /** Namespace of rate-limit keys in Redis; tests give every file its own. */
    RATE_LIMIT_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/).default("lapor"),
    PUBLIC_BASE_URL: z.url().default("http://localhost:3000"),
    SESSION_SECRET: z.string().min(32).optional(),
    SENDGRID_API_KEY: z.string().min(1).optional(),
    /** Only for tests and local capture servers; production talks to SendGrid's own host. */
    SENDGRID_BASE_URL: z.url().optional(),
    MAIL_FROM: z.email().default("no-reply@lapor-pangkalpinang.invalid"),
    /**
     * The domain whose mail SendGrid Inbound Parse receives (its MX points at mx.sendgrid.net):
     * citizen mail carries `Reply-To: balas+<token>@<this domain>` (ADR 039). Unset: `balas.` +
     * PUBLIC_BASE_URL's host.
     */
    INBOUND_EMAIL_DOMAIN: z
      .string()
      .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i, "a domain name, e.g. balas.lapor.pangkalpinangkota.go.id")
      .optional(),
    /**
     * Basic-auth credentials (`user:password`) SendGrid puts in the Inbound Parse URL
     * (`https://user:password@host/webhooks/sendgrid/inbound`). Unset: the webhook answers 404.
     */
    SENDGRID_INBOUND_AUTH: z.string().regex(/^[^:\s]+:\S{16,}$/, "user:password, the password 16+ characters").optional(),
    /** The Event Webhook's verification key (Mail Settings → Signed Event Webhook), PEM or bare base64. Unset: the webhook answers 404. */
    SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY: z.string().min(40).optional(),
    /** How far a signed event batch's timestamp may be from our clock before it is refused as stale (replay). */
    SENDGRID_EVENT_WEBHOOK_MAX_AGE_SECONDS: z.coerce.number().int().min(30).max(86_400).default(600),
    STORAGE_DIR: z.string().default(".data/uploads"),
    /** Reverse proxies in front of the web process (0 = none): how many X-Forwarded-For hops to trust. */
    TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
    /** Demos and manual tests only: shifts "now" for web and workers alike, so deadlines can be watched firing. */
    CLOCK_OFFSET_MINUTES: z.coerce.number().int().default(0),
    /** When set, /metrics asks for `Authorization: Bearer <token>`; put the endpoint behind the proxy's allow-list either way. */
    METRICS_TOKEN: z.string().min(16).optional(),
    /** Open311 jurisdiction_id this server answers for (ADR 012); a request naming another is refused. */
    OPEN311_JURISDICTION_ID: z.string().min(1).default("pangkalpinang.go.id"),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.CLOCK_OFFSET_MINUTES !== 0) {
      ctx.addIssue({ code: "custom", path: ["CLOCK_OFFSET_MINUTES"], message: "a shifted clock is for demos; it is refused in production" });
    }
    if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "SESSION_SECRET (32+ characters) is required in production" });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

let offsetSource: string | undefined;
let offsetMinutes = 0;

/**
 * CLOCK_OFFSET_MINUTES as process.env holds it now. getEnv() parses the environment once, but the
 * offset is read again whenever its text changes, so a test that serves the app in its own process
 * can move the server's clock between requests (tests/e2e/journey.e2e.test.ts). The same rules as
 * at start-up: an integer, and never anything but 0 in production.
 */
export function clockOffsetMinutes(): number {
  const env = getEnv();
  const source = process.env.CLOCK_OFFSET_MINUTES;
  if (source === offsetSource) return offsetMinutes;
  const parsed = z.coerce.number().int().default(0).safeParse(source === "" ? undefined : source);
  if (!parsed.success) throw new Error("Invalid environment:\n  CLOCK_OFFSET_MINUTES: expected an integer");
  if (env.NODE_ENV === "production" && parsed.data !== 0) {
    throw new Error("Invalid environment:\n  CLOCK_OFFSET_MINUTES: a shifted clock is for demos; it is refused in production");
  }
  offsetSource = source;
  offsetMinutes = parsed.data;
  return offsetMinutes;
}
