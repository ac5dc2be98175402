/**
 * Dates as people type them into spreadsheets, read into ISO YYYY-MM-DD:
 * 2019-03-05, 2019/3/5, 2019.3.5, 2019年3月5日, 2019年3月 (the 1st), 2019 (1 January),
 * 20190305, an Excel serial number (days since 1899-12-30), and ISO date-times.
 * Returns null for anything else, so the preview can say "date it cannot read".
 */
const MIN_YEAR = 1800;
const MAX_YEAR = 2100;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function iso(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Excel's day number (the 1900 date system; Excel's phantom 29 Feb 1900 is before any date we keep). */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function parseDate(input: string): string | null {
  const text = input
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ');
  if (!text) return null;
  let m: RegExpMatchArray | null;
  // Year, month and day with one separator kind, optionally followed by a time.
  if ((m = text.match(/^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/))) {
    return iso(Number(m[1]), Number(m[3]), Number(m[4]));
  }
  if ((m = text.match(/^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?$/))) {
    return iso(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1);
  }
  if ((m = text.match(/^(\d{4})\s*([-/.])\s*(\d{1,2})$/))) return iso(Number(m[1]), Number(m[3]), 1);
  if ((m = text.match(/^(\d{4})\s*年?$/)) && Number(m[1]) >= MIN_YEAR) return iso(Number(m[1]), 1, 1);
  if ((m = text.match(/^(\d{4})(\d{2})(\d{2})$/))) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  // What is left that is a plain number is an Excel serial (a date cell read without its format).
  if (/^\d{1,7}(\.\d+)?$/.test(text)) return excelSerialToIso(Number(text));
  return null;
}
