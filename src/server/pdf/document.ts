/**
 * Printable PDFs (badges, agendas): pdfkit with Source Han Sans (思源黑体) from the npm
 * package source-han-sans-cn, which covers simplified and traditional Chinese and Latin, so
 * every language prints without a system font. pdfkit embeds only the glyphs a document
 * uses, so a page of Chinese stays a few kilobytes.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

export const FONT_REGULAR = 'cjk';
export const FONT_BOLD = 'cjk-bold';

let fonts: { regular: Buffer; bold: Buffer } | null = null;

/** The font files, read once per process (about 8 MB each). */
function fontBytes(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: fs.readFileSync(require.resolve('source-han-sans-cn/SourceHanSansCN-Regular.otf')),
    bold: fs.readFileSync(require.resolve('source-han-sans-cn/SourceHanSansCN-Bold.otf')),
  };
  return fonts;
}

export type Pdf = PDFKit.PDFDocument;

/**
 * Draws a document with `draw` and returns its bytes. The document starts in the regular CJK
 * font; switch with `doc.font(FONT_BOLD)`.
 */
export async function renderPdf(options: PDFKit.PDFDocumentOptions, draw: (doc: Pdf) => void | Promise<void>): Promise<Buffer> {
  const doc = new PDFDocument({ bufferPages: false, ...options });
  const { regular, bold } = fontBytes();
  doc.registerFont(FONT_REGULAR, regular);
  doc.registerFont(FONT_BOLD, bold);
  doc.font(FONT_REGULAR);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  await draw(doc);
  doc.end();
  return done;
}
