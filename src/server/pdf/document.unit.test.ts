import { describe, expect, it } from 'vitest';
import { FONT_BOLD, renderPdf } from './document';

describe('renderPdf', () => {
  it('writes a PDF with Chinese text in the embedded font', async () => {
    const bytes = await renderPdf({ size: 'A6' }, (doc) => {
      doc.font(FONT_BOLD).fontSize(18).text('生物医药路演 臺灣 Roadshow');
    });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('SourceHanSansCN');
  });
});
