import { describe, expect, it } from 'vitest';
import { checkAnswers, type Question } from './questions';

const q = (over: Partial<Question>): Question => ({ id: 'q1', type: 'text', label: 'L', options: [], required: false, maxLength: 10, ...over });

describe('checkAnswers', () => {
  it('requires required answers and drops empty optional ones', () => {
    expect(checkAnswers([q({ required: true })], {}).problems).toEqual({ q1: 'required' });
    expect(checkAnswers([q({})], { q1: '  ' })).toEqual({ answers: {}, problems: {} });
  });
  it('refuses unknown questions, wrong types, long text and choices not offered', () => {
    expect(checkAnswers([q({})], { q9: 'x' }).problems).toEqual({ q9: 'unknown_question' });
    expect(checkAnswers([q({})], { q1: 5 }).problems).toEqual({ q1: 'wrong_type' });
    expect(checkAnswers([q({})], { q1: '12345678901' }).problems).toEqual({ q1: 'too_long' });
    expect(checkAnswers([q({ type: 'single', options: ['a'] })], { q1: 'b' }).problems).toEqual({ q1: 'not_an_option' });
    expect(checkAnswers([q({ type: 'multi', options: ['a', 'b'] })], { q1: ['a', 'c'] }).problems).toEqual({ q1: 'not_an_option' });
  });
  it('keeps valid answers, trimmed and without repeated choices', () => {
    const questions = [q({}), q({ id: 'm', type: 'multi', options: ['a', 'b'] }), q({ id: 'c', type: 'checkbox' })];
    expect(checkAnswers(questions, { q1: ' hi ', m: ['a', 'a', 'b'], c: true })).toEqual({ answers: { q1: 'hi', m: ['a', 'b'], c: true }, problems: {} });
  });
});
