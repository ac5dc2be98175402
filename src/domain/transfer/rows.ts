import { z } from 'zod';
import { creditCodeProblem, normaliseCreditCode } from '../credit-code';
import type { EntityType } from '../directory';
import { organisationFields, personFields, projectFields } from '../../shared/schemas/directory';
import { parseDate } from './dates';
import { columnUnit, fieldsOf, type FieldDef } from './fields';
import { parseMoneyFen } from './money';
import { splitList, type TermIndex } from './terms';
import { lookupHeadcount, lookupKind, lookupVocabulary, TRACK_LABELS } from './vocabulary';

/**
 * One spreadsheet row read into the shared API input of its record type, with every problem
 * found on the way. Pure: matching against the directory (duplicates, the organisation a
 * person or project names) is the server's part, from `organisationRef`.
 */
export interface RowProblem {
  /** The field the problem is about (the server names the column it came from). */
  field: string | null;
  /** transfer.problems.<code> */
  code: string;
  params?: Record<string, string | number>;
}

export interface ReadRow {
  /** Fields for the API input (only the ones the row gives a value for). */
  input: Record<string, unknown>;
  /** The organisation a person works at or a project belongs to, as written (name or credit code). */
  organisationRef: string | null;
  problems: RowProblem[];
}

const schemas: Record<EntityType, z.ZodObject> = {
  organisation: z.strictObject(organisationFields),
  person: z.strictObject(personFields),
  project: z.strictObject(projectFields),
};

/** Values of a row, keyed by field, and the header each field was read from. */
export interface RowCells {
  values: Record<string, string | null>;
  headers: Record<string, string>;
}

function withScheme(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
}

/** Track from the segment when the file does not say: devices and IVD have their own stages. */
function trackOfSegment(segment: string | undefined): string {
  if (segment === 'medical_device') return 'device';
  if (segment === 'ivd') return 'ivd';
  return 'drug';
}

function readField(field: FieldDef, raw: string, header: string, terms: TermIndex, out: ReadRow): unknown {
  const problem = (code: string, params: Record<string, string | number> = {}) => {
    out.problems.push({ field: field.name, code, params: { value: raw, ...params } });
    return undefined;
  };
  const type = field.type;
  switch (type.kind) {
    case 'text':
      if (raw.length > type.max) return problem('too_long', { max: type.max });
      return raw;
    case 'date':
      return parseDate(raw) ?? problem('date_unreadable');
    case 'money':
      return parseMoneyFen(raw, columnUnit(field, header)) ?? problem('money_unreadable');
    case 'terms': {
      const codes: string[] = [];
      for (const item of splitList(raw, { slash: true })) {
        const code = terms.resolve(type.taxonomy, item);
        if (code) {
          if (!codes.includes(code)) codes.push(code);
        } else problem(`unknown_${type.taxonomy}`, { value: item });
      }
      return codes;
    }
    case 'term':
      // Resolved by the caller (a stage depends on the track).
      return raw;
    case 'vocabulary': {
      const code = field.name === 'kind' ? lookupKind(raw) : field.name === 'headcountBand' ? lookupHeadcount(raw) : lookupVocabulary(type.vocabulary, raw);
      return code ?? problem('unknown_option');
    }
    case 'list': {
      const items = splitList(raw);
      if (items.some((i) => i.length > type.max)) return problem('too_long', { max: type.max });
      return items;
    }
    case 'organisation':
      out.organisationRef = raw;
      return undefined;
  }
}

const MESSAGE_CODES: Record<string, string> = { phone_invalid: 'phone_invalid' };

export function readRow(entityType: EntityType, cells: RowCells, terms: TermIndex): ReadRow {
  const out: ReadRow = { input: {}, organisationRef: null, problems: [] };
  const fields = fieldsOf(entityType);
  for (const field of fields) {
    const raw = cells.values[field.name]?.trim() ?? '';
    if (!raw) {
      if (field.required) out.problems.push({ field: field.name, code: 'required' });
      continue;
    }
    const value = readField(field, raw, cells.headers[field.name] ?? '', terms, out);
    if (value !== undefined) out.input[field.name] = value;
  }
  const input = out.input;

  if (entityType === 'organisation') {
    input.kind ??= 'enterprise';
    if (typeof input.creditCode === 'string') {
      const code = normaliseCreditCode(input.creditCode);
      const problem = creditCodeProblem(code);
      if (problem) out.problems.push({ field: 'creditCode', code: `credit_code_${problem}`, params: { value: input.creditCode } });
      input.creditCode = code;
    }
    if (typeof input.website === 'string') input.website = withScheme(input.website);
  }
  if (entityType === 'person') {
    if (typeof input.phone === 'string') input.phone = input.phone.normalize('NFKC').replace(/[()（）\s]/g, '');
    if (input.consentToContact !== undefined) input.consentToContact = input.consentToContact === 'true';
  }
  if (entityType === 'project') {
    const segmentText = cells.values.segment?.trim();
    if (segmentText) {
      const segment = terms.resolve('segment', segmentText);
      if (segment) input.segment = segment;
      else {
        delete input.segment;
        out.problems.push({ field: 'segment', code: 'unknown_segment', params: { value: segmentText } });
      }
    }
    const stageText = cells.values.stage?.trim();
    const candidates = stageText ? terms.candidates('stage', stageText) : [];
    // The track: as written, else the only track the stage belongs to, else from the segment.
    const tracks = [...new Set(candidates.map((t) => t.groupCode))];
    const track = (input.track as string | undefined) ?? (tracks.length === 1 && tracks[0] ? tracks[0] : trackOfSegment(input.segment as string | undefined));
    input.track = track;
    if (stageText) {
      const stage = candidates.find((t) => t.groupCode === track)?.code;
      delete input.stage;
      if (stage) input.stage = stage;
      else if (candidates.length) out.problems.push({ field: 'stage', code: 'stage_other_track', params: { value: stageText, track: TRACK_LABELS[track]?.zh ?? track } });
      else out.problems.push({ field: 'stage', code: 'unknown_stage', params: { value: stageText } });
    }
  }

  // The shared schema has the last word (lengths, e-mail and phone shape, URL).
  const parsed = schemas[entityType].safeParse(input);
  if (!parsed.success) {
    const seen = new Set(out.problems.map((p) => p.field));
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (seen.has(field)) continue;
      seen.add(field);
      const raw = cells.values[field] ?? '';
      const code =
        MESSAGE_CODES[issue.message] ??
        (field === 'email' ? 'email_invalid' : field === 'website' ? 'website_invalid' : issue.code === 'too_big' ? 'too_long' : 'invalid');
      out.problems.push({ field, code, params: { value: raw ?? '' } });
    }
  } else {
    out.input = parsed.data as Record<string, unknown>;
  }
  return out;
}
