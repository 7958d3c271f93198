// The signature check with keys made here the way SendGrid makes its own: ECDSA P-256, the
// signature DER in base64 over `<timestamp><body>`, the public key shown as bare base64 of its SPKI.
import { generateKeyPairSync, sign } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkEventSignature, loadPublicKey, publicKeyPem } from "./signature.server";

const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
const other = generateKeyPairSync("ec", { namedCurve: "P-256" });
const bare = pair.publicKey.export({ type: "spki", format: "der" }).toString("base64");
const pem = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
const NOW = new Date("2027-01-22T09:00:00Z");
const ts = String(Math.floor(NOW.getTime() / 1000));
const body = JSON.stringify([{ email: "warga@example.test", event: "bounce", timestamp: Number(ts) }]);
const signed = (privateKey = pair.privateKey, timestamp = ts, text = body) => sign("sha256", Buffer.from(timestamp + text, "utf8"), privateKey).toString("base64");
const options = { now: NOW, maxAgeSeconds: 600 };

describe("the Event Webhook signature", () => {
  it("accepts SendGrid's bare base64 key and a PEM block alike", () => {
    expect(publicKeyPem(bare)).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PUBLIC KEY-----\n$/);
    expect(publicKeyPem(` ${pem} `)).toBe(pem.trim());
    for (const configured of [bare, pem]) {
      expect(checkEventSignature(loadPublicKey(configured), { body, signature: signed(), timestamp: ts }, options)).toBe("ok");
    }
  });

  it("refuses another key's signature, a changed body or timestamp, and missing headers", () => {
    const key = loadPublicKey(bare);
    expect(checkEventSignature(key, { body, signature: signed(other.privateKey), timestamp: ts }, options)).toBe("invalid");
    expect(checkEventSignature(key, { body: body.replace("bounce", "delivered"), signature: signed(), timestamp: ts }, options)).toBe("invalid");
    expect(checkEventSignature(key, { body, signature: signed(), timestamp: String(Number(ts) + 1) }, options)).toBe("invalid");
    expect(checkEventSignature(key, { body, signature: null, timestamp: ts }, options)).toBe("missing");
    expect(checkEventSignature(key, { body, signature: signed(), timestamp: null }, options)).toBe("missing");
  });

  it("refuses a timestamp further than the allowed age from our clock, either way, even correctly signed", () => {
    const key = loadPublicKey(bare);
    const old = String(Number(ts) - 601);
    const future = String(Number(ts) + 601);
    expect(checkEventSignature(key, { body, signature: signed(pair.privateKey, old), timestamp: old }, options)).toBe("stale");
    expect(checkEventSignature(key, { body, signature: signed(pair.privateKey, future), timestamp: future }, options)).toBe("stale");
    const edge = String(Number(ts) - 600);
    expect(checkEventSignature(key, { body, signature: signed(pair.privateKey, edge), timestamp: edge }, options)).toBe("ok");
  });

  it("reads any header value as invalid rather than throwing", () => {
    const key = loadPublicKey(bare);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.base64String({ maxLength: 300 }), fc.uint8Array({ maxLength: 120 }).map((a) => Buffer.from(a).toString("base64"))), fc.oneof(fc.constant(ts), fc.string()), (signature, timestamp) => {
        expect(["invalid", "missing", "stale"]).toContain(checkEventSignature(key, { body, signature, timestamp }, options));
      }),
      { numRuns: 200 },
    );
  });

  it("throws on a configured key that is not a key (a configuration error, reported by the webhook)", () => {
    expect(() => loadPublicKey("this is not a public key at all, not even base64!!")).toThrow();
  });
});
