import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okResponse } from '../../../shared/schemas/common';
import {
  thesaurusConceptInput,
  thesaurusConceptPatch,
  thesaurusConceptSchema,
  thesaurusDeleteQuery,
  thesaurusPageSchema,
  thesaurusParams,
  thesaurusQuery,
} from '../../../shared/schemas/thesaurus';
import { contextOf } from '../../http/context';
import * as thesaurus from './service';

const tags = ['thesaurus'];

/** The domain thesaurus: read by everyone signed in, edited by platform admins. */
export const thesaurusRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/thesaurus',
    {
      schema: {
        tags,
        summary: 'Concepts of the domain thesaurus with their terms in three languages, by code; q matches a code or a term in any script (signed in; keyset paging)',
        querystring: thesaurusQuery,
        response: { 200: thesaurusPageSchema },
      },
    },
    (req) => thesaurus.listConcepts(contextOf(req), req.query),
  );

  app.get(
    '/api/thesaurus/:conceptId',
    {
      schema: { tags, summary: 'One thesaurus concept with its terms, segment and related concepts (signed in)', params: thesaurusParams, response: { 200: thesaurusConceptSchema } },
    },
    (req) => thesaurus.getConcept(contextOf(req), req.params.conceptId),
  );

  app.post(
    '/api/admin/thesaurus',
    {
      schema: {
        tags: [...tags, 'admin'],
        summary: 'Add a concept with its terms (platform admins; audited; a term key may appear once per language; 409 when the code is taken)',
        body: thesaurusConceptInput,
        response: { 201: thesaurusConceptSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await thesaurus.createConcept(contextOf(req), req.body)),
  );

  app.patch(
    '/api/admin/thesaurus/:conceptId',
    {
      schema: {
        tags: [...tags, 'admin'],
        summary: "Edit a concept at the version read: segment, related concepts, note, and its terms replaced whole (platform admins; audited; 409 on a stale version)",
        params: thesaurusParams,
        body: thesaurusConceptPatch,
        response: { 200: thesaurusConceptSchema },
      },
    },
    (req) => thesaurus.updateConcept(contextOf(req), req.params.conceptId, req.body),
  );

  app.delete(
    '/api/admin/thesaurus/:conceptId',
    {
      schema: {
        tags: [...tags, 'admin'],
        summary: 'Delete a concept at the version read; other concepts stop naming it as related (platform admins; audited; 409 on a stale version)',
        params: thesaurusParams,
        querystring: thesaurusDeleteQuery,
        response: { 200: okResponse },
      },
    },
    (req) => thesaurus.deleteConcept(contextOf(req), req.params.conceptId, req.query.version),
  );
};
