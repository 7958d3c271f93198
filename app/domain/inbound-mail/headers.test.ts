import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstHeader, messageIdOf, parseAddress, parseEnvelope, parseHeaderBlock } from "./headers";

// The `headers` field of a SendGrid Inbound Parse post for a Gmail reply (addresses made up), "\n" line ends
// and folded fields as SendGrid passes them on.
const GMAIL_HEADERS = [
  "Received: by mx0047p1mdw1.sendgrid.net with SMTP id 6vRmD1KUx8 Mon, 07 Dec 2026 03:20:11 +0000 (UTC)",
  "Received: from mail-lj1-f170.google.com (mail-lj1-f170.google.com [209.85.208.170]) by mx0047p1mdw1.sendgrid.net",
  "\t(Postfix) with ESMTPS id 4D7F0A0100 for <balas+7K3M9QXR2CX.abc@in.lapor.pangkalpinangkota.go.id>;",
  "\tMon,  7 Dec 2026 03:20:11 +0000 (UTC)",
  "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=gmail.com; s=20230601; t=1796613611;",
  "        bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;",
  "        b=AbCdEf0123",
  "MIME-Version: 1.0",
  "References: <0100018c-1a2b@email.amazonses.com>",
  "In-Reply-To: <0100018c-1a2b@email.amazonses.com>",
  'From: "Budi Santoso" <Budi.Santoso@Gmail.com>',
  "Date: Mon, 7 Dec 2026 10:20:00 +0700",
  "Message-ID: <CAFx=qK1p0+ZP8w@mail.gmail.com>",
  "Subject: Re: Pertanyaan petugas tentang pengaduan",
  " LPK-7K3M9-QXR2CX",
  "To: Lapor Pangkalpinang <balas+7K3M9QXR2CX.abc@in.lapor.pangkalpinangkota.go.id>",
  'Content-Type: multipart/alternative; boundary="000000000000a1b2c3"',
  "",
].join("\n");

describe("parseHeaderBlock", () => {
  it("reads a SendGrid header block: lower-case names, values in order, folded lines unfolded", () => {
    const headers = parseHeaderBlock(GMAIL_HEADERS);
    expect(headers.get("received")).toEqual([
      "by mx0047p1mdw1.sendgrid.net with SMTP id 6vRmD1KUx8 Mon, 07 Dec 2026 03:20:11 +0000 (UTC)",
      "from mail-lj1-f170.google.com (mail-lj1-f170.google.com [209.85.208.170]) by mx0047p1mdw1.sendgrid.net\t(Postfix) with ESMTPS id 4D7F0A0100 for <balas+7K3M9QXR2CX.abc@in.lapor.pangkalpinangkota.go.id>;\tMon,  7 Dec 2026 03:20:11 +0000 (UTC)",
    ]);
    expect(headers.get("subject")).toEqual(["Re: Pertanyaan petugas tentang pengaduan LPK-7K3M9-QXR2CX"]);
    expect(headers.get("dkim-signature")?.[0]).toBe(
      "v=1; a=rsa-sha256; c=relaxed/relaxed; d=gmail.com; s=20230601; t=1796613611;        bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;        b=AbCdEf0123",
    );
    expect(headers.get("from")).toEqual(['"Budi Santoso" <Budi.Santoso@Gmail.com>']);
    expect([...headers.keys()]).toEqual([
      "received", "dkim-signature", "mime-version", "references", "in-reply-to", "from", "date", "message-id", "subject", "to", "content-type",
    ]);
  });

  it("reads CRLF and lone CR line ends the same way", () => {
    const crlf = parseHeaderBlock(GMAIL_HEADERS.replace(/\n/g, "\r\n"));
    const cr = parseHeaderBlock(GMAIL_HEADERS.replace(/\n/g, "\r"));
    expect(crlf).toEqual(parseHeaderBlock(GMAIL_HEADERS));
    expect(cr).toEqual(parseHeaderBlock(GMAIL_HEADERS));
  });

  it("stops at the first empty line, so a whole message can be passed", () => {
    const headers = parseHeaderBlock("\n\nSubject: Halo\nFrom: a@b.id\n\nNot-A-Header: body text\n");
    expect([...headers.entries()]).toEqual([
      ["subject", ["Halo"]],
      ["from", ["a@b.id"]],
    ]);
  });

  it("keeps repeated fields, empty values and obsolete white space before the colon", () => {
    const headers = parseHeaderBlock("X-Tag: one\nx-tag: two\nX-TAG:three\nX-Empty:\nSubject : spaced");
    expect(headers.get("x-tag")).toEqual(["one", "two", "three"]);
    expect(headers.get("x-empty")).toEqual([""]);
    expect(headers.get("subject")).toEqual(["spaced"]);
  });

  it("skips lines that are not fields, and continuations that belong to none", () => {
    const raw = "  orphan continuation\nFrom budi@example.co.id Mon Dec  7 10:20:00 2026\n: no name\nBad Name: x\n\tafter a bad line\nOk: yes\n";
    expect([...parseHeaderBlock(raw).entries()]).toEqual([["ok", ["yes"]]]);
  });

  it("never throws, whatever it is given", () => {
    expect(parseHeaderBlock("")).toEqual(new Map());
    expect(parseHeaderBlock(undefined as unknown as string)).toEqual(new Map());
    expect(parseHeaderBlock(42 as unknown as string)).toEqual(new Map());
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (raw) => {
        const headers = parseHeaderBlock(raw);
        for (const [name, values] of headers) {
          expect(name).toBe(name.toLowerCase());
          expect(name).toMatch(/^[!-9;-~]+$/);
          expect(values.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("firstHeader", () => {
  const headers = parseHeaderBlock(GMAIL_HEADERS);
  it("answers the first value, the name in any case", () => {
    expect(firstHeader(headers, "Received")).toMatch(/^by mx0047p1mdw1/);
    expect(firstHeader(headers, "MESSAGE-ID")).toBe("<CAFx=qK1p0+ZP8w@mail.gmail.com>");
  });
  it("answers null for a missing header or a map that is none", () => {
    expect(firstHeader(headers, "auto-submitted")).toBeNull();
    expect(firstHeader(null as unknown as Map<string, string[]>, "from")).toBeNull();
  });
});

describe("parseAddress", () => {
  it.each([
    ['"Budi Santoso" <Budi@Example.co.id>', "budi@example.co.id"],
    ["budi@example.co.id", "budi@example.co.id"],
    ["  BUDI@EXAMPLE.CO.ID  ", "budi@example.co.id"],
    ["=?UTF-8?B?QnVkaSBTYW50b3Nv?= <x@y>", "x@y"],
    ["=?UTF-8?Q?Siti_Aminah?= <siti.aminah@perusahaan.co.id>", "siti.aminah@perusahaan.co.id"],
    ["Budi Santoso <budi+lapor@gmail.com>", "budi+lapor@gmail.com"],
    ["budi@example.co.id (Budi Santoso)", "budi@example.co.id"],
    ['"Santoso, Budi" <budi@example.co.id>', "budi@example.co.id"],
    // A display name that looks like an address is not the address.
    ['"no-reply@lapor.pangkalpinangkota.go.id" <penipu@example.com>', "penipu@example.com"],
    ['"Budi <budi@a.id>" <real@b.id>', "real@b.id"],
    ["Budi (kantor <x@y.id>) <real@b.id>", "real@b.id"],
    ["<budi@example.co.id>", "budi@example.co.id"],
    ["< budi@example.co.id >", "budi@example.co.id"],
    ["<@relay.example.com:budi@example.co.id>", "budi@example.co.id"],
    ["Budi <budi@example.co.id>, Siti <siti@example.co.id>", "budi@example.co.id"],
    ["Tim Dinas: budi@example.co.id, siti@example.co.id;", "budi@example.co.id"],
    ["nama.saya@surel.indonesia.id", "nama.saya@surel.indonesia.id"],
    ["Ünïcode <Üser@exämple.de>", "üser@exämple.de"],
  ])("%s → %s", (field, address) => {
    expect(parseAddress(field)).toBe(address);
  });

  it.each([
    [""],
    ["<>"],
    ["Budi Santoso"],
    ["undisclosed-recipients:;"],
    ["budi@"],
    ["@example.co.id"],
    ["budi at example.co.id"],
    ["Budi <budi@@example.co.id>"],
    ["Budi <budi..santoso@example.co.id>"],
    ["Budi <budi@-example.co.id>"],
    ["Budi <budi@example..co.id>"],
    ["Budi <budi@[192.168.0.1]>"],
    ['<"budi santoso"@example.co.id>'],
    [`${"a".repeat(65)}@example.co.id`],
    [`budi@${"a.".repeat(130)}id`],
    ['"unclosed <budi@example.co.id>'],
  ])("%s → null", (field) => {
    expect(parseAddress(field)).toBeNull();
  });

  it("never throws, and an answer is one lower-case address", () => {
    expect(parseAddress(null as unknown as string)).toBeNull();
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (field) => {
        const address = parseAddress(field);
        if (address !== null) {
          expect(address).toBe(address.toLowerCase());
          expect(address).toMatch(/^[^\s<>@"]+@[^\s<>@"]+$/);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("messageIdOf", () => {
  const of = (raw: string) => messageIdOf(parseHeaderBlock(raw));
  it("answers the Message-ID without brackets", () => {
    expect(messageIdOf(parseHeaderBlock(GMAIL_HEADERS))).toBe("CAFx=qK1p0+ZP8w@mail.gmail.com");
    expect(of("Message-Id:   <abc.123@example.co.id>   ")).toBe("abc.123@example.co.id");
    expect(of("message-id: <abc@x.id> (from the relay)")).toBe("abc@x.id");
    expect(of("Message-ID:\n <folded@x.id>")).toBe("folded@x.id");
    expect(of("Message-ID: bare-id@x.id")).toBe("bare-id@x.id");
  });
  it("answers null when there is no usable one", () => {
    expect(of("Subject: tanpa id")).toBeNull();
    expect(of("Message-ID:")).toBeNull();
    expect(of("Message-ID: <>")).toBeNull();
    expect(of("Message-ID: two words")).toBeNull();
    expect(of(`Message-ID: <${"x".repeat(999)}@x.id>`)).toBeNull();
    expect(messageIdOf(undefined as unknown as Map<string, string[]>)).toBeNull();
  });
});

describe("parseEnvelope", () => {
  it("reads SendGrid's envelope, addresses bare and lower-cased", () => {
    expect(parseEnvelope('{"to":["Balas+7K3M9QXR2CX.abc@in.lapor.pangkalpinangkota.go.id"],"from":"Budi.Santoso@Gmail.com"}')).toEqual({
      to: ["balas+7k3m9qxr2cx.abc@in.lapor.pangkalpinangkota.go.id"],
      from: "budi.santoso@gmail.com",
    });
  });
  it("takes the null sender as from: null", () => {
    expect(parseEnvelope('{"to":["a@in.example.id"],"from":""}')).toEqual({ to: ["a@in.example.id"], from: null });
    expect(parseEnvelope('{"to":["a@in.example.id"],"from":"<>"}')).toEqual({ to: ["a@in.example.id"], from: null });
    expect(parseEnvelope('{"to":["a@in.example.id"],"from":null}')).toEqual({ to: ["a@in.example.id"], from: null });
    expect(parseEnvelope('{"to":["a@in.example.id"]}')).toEqual({ to: ["a@in.example.id"], from: null });
  });
  it("keeps each recipient once, drops what is not an address, accepts a single string", () => {
    expect(parseEnvelope('{"to":["A@x.id","a@x.id",7,"nonsense","<b@x.id>"],"from":"c@x.id"}')).toEqual({ to: ["a@x.id", "b@x.id"], from: "c@x.id" });
    expect(parseEnvelope('{"to":"a@x.id","from":"c@x.id"}')).toEqual({ to: ["a@x.id"], from: "c@x.id" });
    expect(parseEnvelope("{}")).toEqual({ to: [], from: null });
  });
  it.each([[""], ["not json"], ["null"], ["[]"], ['"a@x.id"'], ['{"to":{"a":1}}'], ['{"from":42}'], ['{"to":["a@x.id"'], [undefined as unknown as string]])(
    "%s → null",
    (json) => {
      expect(parseEnvelope(json)).toBeNull();
    },
  );
  it("never throws", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.json()), (json) => {
        const envelope = parseEnvelope(json);
        if (envelope !== null) expect(Array.isArray(envelope.to)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
