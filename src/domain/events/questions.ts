/**
 * Custom questions on registration and application forms, and the check of a registrant's
 * answers against them. Pure: the services call `checkAnswers` and turn its problems into a
 * 400 with one field error per question.
 */
import type { QuestionType } from './vocabularies';

export interface Question {
  /** Stable key the answers are stored under (a short slug the organiser never sees change). */
  id: string;
  type: QuestionType;
  label: string;
  /** single / multi: the choices offered. */
  options: string[];
  required: boolean;
  /** text / textarea: longest answer accepted. */
  maxLength: number;
}

export const QUESTION_LIMITS = { maxQuestions: 30, maxOptions: 30, labelLength: 200, optionLength: 100, textLength: 2000 } as const;

/** Why one answer was refused; the web app translates the code. */
export type AnswerProblem = 'required' | 'too_long' | 'not_an_option' | 'wrong_type' | 'unknown_question';

/**
 * Checks `answers` (as posted) against `questions`. Returns the cleaned answers (only known
 * questions, strings trimmed, empty optional answers dropped) and the problems by question id.
 */
export function checkAnswers(
  questions: readonly Question[],
  answers: Record<string, unknown>,
): { answers: Record<string, string | string[] | boolean>; problems: Record<string, AnswerProblem> } {
  const clean: Record<string, string | string[] | boolean> = {};
  const problems: Record<string, AnswerProblem> = {};
  const known = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(answers)) if (!known.has(key)) problems[key] = 'unknown_question';
  for (const q of questions) {
    const raw = answers[q.id];
    const problem = checkOne(q, raw);
    if (problem) {
      problems[q.id] = problem;
      continue;
    }
    const value = normalise(q, raw);
    if (value !== undefined) clean[q.id] = value;
  }
  return { answers: clean, problems };
}

function isEmpty(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0) || raw === false;
}

function checkOne(q: Question, raw: unknown): AnswerProblem | null {
  if (isEmpty(raw)) return q.required ? 'required' : null;
  switch (q.type) {
    case 'text':
    case 'textarea':
      if (typeof raw !== 'string') return 'wrong_type';
      return raw.trim().length > q.maxLength ? 'too_long' : null;
    case 'single':
      if (typeof raw !== 'string') return 'wrong_type';
      return q.options.includes(raw) ? null : 'not_an_option';
    case 'multi':
      if (!Array.isArray(raw) || !raw.every((v) => typeof v === 'string')) return 'wrong_type';
      return raw.every((v) => q.options.includes(v)) ? null : 'not_an_option';
    case 'checkbox':
      return typeof raw === 'boolean' ? null : 'wrong_type';
  }
}

function normalise(q: Question, raw: unknown): string | string[] | boolean | undefined {
  if (isEmpty(raw)) return undefined;
  if (q.type === 'multi') return [...new Set(raw as string[])];
  if (q.type === 'checkbox') return raw as boolean;
  return (raw as string).trim();
}
