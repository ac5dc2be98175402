import * as OpenCC from 'opencc-js';
import type { EntityType } from '../directory';
import type { Locale } from '../locales';
import { exportHeader, fieldsOf, type FieldDef } from './fields';
import { fenToUnit } from './money';
import type { TermIndex } from './terms';
import { vocabularyLabel } from './vocabulary';

/**
 * What an export writes: one column per import field, under the header the import
 * recognises first, with values written the way the import reads them back (labels for
 * codes, 万元 under a 万元 header, dates as dates). Export → import reproduces the records.
 */
export interface ExportColumn {
  field: FieldDef;
  header: string;
  /** How the writer should type the cell. */
  cell: 'text' | 'date' | 'number';
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

export function exportColumns(entityType: EntityType, locale: Locale): ExportColumn[] {
  return fieldsOf(entityType).map((field) => {
    const header = exportHeader(field, locale);
    return {
      field,
      header: locale === 'zh-TW' ? toTraditional(header) : header,
      cell: field.type.kind === 'date' ? 'date' : field.type.kind === 'money' ? 'number' : 'text',
    };
  });
}

/** A record as the export reads it: the API's fields, plus the organisation's name for people and projects. */
export type ExportRecord = Record<string, unknown>;

const LIST_SEPARATOR: Record<Locale, string> = { 'zh-CN': '、', 'zh-TW': '、', en: '; ' };

export function exportCells(columns: readonly ExportColumn[], record: ExportRecord, locale: Locale, terms: TermIndex): (string | number | null)[] {
  return columns.map(({ field }) => {
    const value = record[field.name];
    if (value === null || value === undefined || value === '') return null;
    const type = field.type;
    switch (type.kind) {
      case 'text':
      case 'date':
      case 'organisation':
        return String(value);
      case 'money':
        return fenToUnit(Number(value), locale === 'en' ? type.unitEn : type.unitZh);
      case 'terms': {
        const codes = value as string[];
        return codes.length ? codes.map((c) => terms.label(type.taxonomy, c, locale)).join(LIST_SEPARATOR[locale]) : null;
      }
      case 'term':
        return terms.label(type.taxonomy, String(value), locale);
      case 'vocabulary': {
        const label = vocabularyLabel(type.vocabulary, String(value), locale);
        return locale === 'zh-TW' ? toTraditional(label) : label;
      }
      case 'list': {
        const items = value as string[];
        return items.length ? items.join(LIST_SEPARATOR[locale]) : null;
      }
    }
  });
}
