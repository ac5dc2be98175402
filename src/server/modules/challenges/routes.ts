import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  answerInput,
  answerListQuery,
  answerListSchema,
  answerParams,
  answerPatch,
  answerSchema,
  challengeInput,
  challengeOptionsSchema,
  challengePageSchema,
  challengeParams,
  challengePatch,
  challengeQuery,
  challengeSchema,
  messageInput,
  screenInput,
  threadSchema,
  versionInput,
} from '../../../shared/schemas/challenges';
import { multiLineText } from '../../../shared/schemas/common';
import { contextOf } from '../../http/context';
import * as challenges from './service';

const tags = ['challenges'];

/** Challenges (需求揭榜): publish a need, answer it with a one-page proposal, screen the answers, talk in a private thread. */
export const challengeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/challenges',
    {
      schema: {
        tags,
        summary: 'Challenges the viewer may see, newest first (published ones; mine=true: the poster side’s own, drafts included)',
        querystring: challengeQuery,
        response: { 200: challengePageSchema },
      },
    },
    (req) => challenges.listChallenges(contextOf(req), req.query),
  );

  app.get(
    '/api/challenges/options',
    {
      schema: {
        tags,
        summary: 'What the challenge and answer forms offer the viewer: posters (organisations represented, communities with pipeline.write) and communities',
        response: { 200: challengeOptionsSchema },
      },
    },
    (req) => challenges.challengeOptions(contextOf(req)),
  );

  app.post(
    '/api/challenges',
    {
      schema: {
        tags,
        summary: 'Create a draft challenge for an organisation the user represents or a community where they hold pipeline.write',
        body: challengeInput,
        response: { 201: challengeSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await challenges.createChallenge(contextOf(req), req.body)),
  );

  app.get(
    '/api/challenges/:challengeId',
    {
      schema: { tags, summary: 'One challenge (404 when the viewer may not see it)', params: challengeParams, response: { 200: challengeSchema } },
    },
    (req) => challenges.getChallenge(contextOf(req), req.params.challengeId),
  );

  app.patch(
    '/api/challenges/:challengeId',
    {
      schema: {
        tags,
        summary: 'Edit a draft or open challenge (poster side; version-checked)',
        params: challengeParams,
        body: challengePatch,
        response: { 200: challengeSchema },
      },
    },
    (req) => challenges.updateChallenge(contextOf(req), req.params.challengeId, req.body),
  );

  for (const [verb, summary, run] of [
    ['publish', 'Publish a draft: it takes answers until its deadline, which must be in the future (poster side)', challenges.publishChallenge],
    ['close', 'Close an open challenge to new answers; screening goes on (poster side)', challenges.closeChallenge],
    ['cancel', 'Cancel a draft or open challenge (poster side)', challenges.cancelChallenge],
  ] as const) {
    app.post(
      `/api/challenges/:challengeId/${verb}`,
      { schema: { tags, summary, params: challengeParams, body: versionInput, response: { 200: challengeSchema } } },
      (req) => run(contextOf(req), req.params.challengeId, req.body.version),
    );
  }

  // ---------------------------------------------------------------- answers

  app.get(
    '/api/challenges/:challengeId/answers',
    {
      schema: {
        tags,
        summary: 'Every answer to the challenge with counts by stage (poster side only)',
        params: challengeParams,
        querystring: answerListQuery,
        response: { 200: answerListSchema },
      },
    },
    (req) => challenges.listAnswers(contextOf(req), req.params.challengeId, req.query),
  );

  app.post(
    '/api/challenges/:challengeId/answers',
    {
      schema: {
        tags,
        summary: 'Answer an open challenge before its deadline with a one-page proposal (one per user: 409 answer_exists)',
        params: challengeParams,
        body: answerInput,
        response: { 201: answerSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await challenges.createAnswer(contextOf(req), req.params.challengeId, req.body)),
  );

  app.get(
    '/api/challenges/:challengeId/answers/:answerId',
    {
      schema: { tags, summary: 'One answer with its history (poster side, or the team without the screening note)', params: answerParams, response: { 200: answerSchema } },
    },
    (req) => challenges.getAnswer(contextOf(req), req.params.challengeId, req.params.answerId),
  );

  app.patch(
    '/api/challenges/:challengeId/answers/:answerId',
    {
      schema: {
        tags,
        summary: 'Edit one’s answer while it is submitted and before the deadline (the team; version-checked)',
        params: answerParams,
        body: answerPatch,
        response: { 200: answerSchema },
      },
    },
    (req) => challenges.updateAnswer(contextOf(req), req.params.challengeId, req.params.answerId, req.body),
  );

  app.post(
    '/api/challenges/:challengeId/answers/:answerId/withdraw',
    { schema: { tags, summary: 'Withdraw one’s answer (the team)', params: answerParams, body: versionInput, response: { 200: answerSchema } } },
    (req) => challenges.withdrawAnswer(contextOf(req), req.params.challengeId, req.params.answerId, req.body.version),
  );

  app.post(
    '/api/challenges/:challengeId/answers/:answerId/screen',
    {
      schema: {
        tags,
        summary: 'Screen an answer: forward to a later stage, back one stage with a note, decline with a reason, or reopen (poster side; version-checked; e-mails the team)',
        params: answerParams,
        body: screenInput,
        response: { 200: answerSchema },
      },
    },
    (req) => challenges.screenAnswer(contextOf(req), req.params.challengeId, req.params.answerId, req.body),
  );

  app.put(
    '/api/challenges/:challengeId/answers/:answerId/screening-note',
    {
      schema: {
        tags,
        summary: 'Replace the private screening note of an answer (poster side; never shown to the team)',
        params: answerParams,
        body: z.strictObject({ screeningNote: multiLineText(4000, 'challenge_control_characters'), version: z.number().int().min(1) }),
        response: { 200: answerSchema },
      },
    },
    (req) => challenges.setScreeningNote(contextOf(req), req.params.challengeId, req.params.answerId, req.body),
  );

  app.get(
    '/api/challenges/:challengeId/answers/:answerId/messages',
    { schema: { tags, summary: 'The private thread between the poster side and the team', params: answerParams, response: { 200: threadSchema } } },
    (req) => challenges.getThread(contextOf(req), req.params.challengeId, req.params.answerId),
  );

  app.post(
    '/api/challenges/:challengeId/answers/:answerId/messages',
    {
      schema: {
        tags,
        summary: 'Write in the private thread (the poster side starts it; the team replies once it has); e-mails the other side',
        params: answerParams,
        body: messageInput,
        response: { 201: threadSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await challenges.postMessage(contextOf(req), req.params.challengeId, req.params.answerId, req.body.body)),
  );

  app.get(
    '/api/me/answers',
    { schema: { tags, summary: 'The signed-in user’s answers to challenges and their stages', response: { 200: z.array(answerSchema) } } },
    (req) => challenges.myAnswerList(contextOf(req)),
  );
};
