// A stand-in for SendGrid's API on 127.0.0.1: the real @sendgrid/mail client talks to it
// (SENDGRID_BASE_URL / the transport's baseUrl), it records every request and answers with
// scripted statuses, so tests see exactly what would have been sent and how often.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface CapturedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  /** What the server answered. */
  status: number;
  /** The `x-message-id` it answered with (2xx only). */
  messageId: string | null;
}

export interface ScriptedResponse {
  status: number;
  /** JSON body; 4xx/5xx default to a SendGrid-style `{ errors: [...] }`. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (to make requests overlap, or to trip a timeout). */
  delayMs?: number;
}

export interface SendGridCapture {
  /** `http://127.0.0.1:<port>` once started. */
  readonly url: string;
  readonly requests: CapturedRequest[];
  start(): Promise<string>;
  stop(): Promise<void>;
  /** Queues the answers for the next requests, in order; afterwards it answers 202 again. */
  respondWith(...responses: (number | ScriptedResponse)[]): void;
  /** Forgets recorded requests and scripted answers (between tests). */
  reset(): void;
  /** Resolves once `count` requests have been recorded, or rejects after `timeoutMs`. */
  waitForRequests(count: number, timeoutMs?: number): Promise<CapturedRequest[]>;
}

export function createSendGridCapture(): SendGridCapture {
  const requests: CapturedRequest[] = [];
  let script: ScriptedResponse[] = [];
  let server: Server | undefined;
  let url = "";
  let counter = 0;

  const handle = (raw: string, method: string, path: string, headers: IncomingHttpHeaders) => {
    let body: unknown = raw;
    try {
      body = raw === "" ? null : JSON.parse(raw);
    } catch {
      // Keep the raw text: a test can still look at it.
    }
    const scripted = script.shift() ?? { status: 202 };
    const ok = scripted.status >= 200 && scripted.status < 300;
    counter += 1;
    const messageId = ok ? `capture-${process.pid}-${counter}` : null;
    requests.push({ method, path, headers, body, status: scripted.status, messageId });
    const responseBody =
      scripted.body !== undefined
        ? scripted.body
        : ok
          ? null
          : { errors: [{ message: `scripted failure ${scripted.status}`, field: null, help: null }] };
    return { scripted, messageId, responseBody };
  };

  return {
    get url() {
      return url;
    },
    requests,
    async start() {
      if (server) return url;
      server = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => {
          const { scripted, messageId, responseBody } = handle(
            Buffer.concat(chunks).toString("utf8"),
            request.method ?? "",
            request.url ?? "",
            request.headers,
          );
          const answer = () => {
            if (response.destroyed) return;
            const headers: Record<string, string> = { ...(messageId ? { "x-message-id": messageId } : {}), ...scripted.headers };
            if (responseBody === null) {
              response.writeHead(scripted.status, headers).end();
            } else {
              response.writeHead(scripted.status, { "content-type": "application/json", ...headers }).end(JSON.stringify(responseBody));
            }
          };
          if (scripted.delayMs) setTimeout(answer, scripted.delayMs);
          else answer();
        });
      });
      await new Promise<void>((resolve, reject) => {
        server!.once("error", reject);
        server!.listen(0, "127.0.0.1", () => resolve());
      });
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      return url;
    },
    async stop() {
      const current = server;
      server = undefined;
      if (!current) return;
      current.closeAllConnections();
      await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    respondWith(...responses) {
      script.push(...responses.map((r) => (typeof r === "number" ? { status: r } : r)));
    },
    reset() {
      requests.length = 0;
      script = [];
    },
    async waitForRequests(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} request(s) to the SendGrid capture server, got ${requests.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return requests;
    },
  };
}
