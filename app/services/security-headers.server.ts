// Security headers for every response. Documents also get a CSP with a per-response nonce
// (entry.server.tsx); it is enforced, not report-only: a public-sector site should fail closed.
import { tileImageSource } from "./map-config.server";

export function contentSecurityPolicy(nonce: string, { dev = false, tileSource = tileImageSource() }: { dev?: boolean; tileSource?: string } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    // The map's tiles (ADR 036): the configured tile host and nothing else.
    `img-src 'self' data: ${tileSource}`,
    "font-src 'self'",
    // remix dev's live reload speaks over a local websocket.
    `connect-src 'self'${dev ? " ws://localhost:* ws://127.0.0.1:*" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(self), payment=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/**
 * HSTS only where the site really is HTTPS in production: sent from a plain-HTTP development or
 * test server it would be ignored at best, and pinned on localhost at worst. No includeSubDomains:
 * other hosts under the city's domain are not ours to force onto HTTPS.
 */
export const HSTS_HEADER = "max-age=31536000";

export function securityHeaders({ nodeEnv, publicBaseUrl }: { nodeEnv: string; publicBaseUrl: string }): Record<string, string> {
  const https = nodeEnv === "production" && publicBaseUrl.startsWith("https:");
  return https ? { ...STATIC_SECURITY_HEADERS, "Strict-Transport-Security": HSTS_HEADER } : { ...STATIC_SECURITY_HEADERS };
}
