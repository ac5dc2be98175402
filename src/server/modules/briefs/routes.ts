import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  briefCreateInput,
  briefOptionsSchema,
  briefPageSchema,
  briefParams,
  briefQuery,
  briefSchema,
  briefUpdateInput,
  briefVersionInput,
} from '../../../shared/schemas/briefs';
import { okResponse } from '../../../shared/schemas/common';
import { contextOf } from '../../http/context';
import * as briefs from './service';

const tags = ['briefs'];

/** Technology briefs (技术成果): publish, browse, detail. All signed in. */
export const briefRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/briefs',
    {
      schema: {
        tags,
        summary: 'Published briefs the user may see (public, or shared with a community they belong to), newest first; mine=true: the briefs they may edit, drafts included',
        querystring: briefQuery,
        response: { 200: briefPageSchema },
      },
    },
    (req) => briefs.listBriefs(contextOf(req), req.query),
  );

  app.get(
    '/api/briefs/options',
    {
      schema: {
        tags,
        summary: 'What the brief form offers the user: the organisations they may post for, the communities they may share with',
        response: { 200: briefOptionsSchema },
      },
    },
    (req) => briefs.briefOptions(contextOf(req)),
  );

  app.post(
    '/api/briefs',
    {
      schema: {
        tags,
        summary: "Create a draft brief for an organisation (its representatives; its steward community's staff while it has none; platform admins)",
        body: briefCreateInput,
        response: { 201: briefSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await briefs.createBrief(contextOf(req), req.body)),
  );

  app.get(
    '/api/briefs/:briefId',
    {
      schema: { tags, summary: 'One brief (404 when the user may not see it: a draft of others, or shared with communities they are not in)', params: briefParams, response: { 200: briefSchema } },
    },
    (req) => briefs.getBrief(contextOf(req), req.params.briefId),
  );

  app.patch(
    '/api/briefs/:briefId',
    {
      schema: { tags, summary: 'Edit a brief at the version read (its editors; 409 when it changed since)', params: briefParams, body: briefUpdateInput, response: { 200: briefSchema } },
    },
    (req) => briefs.updateBrief(contextOf(req), req.params.briefId, req.body),
  );

  app.post(
    '/api/briefs/:briefId/publish',
    {
      schema: { tags, summary: 'Publish a draft or withdrawn brief (its editors)', params: briefParams, body: briefVersionInput, response: { 200: briefSchema } },
    },
    (req) => briefs.publishBrief(contextOf(req), req.params.briefId, req.body.version),
  );

  app.post(
    '/api/briefs/:briefId/withdraw',
    {
      schema: { tags, summary: 'Withdraw a published brief: it leaves listings and matching (its editors)', params: briefParams, body: briefVersionInput, response: { 200: briefSchema } },
    },
    (req) => briefs.withdrawBrief(contextOf(req), req.params.briefId, req.body.version),
  );

  app.delete(
    '/api/briefs/:briefId',
    {
      schema: { tags, summary: 'Delete a draft brief (its editors; a brief once published is withdrawn instead)', params: briefParams, response: { 200: okResponse } },
    },
    async (req) => {
      await briefs.deleteBrief(contextOf(req), req.params.briefId);
      return { ok: true as const };
    },
  );
};
