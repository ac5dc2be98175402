import type { UnreadableReason } from './unreadable';

/**
 * What an uploaded file is, from its first bytes (never from its name): an .xlsx is a zip
 * (PK\x03\x04), a CSV is text. Other well-known binary formats get a reason of their own, so
 * the message can say "this is a PDF" or "save the old .xls as .xlsx".
 */
export type SheetFormat = 'xlsx' | 'csv';

export function sniffFormat(head: Buffer, size: number): SheetFormat | UnreadableReason {
  if (size === 0) return 'empty';
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  // An empty zip (only the end-of-central-directory record) is not a workbook either.
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x05, 0x06]))) return 'not_xlsx';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'legacy_xls';
  return 'csv';
}
