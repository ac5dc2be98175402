import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponse } from '../../../shared/schemas/common';
import { eventParams } from '../../../shared/schemas/events';
import {
  criterionInput,
  criterionParams,
  criterionUpdateInput,
  declareRecusalInput,
  entriesInput,
  judgeApplicationParams,
  judgeApplicationSchema,
  judgeRoundParams,
  judgeRoundSchema,
  judgingOverviewSchema,
  judgingSettingsInput,
  myJudgingItemSchema,
  organiserRecusalInput,
  progressSchema,
  publishInput,
  rankingQuery,
  rankingSchema,
  recusalParams,
  roundCreateInput,
  roundDetailSchema,
  roundJudgeParams,
  roundParams,
  roundUpdateInput,
  sheetInput,
  sheetSchema,
  versionInput,
} from '../../../shared/schemas/judging';
import { idSchema } from '../../../shared/schemas/common';
import { contextOf } from '../../http/context';
import { exportScores } from './export';
import * as judge from './judge.service';
import * as results from './results.service';
import * as rounds from './rounds.service';

const tags = ['judging'];
const ok = { ok: true as const };

/** Judging: rounds, criteria, judges and recusals (organisers), score entry (judges), ranking, publishing, export. */
export const judgingRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = '/api/communities/:communityId/events/:eventId';
  const round = `${base}/rounds/:roundId`;

  // ------------------------------------------------------------ organisers

  app.get(
    `${base}/judging`,
    { schema: { tags, summary: "An event's judging at a glance: the normalisation setting, its rounds with progress, screened-in applications (events.manage)", params: eventParams, response: { 200: judgingOverviewSchema } } },
    (req) => rounds.overview(contextOf(req), req.params.communityId, req.params.eventId),
  );

  app.put(
    `${base}/judging-settings`,
    {
      schema: {
        tags,
        summary: "Choose how judges' totals are normalised before ranking: raw_mean or z_score (events.manage; `version` is the event's, 409 when stale)",
        params: eventParams,
        body: judgingSettingsInput,
        response: { 200: judgingOverviewSchema },
      },
    },
    (req) => rounds.setNormalisation(contextOf(req), req.params.communityId, req.params.eventId, req.body),
  );

  app.post(
    `${base}/rounds`,
    {
      schema: {
        tags,
        summary:
          'Create the next round (roadshows and competitions; events.manage). The first takes the screened-in applications (all, or `entries.applicationIds`); a later one the previous closed round’s top N (ties at the boundary go on whole), a chosen list, or its advancing entries, and copies its criteria and judges',
        params: eventParams,
        body: roundCreateInput,
        response: { 201: roundDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await rounds.createRound(contextOf(req), req.params.communityId, req.params.eventId, req.body)),
  );

  app.get(round, { schema: { tags, summary: 'A round with its criteria (weights as % of the total), judges, entries and recusals (events.manage)', params: roundParams, response: { 200: roundDetailSchema } } }, (req) =>
    rounds.getRound(contextOf(req), req.params.communityId, req.params.eventId, req.params.roundId),
  );

  app.patch(
    round,
    {
      schema: {
        tags,
        summary: 'Rename a round, change its kind or (before anything is scored) its scale (events.manage; `version`, 409 when stale)',
        params: roundParams,
        body: roundUpdateInput,
        response: { 200: roundDetailSchema },
      },
    },
    (req) => rounds.updateRound(contextOf(req), req.params.communityId, req.params.eventId, req.params.roundId, req.body),
  );

  app.delete(round, { schema: { tags, summary: 'Delete the last round unless its results are published (events.manage)', params: roundParams, response: { 200: okResponse } } }, async (req) => {
    await rounds.deleteRound(contextOf(req), req.params.communityId, req.params.eventId, req.params.roundId);
    return ok;
  });

  app.post(
    `${round}/close`,
    { schema: { tags, summary: 'Close a round: scores are frozen, score writes answer 409 (events.manage; audited)', params: roundParams, body: versionInput, response: { 200: roundDetailSchema } } },
    (req) => rounds.closeRound(contextOf(req), req.params.communityId, req.params.eventId, req.params.roundId, req.body.version),
  );

  app.post(
    `${round}/reopen`,
    { schema: { tags, summary: 'Reopen a closed round for scoring (not once published; events.manage; audited)', params: roundParams, body: versionInput, response: { 200: roundDetailSchema } } },
    (req) => rounds.reopenRound(contextOf(req), req.params.communityId, req.params.eventId, req.params.roundId, req.body.version),
  );

  app.put(
    `${round}/entries`,
    {
      schema: {
        tags,
        summary: "Set an open round's entries (screened-in applications, or the previous round's entries); new entries are checked for conflicts of interest (events.manage)",
        params: roundParams,
        body: entriesInput,
        response: { 200: roundDetailSchema },
      },
    },
    (req) => rounds.setEntries(contextOf(req), req.params.communityId, req.params.eventId, req.params.roundId, req.body),
  );

  app.post(
    `${round}/criteria`,
    { schema: { tags, summary: 'Add a weighted criterion to an open round (events.manage)', params: roundParams, body: criterionInput, response: { 201: roundDetailSchema } } },
    async (req, reply) => reply.status(201).send(await rounds.addCriterion(contextOf(req), req.params.communityId, req.params.eventId, req.params.roundId, req.body)),
  );

  app.patch(
    `${round}/criteria/:criterionId`,
    { schema: { tags, summary: "Change a criterion's name, description, weight or place (open rounds; events.manage)", params: criterionParams, body: criterionUpdateInput, response: { 200: roundDetailSchema } } },
    (req) => rounds.updateCriterion(contextOf(req), req.params.communityId, req.params.eventId, req.params.roundId, req.params.criterionId, req.body),
  );

  app.delete(
    `${round}/criteria/:criterionId`,
    { schema: { tags, summary: 'Remove a criterion from an open round (events.manage)', params: criterionParams, response: { 200: roundDetailSchema } } },
    (req) => rounds.deleteCriterion(contextOf(req), req.params.communityId, req.params.eventId, req.params.roundId, req.params.criterionId),
  );

  app.post(
    `${round}/judges`,
    {
      schema: {
        tags,
        summary: "Assign a community member as a judge of an open round; conflicts of interest with the entries are recorded as recusals at once (events.manage)",
        params: roundParams,
        body: z.strictObject({ userId: idSchema }),
        response: { 200: roundDetailSchema },
      },
    },
    (req) => rounds.assignJudge(contextOf(req), req.params.communityId, req.params.eventId, req.params.roundId, req.body.userId),
  );

  app.delete(
    `${round}/judges/:userId`,
    { schema: { tags, summary: 'Unassign a judge (their sheets stay but no longer count; events.manage)', params: roundJudgeParams, response: { 200: roundDetailSchema } } },
    (req) => rounds.unassignJudge(contextOf(req), req.params.communityId, req.params.eventId, req.params.roundId, req.params.userId),
  );

  app.post(
    `${round}/recusals`,
    { schema: { tags, summary: 'Recuse a judge from an application, with the reason (events.manage; audited)', params: roundParams, body: organiserRecusalInput, response: { 200: roundDetailSchema } } },
    (req) => rounds.addRecusal(contextOf(req), req.params.communityId, req.params.eventId, req.params.roundId, req.body),
  );

  app.delete(
    `${round}/recusals/:userId/:applicationId`,
    { schema: { tags, summary: 'Lift a recusal, whatever its source (events.manage; audited)', params: recusalParams, response: { 200: roundDetailSchema } } },
    (req) => rounds.liftRecusal(contextOf(req), req.params.communityId, req.params.eventId, req.params.roundId, req.params.userId, req.params.applicationId),
  );

  app.get(
    `${round}/progress`,
    { schema: { tags, summary: 'The progress matrix: judges × entries, each submitted, draft, none or recused (events.manage)', params: roundParams, response: { 200: progressSchema } } },
    (req) => results.progress(contextOf(req), req.params.communityId, req.params.eventId, req.params.roundId),
  );

  app.get(
    `${round}/ranking`,
    {
      schema: {
        tags,
        summary: "The round's ranking under `normalisation` (default: the event's setting), ties flagged, unscored entries last (events.manage)",
        params: roundParams,
        querystring: rankingQuery,
        response: { 200: rankingSchema },
      },
    },
    (req) => results.ranking(contextOf(req), req.params.communityId, req.params.eventId, req.params.roundId, req.query.normalisation),
  );

  app.post(
    `${round}/publish`,
    {
      schema: {
        tags,
        summary: "Publish a closed round's results with awards: ranks stored, the round published, one results e-mail per entry in the applicant's language (events.manage; twice → 409)",
        params: roundParams,
        body: publishInput,
        response: { 200: rankingSchema },
      },
    },
    (req) => results.publish(contextOf(req), req.params.communityId, req.params.eventId, req.params.roundId, req.body),
  );

  app.get(
    `${round}/scores.xlsx`,
    { schema: { tags, summary: "The round's ranking, every score sheet and the recusals as .xlsx, in the request language (events.manage)", params: roundParams } },
    async (req, reply) => {
      const file = await exportScores(contextOf(req), req.params.communityId, req.params.eventId, req.params.roundId);
      return reply.header('content-type', file.contentType).header('content-disposition', file.disposition).send(file.buffer);
    },
  );

  // ------------------------------------------------------------ judges

  app.get('/api/me/judging', { schema: { tags, summary: 'The rounds I judge, across communities, with my progress (scored / to score)', response: { 200: z.array(myJudgingItemSchema) } } }, (req) =>
    judge.myRounds(contextOf(req)),
  );

  app.get(
    '/api/judging/rounds/:roundId',
    { schema: { tags, summary: "A round I judge: criteria and entries with my own sheet's state and my recusals (404 to anyone not its judge)", params: judgeRoundParams, response: { 200: judgeRoundSchema } } },
    (req) => judge.judgeRound(contextOf(req), req.params.roundId),
  );

  app.get(
    '/api/judging/rounds/:roundId/applications/:applicationId',
    {
      schema: {
        tags,
        summary: 'An application I judge: project, organisation, summary, team, answers, deck link and my sheet (403 judge_recused when I am recused)',
        params: judgeApplicationParams,
        response: { 200: judgeApplicationSchema },
      },
    },
    (req) => judge.judgeApplication(contextOf(req), req.params.roundId, req.params.applicationId),
  );

  app.get(
    '/api/judging/rounds/:roundId/applications/:applicationId/deck',
    { schema: { tags, summary: "An entry's deck, streamed: for the round's judges who are not recused, and the event's organisers", params: judgeApplicationParams } },
    async (req, reply) => {
      const file = await judge.openDeck(contextOf(req), req.params.roundId, req.params.applicationId);
      reply.type(file.contentType);
      reply.header('content-length', String(file.sizeBytes));
      reply.header('content-disposition', file.disposition);
      reply.header('cache-control', 'private, no-store');
      return reply.send(file.stream);
    },
  );

  app.put(
    '/api/judging/rounds/:roundId/applications/:applicationId/sheet',
    {
      schema: {
        tags,
        summary: 'Save my score sheet as a draft or submit it (scores on the scale in half steps; submitting needs every criterion; 409 once the round is closed; `version` once saved)',
        params: judgeApplicationParams,
        body: sheetInput,
        response: { 200: sheetSchema },
      },
    },
    (req) => judge.saveSheet(contextOf(req), req.params.roundId, req.params.applicationId, req.body),
  );

  app.post(
    '/api/judging/rounds/:roundId/applications/:applicationId/recusal',
    { schema: { tags, summary: 'Declare a conflict of interest with an application, with the reason: I no longer see or score it (audited)', params: judgeApplicationParams, body: declareRecusalInput, response: { 200: okResponse } } },
    async (req) => {
      await judge.declareRecusal(contextOf(req), req.params.roundId, req.params.applicationId, req.body);
      return ok;
    },
  );
};
