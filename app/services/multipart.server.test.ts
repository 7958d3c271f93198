// parseFormWithFiles takes both encodings a browser sends: the citizen's forms without a file input
// (confirm, rate, reject, appeal, withdraw) arrive urlencoded, and Remix's multipart parser throws on those.
import { describe, expect, it } from "vitest";
import { parseFormWithFiles } from "./multipart.server";

const LIMITS = { maxFileBytes: 1024, maxFiles: 2 };

describe("parseFormWithFiles", () => {
  it("parses an urlencoded form (no files)", async () => {
    const request = new Request("http://localhost/lacak/LPK-X", { method: "POST", body: new URLSearchParams({ intent: "rate", rating: "5" }) });
    const { form, files, tooManyFiles } = await parseFormWithFiles(request, LIMITS);
    expect(Object.fromEntries(form)).toEqual({ intent: "rate", rating: "5" });
    expect(files).toEqual([]);
    expect(tooManyFiles).toBe(false);
  });

  it("parses a multipart form with a file", async () => {
    const body = new FormData();
    body.set("intent", "reply");
    body.append("attachments", new Blob([new Uint8Array([1, 2, 3])]), "a.png");
    const { form, files } = await parseFormWithFiles(new Request("http://localhost/lacak/LPK-X", { method: "POST", body }), LIMITS);
    expect(form.get("intent")).toBe("reply");
    expect(files).toEqual([{ field: "attachments", fileName: "a.png", bytes: expect.any(Uint8Array), oversize: false }]);
    expect(files[0]!.bytes.byteLength).toBe(3);
  });
});
