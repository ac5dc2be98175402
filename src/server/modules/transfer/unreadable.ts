/**
 * Why an uploaded spreadsheet cannot be read. Each reason is translated
 * (transfer.unreadable.<reason>) into the `reason` of the 422 unreadable_file answer.
 */
export const UNREADABLE_REASONS = [
  'empty',
  'pdf',
  'legacy_xls',
  'binary',
  'not_xlsx',
  'corrupt_zip',
  'too_many_entries',
  'too_large_uncompressed',
  'zip_bomb',
  'encoding_mismatch',
  'encoding_unknown',
  'csv_malformed',
  'no_header',
  'no_rows',
  'too_many_rows',
  'too_many_columns',
  'cell_too_long',
  'sheet_unsupported',
] as const;
export type UnreadableReason = (typeof UNREADABLE_REASONS)[number];

export class UnreadableFileError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`unreadable spreadsheet: ${reason}`);
  }
}

/** Limits on what an import reads; the defaults suit a 50,000-row directory file with room to spare. */
export interface SheetLimits {
  /** Sum of the uncompressed sizes of an .xlsx's entries. */
  maxUncompressedBytes: number;
  /** Uncompressed/compressed ratio above which a large entry is taken for a zip bomb. */
  maxRatio: number;
  /** Entries at least this large are checked against maxRatio (small XML parts compress very well). */
  ratioCheckFromBytes: number;
  maxEntries: number;
  maxDataRows: number;
  maxColumns: number;
  maxCellChars: number;
}

export const DEFAULT_LIMITS: SheetLimits = {
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxRatio: 100,
  ratioCheckFromBytes: 1024 * 1024,
  maxEntries: 1000,
  maxDataRows: 100_000,
  maxColumns: 200,
  maxCellChars: 32_767,
};
