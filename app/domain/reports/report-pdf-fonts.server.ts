// The fonts the report PDF embeds (subset: only the glyphs used). Noto Sans prints the text; a
// character it lacks (e.g. "→" in a reason, a symbol in a unit or product name an administrator
// typed) is printed in DejaVu Sans, which covers far more of Unicode, instead of as an empty box.
import { createRequire } from "node:module";
import type { Content } from "pdfmake/interfaces";

const require = createRequire(import.meta.url);
const noto = (weight: string) => require.resolve(`@expo-google-fonts/noto-sans/${weight}/NotoSans_${weight}.ttf`);
const dejavu = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}.ttf`);

export const PRIMARY_FONT = "NotoSans";
const FALLBACK_FONT = "DejaVuSans";

export const REPORT_FONTS = {
  [PRIMARY_FONT]: { normal: noto("400Regular"), bold: noto("700Bold"), italics: noto("400Regular_Italic"), bolditalics: noto("700Bold_Italic") },
  [FALLBACK_FONT]: { normal: dejavu("DejaVuSans"), bold: dejavu("DejaVuSans-Bold"), italics: dejavu("DejaVuSans-Oblique"), bolditalics: dejavu("DejaVuSans-BoldOblique") },
};

export const REPORT_FONT_FILES: ReadonlySet<string> = new Set(Object.values(REPORT_FONTS).flatMap((font) => Object.values(font)));

interface CoverageFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}
// fontkit is the font engine pdfkit (under pdfmake) embeds with; it has no type declarations.
const fontkit = require("fontkit") as { openSync(path: string): CoverageFont };

let coverage: { primary: CoverageFont; fallback: CoverageFont } | null = null;
function fonts() {
  coverage ??= { primary: fontkit.openSync(REPORT_FONTS[PRIMARY_FONT].normal), fallback: fontkit.openSync(REPORT_FONTS[FALLBACK_FONT].normal) };
  return coverage;
}

const PLAIN = /^[\u0000-\u024f\u2000-\u206f]*$/;

/** `text` as inline runs, each character the primary font lacks (and the fallback has) in the fallback font. */
export function fontRuns(text: string): string | { text: string; font?: string }[] {
  if (PLAIN.test(text)) return text;
  const { primary, fallback } = fonts();
  const runs: { text: string; font?: string }[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const font = primary.hasGlyphForCodePoint(code) || !fallback.hasGlyphForCodePoint(code) ? undefined : FALLBACK_FONT;
    const last = runs.at(-1);
    if (last && last.font === font) last.text += ch;
    else runs.push(font ? { text: ch, font } : { text: ch });
  }
  return runs.length === 1 && !runs[0]!.font ? text : runs;
}

type Node = Content | string | number | null | undefined | Record<string, unknown> | unknown[];

/**
 * The document's content with every text in runs (fontRuns). Walks the node kinds the report
 * uses; SVG and canvas nodes draw their own text and are left as they are.
 */
export function withFallbackFont<T>(node: T): T {
  return walk(node as Node) as T;
}

function walk(node: Node, inline = false): unknown {
  if (typeof node === "string") {
    const runs = fontRuns(node);
    return typeof runs === "string" || inline ? runs : { text: runs };
  }
  if (Array.isArray(node)) {
    if (!inline) return node.map((child) => walk(child as Node));
    return node.flatMap((child) => {
      const runs = walk(child as Node, true);
      return Array.isArray(runs) ? runs : [runs];
    });
  }
  if (!node || typeof node !== "object") return node;
  const object = node as Record<string, unknown>;
  if ("svg" in object || "canvas" in object) return object;
  const out: Record<string, unknown> = { ...object };
  if ("text" in object) out.text = walk(object.text as Node, true);
  for (const key of ["stack", "ul", "ol", "columns"] as const) if (Array.isArray(object[key])) out[key] = (object[key] as Node[]).map((child) => walk(child));
  if (object.table && typeof object.table === "object") {
    const table = object.table as { body: Node[][] };
    out.table = { ...table, body: table.body.map((row) => row.map((cell) => walk(cell))) };
  }
  return out;
}
