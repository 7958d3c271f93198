import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CitizenActionSchema } from "~/domain/complaints/citizen-actions";
import { extractReplyText, htmlToText, REPLY_TEXT_MAX_LENGTH } from "./reply-text";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

// Real-shaped replies to our notifications (fixtures/), each with exactly what the citizen wrote.
const TEXT_FIXTURES: [string, string][] = [
  [
    "gmail-id.txt",
    "Selamat siang,\n\nLampu jalan yang mati ada di Jl. Depati Amir, tepat di depan Masjid Al-Ikhlas, tiang nomor 14.\nSudah mati sejak tanggal 1 Desember.\n\nTerima kasih,\nBudi",
  ],
  [
    "gmail-en.txt",
    "Hi, the pothole is about 1 metre wide and right in front of house number 27.\nI have attached two photos taken this morning.\n\nThanks,\nSarah",
  ],
  [
    "outlook-desktop-id.txt",
    "Yth. Petugas,\n\nSaluran air yang tersumbat ada di Gang Melati RT 03 RW 02, Kelurahan Bukit Intan. Airnya meluap setiap hujan deras.\n\nHormat saya,\nSiti Aminah",
  ],
  ["outlook-web-en.txt", "Thanks, the broken pipe is on Jalan Mentok near the mosque, opposite the pharmacy.\n\nBest regards,\nSarah"],
  ["outlook-android-id.txt", "Iya betul, lokasinya di Jl. Jenderal Sudirman depan Alfamart."],
  ["yahoo-android-id.txt", "Baik pak, besok pagi saya kirim fotonya lewat halaman pelacakan."],
  ["yahoo-en.txt", "Yes, the streetlight is still broken as of tonight.\n\nRegards,\nJohn"],
  ["iphone-id.txt", "Sudah saya cek tadi sore, lubangnya makin besar. Mohon segera ditambal."],
  ["iphone-en.txt", "Yes that\u2019s the right location. The tree fell across both lanes."],
  ["samsung-id.txt", "Sudah diperbaiki kemarin sore, terima kasih atas tindak lanjutnya."],
  ["plain-dash-signature.txt", "Sampahnya belum diangkut sejak hari Jumat.\nTolong dicek lagi."],
  ["forwarded-message.txt", "Pak, ini pemberitahuan yang saya terima dari Lapor. Saya belum pernah ditanya apa-apa sebelumnya, mohon dicek."],
  ["original-message-en.txt", "Please send someone again, the drain is blocked again after yesterday's rain."],
  [
    "bottom-posting.txt",
    "Pertanyaannya saya baca di halaman pelacakan. Jawaban saya: tiang listriknya nomor 12,\ndi depan SD Negeri 5.\n\nBaik, PIN tidak saya berikan ke siapa pun.",
  ],
];

const HTML_FIXTURES: [string, string][] = [
  [
    "html-only-gmail.html",
    "Sudah saya cek, lampunya masih mati sampai malam ini & kabelnya menjuntai ke jalan.\n\nJaraknya < 2 meter dari tanah, \"berbahaya\" untuk anak'anak \u2013 mohon segera.\n\nTerima kasih,\nBudi",
  ],
  ["html-only-outlook-web.html", "The pipe is still leaking, water is running onto the road.\n\nSarah"],
];

describe("extractReplyText: mail clients", () => {
  it.each(TEXT_FIXTURES)("%s", (name, expected) => {
    expect(extractReplyText({ text: fixture(name) })).toBe(expected);
  });

  it.each(TEXT_FIXTURES)("%s with CRLF line ends", (name, expected) => {
    expect(extractReplyText({ text: fixture(name).replace(/\n/g, "\r\n") })).toBe(expected);
  });

  it.each(HTML_FIXTURES)("%s (no text part)", (name, expected) => {
    expect(extractReplyText({ text: null, html: fixture(name) })).toBe(expected);
    expect(extractReplyText({ text: " \n ", html: fixture(name) })).toBe(expected);
    expect(extractReplyText({ html: fixture(name) })).toBe(expected);
  });

  it("keeps a multi-paragraph answer with no quote whole, including lines that resemble the rules", () => {
    const text = fixture("no-quote-multi-paragraph.txt");
    expect(extractReplyText({ text })).toBe(text.trim());
  });

  it("prefers the text part to the HTML part", () => {
    expect(extractReplyText({ text: "Dari teks.", html: "<p>Dari HTML.</p>" })).toBe("Dari teks.");
  });
});

describe("extractReplyText: signatures and sent-from lines", () => {
  const body = "Lubangnya sudah ditutup warga sementara.";
  it.each([
    ["Sent from my iPhone"],
    ["Dikirim dari iPhone saya"],
    ["Sent from my Samsung Galaxy smartphone."],
    ["Sent from my Samsung"],
    ["Dikirim dari perangkat Samsung Galaxy saya"],
    ["Dikirim dari ponsel cerdas Samsung Galaxy saya."],
    ["Kirim dari Samsung Mobile"],
    ["Sent from Yahoo Mail on Android"],
    ["Sent from Yahoo Mail for iPhone"],
    ["Dikirim dari Yahoo Mail di Android"],
    ["Get Outlook for Android<https://aka.ms/ghei36>"],
    ["Get Outlook for iOS"],
    ["Dapatkan Outlook untuk Android"],
    ["Sent from Mail for Windows"],
    ["Dikirim dari Mail untuk Windows"],
    ["-- "],
    ["--"],
  ])("%j ends the citizen's text", (line) => {
    expect(extractReplyText({ text: `${body}\n\n${line}\nBudi Santoso\n0812 0000 0000` })).toBe(body);
  });

  it("keeps ordinary sentences that start like a sent-from line", () => {
    const text = "Dikirim dari kelurahan kemarin sore.\nKirim dari rumah saja, Pak.\n---\nSent from the office of the RT head.";
    expect(extractReplyText({ text })).toBe(text);
  });
});

describe("extractReplyText: quoted history", () => {
  it("drops a Yahoo attribution that runs on into the quoted message", () => {
    const text =
      "Masih belum diperbaiki.\n\nOn Monday, December 7, 2026, 10:15 AM, Lapor Pangkalpinang <no-reply@lapor.pangkalpinangkota.go.id> wrote: The staff handling your complaint have asked you a question.";
    expect(extractReplyText({ text })).toBe("Masih belum diperbaiki.");
  });

  it("drops an attribution with nothing after it", () => {
    expect(extractReplyText({ text: "Ya.\n\nOn Mon, 7 Dec 2026 at 10.15, Lapor <no-reply@x.id> wrote:\n\n" })).toBe("Ya.");
  });

  it("drops an attribution wrapped over three lines", () => {
    const text = "Ya, betul.\n\nPada tanggal Sen, 7 Des 2026 pukul 10.15\nLapor Pangkalpinang <\nno-reply@lapor.pangkalpinangkota.go.id> menulis:\n\n> Yth.\n";
    expect(extractReplyText({ text })).toBe("Ya, betul.");
  });

  it("drops a short attribution right above a quote (Thunderbird and others)", () => {
    expect(extractReplyText({ text: "Setuju.\n\nLapor Pangkalpinang wrote:\n> Mohon konfirmasi.\n" })).toBe("Setuju.");
    expect(extractReplyText({ text: "Setuju.\n\n07/12/2026 10.15, Lapor Pangkalpinang menulis:\n\n> Mohon konfirmasi.\n" })).toBe("Setuju.");
  });

  it("keeps a sentence ending in wrote: when no quote follows, and one starting with On/Pada without a date", () => {
    const text = "Tetangga saya menulis:\nJalan itu rusak sejak lama.\n\nPada hari itu saya menulis:\nsurat ke kelurahan.";
    expect(extractReplyText({ text })).toBe(text);
  });

  it("drops lines quoted with > wherever they are, also indented ones", () => {
    expect(extractReplyText({ text: "> kutipan\nJawaban satu.\n  > kutipan\n>\n>> lebih dalam\nJawaban dua." })).toBe("Jawaban satu.\nJawaban dua.");
  });

  it("cuts at Outlook's separator followed by its header block", () => {
    const text = "Sudah, terima kasih.\n________________________________\nFrom: Lapor Pangkalpinang <no-reply@x.id>\nSent: Monday, December 7, 2026 10:15 AM\nTo: a@b.id\nSubject: Pertanyaan\n\nIsi.";
    expect(extractReplyText({ text })).toBe("Sudah, terima kasih.");
  });

  it("cuts at a header block Gmail wrote with stars, and at one on a single line", () => {
    const starred = "Oke.\n\n*From:* Lapor <no-reply@x.id>\n*Sent:* Monday, December 7, 2026 10:15 AM\n*To:* a@b.id\n*Subject:* Pertanyaan\n";
    expect(extractReplyText({ text: starred })).toBe("Oke.");
    const oneLine = "Oke.\n\nFrom: Lapor <no-reply@x.id> Sent: Monday, December 7, 2026 10:15 AM To: a@b.id Subject: Pertanyaan\nIsi.";
    expect(extractReplyText({ text: oneLine })).toBe("Oke.");
  });

  it("keeps a letter-style heading that has no sending time", () => {
    const text = "Dari: Budi Santoso\nKepada: Dinas PUPR\nPerihal: Jalan rusak\n\nJalan di depan rumah saya rusak.";
    expect(extractReplyText({ text })).toBe(text);
  });

  it.each([
    ["-----Original Message-----"],
    ["-----Pesan Asli-----"],
    ["-------- Original message --------"],
    ["---------- Forwarded message ---------"],
    ["---------- Pesan yang diteruskan ---------"],
    ["Begin forwarded message:"],
    ["Awal pesan yang diteruskan:"],
  ])("cuts at %j", (marker) => {
    expect(extractReplyText({ text: `Mohon ditindaklanjuti.\n\n${marker}\nFrom: Lapor <no-reply@x.id>\nIsi lama.` })).toBe("Mohon ditindaklanjuti.");
  });

  it("answers an empty string when nothing of the citizen's is left", () => {
    expect(extractReplyText({ text: "Sent from my iPhone\n\n> On 7 Dec 2026, at 10:15, Lapor <x@y.id> wrote:\n> Halo" })).toBe("");
    expect(extractReplyText({ text: null, html: null })).toBe("");
    expect(extractReplyText({})).toBe("");
    expect(extractReplyText(undefined as unknown as { text?: string })).toBe("");
    expect(extractReplyText({ text: 42 as unknown as string })).toBe("");
  });
});

describe("extractReplyText: tidying", () => {
  it("normalises line ends, trims trailing spaces, keeps at most one blank line, trims the whole", () => {
    expect(extractReplyText({ text: "\r\n  \r\nSatu.   \r\rDua.\t\n\n\n\n\nTiga.\u2028Empat.\n\n   " })).toBe("Satu.\n\nDua.\n\nTiga.\nEmpat.");
  });

  it("removes NUL and other control characters, turns no-break spaces into spaces, repairs lone surrogates", () => {
    expect(extractReplyText({ text: "A\u0000B\u0007C\u00a0D\ufeff \ud800E" })).toBe("ABC D \ufffdE");
  });

  it("cuts at REPLY_TEXT_MAX_LENGTH, the tracking page's reply limit, without splitting a character", () => {
    expect(extractReplyText({ text: "a".repeat(REPLY_TEXT_MAX_LENGTH + 500) })).toBe("a".repeat(REPLY_TEXT_MAX_LENGTH));
    const emoji = `${"a".repeat(REPLY_TEXT_MAX_LENGTH - 1)}\u{1F600}tail`;
    expect(extractReplyText({ text: emoji })).toBe("a".repeat(REPLY_TEXT_MAX_LENGTH - 1));
    expect(extractReplyText({ text: `${"a".repeat(REPLY_TEXT_MAX_LENGTH - 1)} b` })).toBe("a".repeat(REPLY_TEXT_MAX_LENGTH - 1));
  });

  it("REPLY_TEXT_MAX_LENGTH is the tracking page's reply limit", () => {
    const reply = (message: string) => CitizenActionSchema.safeParse({ intent: "reply", message }).success;
    expect(reply("x".repeat(REPLY_TEXT_MAX_LENGTH))).toBe(true);
    expect(reply("x".repeat(REPLY_TEXT_MAX_LENGTH + 1))).toBe(false);
  });
});

describe("htmlToText", () => {
  it("turns Outlook desktop paragraphs into lines and drops the conditional comments", () => {
    const html =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]--><style><!-- p.MsoNormal {margin:0cm;} --></style></head>' +
      '<body lang="EN-US"><div class=WordSection1><p class=MsoNormal>Yth. Petugas,<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>' +
      "<p class=MsoNormal>Lokasinya di Jl. Merdeka.<o:p></o:p></p><p class=MsoNormal>Terima kasih.<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>" +
      "<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p class=MsoNormal><b>Dari:</b> Lapor Pangkalpinang &lt;no-reply@x.id&gt; <br><b>Dikirim:</b> Senin, 07 Desember 2026 10.15<br><b>Kepada:</b> a@b.id<br><b>Subjek:</b> Pertanyaan<o:p></o:p></p></div>" +
      "<p class=MsoNormal>Isi lama.</p></div></body></html>";
    expect(htmlToText(html)).toBe(
      "Yth. Petugas,\n\nLokasinya di Jl. Merdeka.\nTerima kasih.\n\nDari: Lapor Pangkalpinang <no-reply@x.id>\nDikirim: Senin, 07 Desember 2026 10.15\nKepada: a@b.id\nSubjek: Pertanyaan\nIsi lama.\n",
    );
    expect(extractReplyText({ html })).toBe("Yth. Petugas,\n\nLokasinya di Jl. Merdeka.\nTerima kasih.");
  });

  it("sets paragraphs off by a blank line outside Outlook, and lists as dashes", () => {
    expect(htmlToText("<p>Satu</p><p>Dua</p><ul><li>a</li><li>b</li></ul>")).toBe("Satu\n\nDua\n\n- a\n- b\n");
  });

  it("drops nested blockquotes, Yahoo's and Thunderbird's quotes, and Gmail's signature", () => {
    expect(htmlToText("Ya<blockquote>a<blockquote>b</blockquote>c</blockquote>Tidak")).toBe("Ya\nTidak");
    expect(htmlToText('<div>Ya</div><div id="ydp3a1yahoo_quoted_9" class="ydp3a1yahoo_quoted"><div>On Monday…</div><div>lama</div></div>')).toBe("Ya\n");
    expect(htmlToText('<p>Ya</p><div class="moz-cite-prefix">On 12/7/26 wrote:<br></div><blockquote type="cite">lama</blockquote>')).toBe("Ya\n\n");
    expect(htmlToText('<div>Ya</div>-- <br><div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature">Budi<div>0812</div></div>')).toBe("Ya\n--\n");
  });

  it("decodes character references once", () => {
    expect(htmlToText("&amp;lt; &#60; &#x3C; &#X3c &lt &notanentity; &#0; &#xD800; &#150; &eacute;t&eacute;")).toBe("&lt; < < < &lt &notanentity; \ufffd \ufffd \u2013 été");
  });

  it("never lets markup through: scripts, styles, comments, unclosed tags", () => {
    expect(htmlToText('<script>document.write("<b>x</b>")</script>A<style>b{}</style>B<!-- C -->D<SCRIPT type="x">E</SCRIPT >F')).toBe("ABDF");
    expect(htmlToText('A<a href="x>y">link</a>B')).toBe("AlinkB");
    expect(htmlToText("A < B and 1<2")).toBe("A < B and 1<2");
    expect(htmlToText('Ya<div title="unclosed>')).toBe("Ya\n");
    expect(htmlToText("Ya<script>never closed")).toBe("Ya");
    expect(htmlToText("Ya<blockquote>never closed")).toBe("Ya\n");
  });

  it("keeps the line breaks and inner spacing of pre-formatted text", () => {
    expect(htmlToText("<pre>a  b\n  c</pre>")).toBe("a  b\nc\n");
  });
});

describe("extractReplyText: properties", () => {
  const FRAGMENTS = [
    "> ", ">", "\n", "\r\n", "\r", " ", "\t", "\u2028", "Halo", "Ya.", "-- ", "--", "On Mon, 7 Dec 2026 at 10.15, X <x@y.id> wrote:",
    "Pada tanggal Sen, 7 Des 2026 pukul 10.15 X <", "x@y.id> menulis:", "From: X <x@y.id>", "Sent: Monday, 7 Dec 2026", "To: a@b.id",
    "Subject: s", "________________________________", "Sent from my iPhone", "-----Original Message-----", "<blockquote>", "</blockquote>",
    "<div>", "</div>", "<br>", "&gt;", "&#62;", "&#x3e;", "&nbsp;", "<p>", "</p>", "<pre>", "</pre>", "<script>", "</script>", "<!--", "-->",
    '<div class="gmail_quote">', "\u0000", "\ud83d", "\ude00", "\u00a0", "\ufeff",
  ];
  const mailLike = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(""));
  const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), mailLike);
  const noQuotedLine = (out: string) => out.split(/\r\n|\r|\n|\u2028|\u2029|\u0085|\u000b|\u000c/).every((line) => !/^\s*>/.test(line));

  it("never throws, never exceeds the cap, never returns a line starting with >", () => {
    fc.assert(
      fc.property(fc.option(anyText), fc.option(anyText), (text, html) => {
        const out = extractReplyText({ text, html });
        expect(typeof out).toBe("string");
        expect(out.length).toBeLessThanOrEqual(REPLY_TEXT_MAX_LENGTH);
        expect(noQuotedLine(out)).toBe(true);
        expect(out).toBe(out.trim());
        expect(out).not.toContain("\u0000");
        expect(out).not.toMatch(/\n{3}/);
      }),
      { numRuns: 2000 },
    );
  });

  it("holds for long inputs too", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4990, maxLength: 6000 }), fc.constantFrom(">", " >", "\n>", "x"), (text, prefix) => {
        const out = extractReplyText({ text: prefix + text });
        expect(out.length).toBeLessThanOrEqual(REPLY_TEXT_MAX_LENGTH);
        expect(noQuotedLine(out)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it("passes ordinary prose through unchanged", () => {
    const word = fc.constantFrom("jalan", "rusak", "lampu", "mati", "sejak", "kemarin", "mohon", "segera", "terima", "kasih", "Pak", "RT", "05");
    const line = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => `${words.join(" ")}.`);
    const paragraph = fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join("\n"));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), (paragraphs) => {
        const text = paragraphs.join("\n\n");
        expect(extractReplyText({ text })).toBe(text);
        expect(extractReplyText({ html: paragraphs.map((p) => `<div>${p.replace(/\n/g, "<br>")}</div><div><br></div>`).join("") })).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("copes with a megabyte of hostile input", () => {
    const hostile = [
      '<a "'.repeat(200_000),
      "<style>".repeat(100_000),
      "<div class=gmail_quote>".repeat(50_000),
      "From: x@y.id\n".repeat(70_000),
      "On 1 Dec\n".repeat(100_000),
      "&#x".repeat(300_000),
      `${"x".repeat(1_000_000)} wrote:`,
    ];
    for (const input of hostile) {
      expect(extractReplyText({ text: input }).length).toBeLessThanOrEqual(REPLY_TEXT_MAX_LENGTH);
      expect(extractReplyText({ html: input }).length).toBeLessThanOrEqual(REPLY_TEXT_MAX_LENGTH);
    }
  });
});
