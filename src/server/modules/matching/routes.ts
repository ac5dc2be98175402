import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  contactBody,
  contactOptionsSchema,
  contactResultSchema,
  explanationQuery,
  feedbackBody,
  feedbackResultSchema,
  matchesQuery,
  matchExplanationSchema,
  matchListSchema,
  mySuggestionsSchema,
  pairParams,
  refreshRunSchema,
  refreshStatusSchema,
  subjectParams,
} from '../../../shared/schemas/matching';
import { contextOf } from '../../http/context';
import { startRefresh, refreshStatus } from './refresh';
import * as matching from './service';

const tags = ['matching'];

/** Routes of this capability (issue 7: matchmaking): ranked matches, explanations, feedback, contact, suggestions, refresh. */
export const matchingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/matches/:subjectType/:subjectId',
    {
      schema: {
        tags,
        summary:
          'Records of the other side ranked for a record the viewer can see, with the criteria of each match (only candidates the viewer may see are ranked or counted)',
        params: subjectParams,
        querystring: matchesQuery,
        response: { 200: matchListSchema },
      },
    },
    (req) => matching.listMatches(contextOf(req), { type: req.params.subjectType, id: req.params.subjectId }, req.query, req.log),
  );

  app.get(
    '/api/matches/:subjectType/:subjectId/:candidateType/:candidateId',
    {
      schema: {
        tags,
        summary: "Why a candidate matches a record: every criterion's fit, weight, contribution, what fits and what is missing; its rank among the first 200",
        params: pairParams,
        querystring: explanationQuery,
        response: { 200: matchExplanationSchema },
      },
    },
    (req) => matching.explainMatch(contextOf(req), req.params, req.query, req.log),
  );

  app.get(
    '/api/matches/:subjectType/:subjectId/:candidateType/:candidateId/contact-options',
    {
      schema: {
        tags,
        summary: 'Where the viewer can take a contact: pipelines of their communities (pipeline.write), partnering events both sides take part in',
        params: pairParams,
        response: { 200: contactOptionsSchema },
      },
    },
    (req) => matching.contactOptions(contextOf(req), req.params, req.log),
  );

  app.put(
    '/api/matches/feedback',
    {
      schema: {
        tags,
        summary: "The viewer's verdict on a suggestion (useful, not relevant, contacted; null clears it). Not relevant drops it from the viewer's lists",
        body: feedbackBody,
        response: { 200: feedbackResultSchema },
      },
    },
    (req) => matching.putFeedback(contextOf(req), req.body, req.log),
  );

  app.post(
    '/api/matches/contact',
    {
      schema: {
        tags,
        summary: 'Contact in one click: a pipeline item (source matching) or a partnering request, and the verdict "contacted", in one transaction',
        body: contactBody,
        response: { 201: contactResultSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await matching.contact(contextOf(req), req.body, req.log)),
  );

  app.get(
    '/api/me/suggestions',
    {
      schema: {
        tags,
        summary:
          "Suggestions for the viewer's organisations, communities, projects, briefs and challenges: the last refresh's, filtered by what the viewer may see now",
        response: { 200: mySuggestionsSchema },
      },
    },
    (req) => matching.mySuggestions(contextOf(req), req.log),
  );

  app.post(
    '/api/admin/matching/refresh',
    {
      schema: {
        tags,
        summary: 'Start a full refresh of the stored suggestions (platform admins; 409 while one is running). It runs after the answer',
        response: { 202: refreshRunSchema },
      },
    },
    async (req, reply) => reply.status(202).send(await startRefresh(contextOf(req), req.server.log)),
  );

  app.get(
    '/api/admin/matching/refresh',
    {
      schema: { tags, summary: 'The last full refresh: status, subjects, suggestions, duration, peak memory (platform admins)', response: { 200: refreshStatusSchema } },
    },
    (req) => refreshStatus(contextOf(req)),
  );
};
