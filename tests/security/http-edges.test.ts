// Requests at the edges of HTTP, sent raw (node:http, node:net) to the built app: methods the app
// does not serve, bodies far over every cap sent without a length, paths whose percent-encoding is
// not UTF-8, Host headers no URL can be made of. Each gets an HTTP answer with a body (never a 500,
// never a dropped or reset connection), and whatever the server prints meanwhile is JSON lines
// (app/services/logger.server.ts), never a stack.
import { request as httpRequest, createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { connect } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { answerUnservedRequests, createApp } from "~/server/app";
import { CATALOGUES, type Locale } from "~/services/i18n.server";
import { createLogger } from "~/services/logger.server";
import { useTestServer } from "../e2e/support/browser";
import { renderedHtml } from "../support/html";

process.env.TRUST_PROXY = "1";
// The schema, the environment and the build the app reads; requests go to `edge` below.
const testServer = useTestServer();
vi.setConfig({ testTimeout: 60_000 });
const RUNS = Number(process.env.SECURITY_FUZZ_RUNS ?? 40);

// The app in an HTTP server with answerUnservedRequests, which answers what Node's parser refuses
// before the app sees it (FOO, CONNECT); the other cases would pass on the shared test server too.
let edge: Server;
let port: number;

beforeAll(async () => {
  void testServer.baseUrl; // started: its environment (schema, database URL) is in place
  const build = (await import(new URL("../../build/index.js", import.meta.url).href)) as ServerBuild;
  edge = answerUnservedRequests(createServer(createApp(build, "production")));
  await new Promise<void>((done) => edge.listen(0, "127.0.0.1", done));
  port = (edge.address() as { port: number }).port;
});

afterAll(async () => {
  edge.closeAllConnections();
  await new Promise((done) => edge.close(done));
});

// ---------------------------------------------------------------------------------------------
// Raw clients

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One request on its own connection. `chunkedBytes` sends a body of that size with
 * Transfer-Encoding: chunked (no Content-Length) in 64 KiB writes, between `prefix` and `suffix`.
 * Resolves when the connection closes after a whole answer; rejects when it failed on the way (a
 * reset while sending: the server closed on a body it had not read, and the answer was lost with
 * it). A client may stop sending once it has the whole answer; Node's does when told to close.
 */
function send(method: string, path: string, options: { headers?: Record<string, string>; chunkedBytes?: number; prefix?: string; suffix?: string; body?: Buffer } = {}): Promise<Answer> {
  return new Promise((resolveAnswer, reject) => {
    let answer: Answer | undefined;
    let failure: Error | undefined;
    const req = httpRequest({ host: "127.0.0.1", port, method, path, agent: false, headers: { "x-forwarded-for": "10.91.0.1", ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => void (answer = { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", (error) => void (failure ??= error));
    });
    req.on("error", (error) => void (failure ??= error));
    req.on("close", () => (failure ? reject(failure) : answer ? resolveAnswer(answer) : reject(new Error(`${method} ${path}: closed without an answer`))));
    if (options.body) return void req.end(options.body);
    if (options.chunkedBytes === undefined) return void req.end();
    req.setHeader("Transfer-Encoding", "chunked");
    if (options.prefix) req.write(options.prefix);
    const block = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < options.chunkedBytes!) {
        sent += block.byteLength;
        if (!req.write(block)) return void req.once("drain", pump);
      }
      req.end(options.suffix);
    };
    pump();
  });
}

/** Bytes written as they are on one connection; the whole answer, up to the server's close. */
function sendRaw(head: string): Promise<string> {
  return new Promise((resolveAnswer, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(head));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => resolveAnswer(Buffer.concat(chunks).toString("utf8")));
    socket.on("error", reject);
  });
}

// ---------------------------------------------------------------------------------------------
// What the server prints

/**
 * Runs `work` while collecting everything the process prints (stdout, stderr, console), and checks
 * that each line is one JSON object from the logger. The server runs in this process, so this is
 * the server's own output.
 */
async function expectOnlyJsonLines<T>(work: () => Promise<T>): Promise<T> {
  const printed: string[] = [];
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const stderrWrite = process.stderr.write.bind(process.stderr);
  const collect = (chunk: unknown) => {
    printed.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
    return true;
  };
  process.stdout.write = collect as typeof process.stdout.write;
  process.stderr.write = collect as typeof process.stderr.write;
  const consoleSpies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((name) =>
    vi.spyOn(console, name).mockImplementation((...args: unknown[]) => void printed.push(`${args.map(String).join(" ")}\n`)),
  );
  const marker = `edge-check-${Date.now()}`;
  try {
    // The collection itself is checked: a line the logger writes must be among what is collected.
    createLogger("test").error(marker);
    return await work();
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    for (const spy of consoleSpies) spy.mockRestore();
    const lines = printed.join("").split("\n").filter((line) => line.trim() !== "");
    expect(lines.some((line) => line.includes(marker)), "the output collection saw the logger").toBe(true);
    for (const line of lines) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        parsed = undefined;
      }
      expect(parsed, `not a JSON log line: ${line.slice(0, 300)}`).toMatchObject({ level: expect.any(String), msg: expect.any(String) });
    }
  }
}

const generic = (lang: Locale) => CATALOGUES[lang]["error.generic"];

function expectPlainRefusal(answer: Answer, status: number, lang: Locale, label: string) {
  expect(answer.status, `${label}: ${answer.body.slice(0, 200)}`).toBe(status);
  expect(answer.headers["content-type"], label).toContain("text/plain");
  expect(answer.body, label).toBe(generic(lang));
}

// ---------------------------------------------------------------------------------------------

const PATHS = ["/", "/lacak", "/lapor", "/statistik", "/open311/v2/requests.json", "/staf/masuk", "/favicon.svg", "/tidak-ada"];

describe("methods the app does not serve", () => {
  it("TRACE, WebDAV, OPTIONS, PUT, DELETE, PATCH on any path: 405 with Allow, in the visitor's language", async () => {
    await expectOnlyJsonLines(async () => {
      for (const method of ["TRACE", "PROPFIND", "MKCOL", "OPTIONS", "PUT", "DELETE", "PATCH", "SEARCH"]) {
        for (const path of PATHS) {
          const lang: Locale = path.length % 2 === 0 ? "en" : "id";
          const answer = await send(method, `${path}?lang=${lang}`);
          expectPlainRefusal(answer, 405, lang, `${method} ${path}`);
          expect(answer.headers.allow, `${method} ${path}`).toBe("GET, HEAD, POST");
        }
      }
      // The language cookie counts as on every page.
      expectPlainRefusal(await send("TRACE", "/lacak", { headers: { cookie: "lang=en" } }), 405, "en", "TRACE with cookie");
    });
  });

  it("methods Node's parser does not know (FOO, TRACK) and CONNECT: 405 with Allow, not a bare 400 or a dropped connection", async () => {
    await expectOnlyJsonLines(async () => {
      for (const method of ["FOO", "TRACK", "BREW"]) {
        for (const path of ["/", "/lacak?lang=en", "/open311/v2/services.json"]) {
          const answer = await send(method, path);
          expect(answer.status, `${method} ${path}`).toBe(405);
          expect(answer.headers.allow).toBe("GET, HEAD, POST");
          expect(answer.body).toBe(generic(path.includes("lang=en") ? "en" : "id"));
        }
      }
      const connectAnswer = await sendRaw("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\nCookie: lang=en\r\n\r\n");
      expect(connectAnswer).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
      expect(connectAnswer).toContain("\r\nAllow: GET, HEAD, POST\r\n");
      expect(connectAnswer.endsWith(generic("en"))).toBe(true);
      const asterisk = await sendRaw("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      expect(asterisk).toMatch(/^HTTP\/1\.1 405 /);
      expect(asterisk).toMatch(/\r\nAllow: GET, HEAD, POST\r\n/i);
      // Bytes that are no request line at all (a TLS handshake) are a plain 400.
      const binary = await sendRaw("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003 not http\r\n\r\n");
      expect(binary).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    });
  });

  it("a request line over Node's 16 KiB limit on a kept-alive connection, after an answered request: 431, not a dropped connection", async () => {
    await expectOnlyJsonLines(async () => {
      const answers = await new Promise<string>((resolveAnswer, reject) => {
        const socket = connect(port, "127.0.0.1", () => socket.write("GET /favicon.svg HTTP/1.1\r\nHost: x\r\n\r\n"));
        let text = "";
        let sentSecond = false;
        socket.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
          // The first answer is in: this connection has written bytes before the refused request.
          if (!sentSecond && text.includes("</svg>")) {
            sentSecond = true;
            socket.write(`GET /open311/v2/requests.json?service_code=${"%C3%A4".repeat(3200)} HTTP/1.1\r\nHost: x\r\n\r\n`);
          }
        });
        socket.on("end", () => resolveAnswer(text));
        socket.on("error", reject);
      });
      expect(answers).toMatch(/^HTTP\/1\.1 200 /);
      expect(answers).toMatch(/\r\n\r\n[\s\S]*HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    });
  });

  it("any method token on any path: GET, HEAD and POST as usual, anything else 405 with Allow; never a 500", async () => {
    await expectOnlyJsonLines(() =>
      fc.assert(
        fc.asyncProperty(
          // Node's client treats CONNECT as a tunnel; it is covered above with a raw socket.
          fc.oneof(fc.stringMatching(/^[A-Z][A-Z-]{0,11}$/), fc.constantFrom("GET", "HEAD", "POST", "M-SEARCH", "UNLINK", "QUERY")).filter((m) => m !== "CONNECT"),
          fc.constantFrom(...PATHS, "/lacak/LPK-00000-000000", "/open311/v2/services.xml", "/build/nope.js"),
          async (method, path) => {
            const answer = await send(method, path, method === "POST" ? { body: Buffer.from("a=1"), headers: { "content-type": "application/x-www-form-urlencoded" } } : {});
            expect(answer.status, `${method} ${path}`).toBeLessThan(500);
            if (["GET", "HEAD", "POST"].includes(method)) return;
            expect(answer.status, `${method} ${path}`).toBe(405);
            expect(answer.headers.allow).toBe("GET, HEAD, POST");
          },
        ),
        { numRuns: RUNS },
      ),
    );
  });

  it("a POST to a page without an action: the router's 405 says which methods the page takes", async () => {
    await expectOnlyJsonLines(async () => {
      const answer = await send("POST", "/statistik?lang=en", { body: Buffer.from("a=1"), headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe("GET, HEAD");
    });
  });

  it("GET and HEAD still answer", async () => {
    expect((await send("GET", "/")).status).toBe(200);
    const head = await send("HEAD", "/lacak");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });
});

describe("bodies over the cap, sent chunked (no Content-Length)", () => {
  const FIVE_MB = 5 * 1024 * 1024;
  const boundary = "----lapor-edge";
  const multipartField = (name: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`;

  it("/lacak: 413 with the error page in the visitor's language, and the connection still answers", async () => {
    await expectOnlyJsonLines(async () => {
      for (const lang of ["id", "en"] as const) {
        const answer = await send("POST", `/lacak?lang=${lang}`, { chunkedBytes: FIVE_MB, prefix: "kode=", headers: { "content-type": "application/x-www-form-urlencoded" } });
        expect(answer.status, answer.body.slice(0, 200)).toBe(413);
        expect(answer.headers.connection).toBe("close");
        expect(renderedHtml(answer.body)).toContain(generic(lang));
      }
    });
    expect((await send("GET", "/lacak")).status).toBe(200);
  });

  it("/lapor: a text field of 5 MB (multipart) or a 5 MB urlencoded form: 413 with the form's message", async () => {
    await expectOnlyJsonLines(async () => {
      const multipart = await send("POST", "/lapor?lang=en", {
        chunkedBytes: FIVE_MB,
        prefix: multipartField("description"),
        suffix: `\r\n--${boundary}--\r\n`,
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      });
      expect(multipart.status, multipart.body.slice(0, 200)).toBe(413);
      expect(renderedHtml(multipart.body)).toContain(CATALOGUES.en["form.error.tooLarge"]);
      const urlencoded = await send("POST", "/lapor?lang=id", { chunkedBytes: FIVE_MB, prefix: "description=", headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(urlencoded.status, urlencoded.body.slice(0, 200)).toBe(413);
      expect(renderedHtml(urlencoded.body)).toContain(CATALOGUES.id["form.error.tooLarge"]);
    });
  });

  it("staff sign-in, and a declared Content-Length over the cap: 413, answered", async () => {
    await expectOnlyJsonLines(async () => {
      const chunked = await send("POST", "/staf/masuk?lang=en", { chunkedBytes: FIVE_MB, prefix: "email=", headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(chunked.status).toBe(413);
      expect(renderedHtml(chunked.body)).toContain(generic("en"));
      const declared = await send("POST", "/lacak?lang=en", { body: Buffer.alloc(2 * 1024 * 1024, "a"), headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(declared.status).toBe(413);
      expect(renderedHtml(declared.body)).toContain(generic("en"));
    });
  });

  it("Open311 POST: the spec's 400 error array in the client's language (its contract for a body over 64 KB), never a reset", async () => {
    await expectOnlyJsonLines(async () => {
      const answer = await send("POST", "/open311/v2/requests.json?lang=en", { chunkedBytes: FIVE_MB, prefix: "api_key=x&description=", headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(answer.status).toBe(400);
      const errors = JSON.parse(answer.body) as { code: number; description: string }[];
      expect(errors[0]).toEqual({ code: 400, description: CATALOGUES.en["open311.error.body"] });
    });
  });

  it("a body sent to a page that never reads it (no action) is read and dropped: the 405 arrives", async () => {
    await expectOnlyJsonLines(async () => {
      const answer = await send("POST", "/statistik", { chunkedBytes: FIVE_MB, headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe("GET, HEAD");
    });
  });
});

describe("addresses that cannot be decoded", () => {
  it("a path whose percent-encoding is not UTF-8: 400 in the visitor's language, no stack", async () => {
    await expectOnlyJsonLines(async () => {
      for (const path of ["/lacak/%FF%FE", "/%E0%A4%A", "/build/%FF", "/%FF.svg", "/staf/%C0%AF", "/open311/v2/requests/%FF.json", "/lapor%ED%A0%80"]) {
        for (const lang of ["id", "en"] as const) {
          const answer = await send("GET", `${path}?lang=${lang}`);
          expectPlainRefusal(answer, 400, lang, path);
          expect(answer.body).not.toMatch(/URIError|\n\s+at /);
        }
        const post = await send("POST", path, { body: Buffer.from("a=1"), headers: { "content-type": "application/x-www-form-urlencoded" } });
        expectPlainRefusal(post, 400, "id", `POST ${path}`);
      }
    });
  });

  it("any percent-encoded bytes in a path: 400 when they are not UTF-8, never a 500 or a stack", async () => {
    await expectOnlyJsonLines(() =>
      fc.assert(
        fc.asyncProperty(fc.constantFrom("/", "/lacak/", "/staf/", "/open311/v2/requests/", "/build/"), fc.uint8Array({ minLength: 1, maxLength: 12 }), async (prefix, bytes) => {
          const encoded = [...bytes].map((byte) => `%${byte.toString(16).padStart(2, "0").toUpperCase()}`).join("");
          const answer = await send("GET", `${prefix}${encoded}`);
          expect(answer.status, `${prefix}${encoded}`).toBeLessThan(500);
          expect(answer.body).not.toMatch(/URIError|\n\s+at /);
          let decoded: string | undefined;
          try {
            decoded = decodeURIComponent(encoded);
          } catch {
            decoded = undefined;
          }
          // Not UTF-8, or a control character (no path of ours has one): refused before any route.
          if (decoded === undefined || /[\u0000-\u001f\u007f]/.test(decoded)) expectPlainRefusal(answer, 400, "id", `${prefix}${encoded}`);
        }),
        { numRuns: RUNS },
      ),
    );
  });

  it("a Host header no URL can be built from: 400, not a 500", async () => {
    await expectOnlyJsonLines(async () => {
      for (const host of ["a b", "[::1", "x:99999", "exa mple.test:80"]) {
        const answer = await sendRaw(`GET /lacak HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
        expect(answer, host).toMatch(/^HTTP\/1\.1 400 /);
        expect(answer.endsWith(generic("id")), host).toBe(true);
      }
    });
  });

  it("never a 500 for any of these on any path", async () => {
    await expectOnlyJsonLines(async () => {
      for (const path of PATHS) {
        for (const [method, suffix] of [["GET", "%FF"], ["TRACE", ""], ["OPTIONS", "%E0%A4%A"], ["POST", "%C3%28"]] as const) {
          const answer = await send(method, `${path === "/" ? "" : path}/${suffix}`);
          expect(answer.status, `${method} ${path}/${suffix}`).toBeGreaterThanOrEqual(400);
          expect(answer.status, `${method} ${path}/${suffix}`).toBeLessThan(500);
        }
      }
    });
  });
});
