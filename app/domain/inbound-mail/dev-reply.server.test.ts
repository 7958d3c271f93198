import { describe, expect, it } from "vitest";
import { isOwnOrigin } from "./dev-reply.server";

describe("the dev mailbox posts its reply only to this server", () => {
  it("accepts loopback and the public site's host, and nothing a Host header could make up", () => {
    const site = "https://lapor.pangkalpinangkota.go.id";
    for (const origin of ["http://127.0.0.1:41234", "http://localhost:3000", "http://[::1]:3000", "https://lapor.pangkalpinangkota.go.id"]) {
      expect(isOwnOrigin(origin, site), origin).toBe(true);
    }
    for (const origin of ["http://evil.example", "http://lapor.pangkalpinangkota.go.id.evil.example", "http://10.0.0.5:3000", "not a url"]) {
      expect(isOwnOrigin(origin, site), origin).toBe(false);
    }
  });
});
