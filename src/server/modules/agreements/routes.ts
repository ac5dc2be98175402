import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  agreementCreateInput,
  agreementDetailSchema,
  agreementFileParams,
  agreementFileSchema,
  agreementPageSchema,
  agreementParams,
  agreementQuery,
  agreementTotalsSchema,
  agreementUpdateInput,
  exportQuery,
  platformTotalsQuery,
  totalsQuery,
} from '../../../shared/schemas/agreements';
import { communityParams, okResponse } from '../../../shared/schemas/common';
import { contextOf } from '../../http/context';
import { uploadFrom } from '../directory/uploads';
import { exportAgreements } from './export';
import * as agreements from './service';

const tags = ['agreements'];
const ok = { ok: true as const };

/** Agreements, their parties and attachments, totals and export. */
export const agreementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/communities/:communityId/agreements',
    {
      schema: {
        tags,
        summary: "The community's agreements, latest signing first (agreements.read; filters kind, status, segment, from/to signing date, q over title and party names, projectId; keyset paging)",
        params: communityParams,
        querystring: agreementQuery,
        response: { 200: agreementPageSchema },
      },
    },
    (req) => agreements.listAgreements(contextOf(req), req.params.communityId, req.query),
  );

  app.post(
    '/api/communities/:communityId/agreements',
    {
      schema: {
        tags,
        summary: 'Record an agreement with two or more distinct parties (agreements.write). Segment defaults to the project’s, else the first party’s first segment',
        params: communityParams,
        body: agreementCreateInput,
        response: { 201: agreementDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await agreements.createAgreement(contextOf(req), req.params.communityId, req.body)),
  );

  app.get(
    '/api/communities/:communityId/agreements/totals',
    {
      schema: {
        tags,
        summary: 'Totals for a period: agreements, distinct projects, amount; by kind, segment and month (agreements.read; terminated agreements left out unless `status` names them)',
        params: communityParams,
        querystring: totalsQuery,
        response: { 200: agreementTotalsSchema },
      },
    },
    (req) => agreements.communityTotals(contextOf(req), req.params.communityId, req.query),
  );

  app.get(
    '/api/communities/:communityId/agreements/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The agreements of a period as .xlsx: a summary sheet with the totals and a list sheet (amounts in 万元), in the request language (agreements.read)',
        params: communityParams,
        querystring: exportQuery,
      },
    },
    async (req, reply) => {
      const download = await exportAgreements(contextOf(req), req.params.communityId, req.query);
      return reply.header('content-type', download.contentType).header('content-disposition', download.disposition).send(download.stream);
    },
  );

  app.get(
    '/api/communities/:communityId/agreements/:agreementId',
    { schema: { tags, summary: 'An agreement with its parties and attachments (agreements.read)', params: agreementParams, response: { 200: agreementDetailSchema } } },
    (req) => agreements.getAgreement(contextOf(req), req.params.communityId, req.params.agreementId),
  );

  app.patch(
    '/api/communities/:communityId/agreements/:agreementId',
    {
      schema: {
        tags,
        summary: 'Change an agreement (agreements.write; `version` as loaded, 409 version_conflict if it changed since; `parties` replaces the set)',
        params: agreementParams,
        body: agreementUpdateInput,
        response: { 200: agreementDetailSchema },
      },
    },
    (req) => agreements.updateAgreement(contextOf(req), req.params.communityId, req.params.agreementId, req.body),
  );

  app.delete(
    '/api/communities/:communityId/agreements/:agreementId',
    { schema: { tags, summary: 'Delete an agreement with its attachments (community admins)', params: agreementParams, response: { 200: okResponse } } },
    async (req) => {
      await agreements.deleteAgreement(contextOf(req), req.params.communityId, req.params.agreementId);
      return ok;
    },
  );

  app.post(
    '/api/communities/:communityId/agreements/:agreementId/files',
    {
      schema: {
        tags,
        summary: 'Attach a PDF to an agreement (multipart: the file; agreements.write; 422 unreadable_file when it is not a PDF by its bytes)',
        consumes: ['multipart/form-data'],
        params: agreementParams,
        response: { 201: agreementFileSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await agreements.addFile(contextOf(req), req.params.communityId, req.params.agreementId, uploadFrom(req))),
  );

  app.get(
    '/api/communities/:communityId/agreements/:agreementId/files/:agreementFileId',
    { schema: { tags, summary: "Download an agreement's attachment (agreements.read)", params: agreementFileParams } },
    async (req, reply) => {
      const file = await agreements.openFile(contextOf(req), req.params.communityId, req.params.agreementId, req.params.agreementFileId);
      reply.type(file.contentType);
      reply.header('content-length', String(file.sizeBytes));
      reply.header('content-disposition', file.disposition);
      reply.header('cache-control', 'private, max-age=300');
      return reply.send(file.stream);
    },
  );

  app.delete(
    '/api/communities/:communityId/agreements/:agreementId/files/:agreementFileId',
    { schema: { tags, summary: "Remove an agreement's attachment (agreements.write)", params: agreementFileParams, response: { 200: okResponse } } },
    async (req) => {
      await agreements.deleteFile(contextOf(req), req.params.communityId, req.params.agreementId, req.params.agreementFileId);
      return ok;
    },
  );

  app.get(
    '/api/agreements/totals',
    {
      schema: {
        tags,
        summary: 'Agreement totals across all communities, or one (`communityId`): platform admins only (403 otherwise)',
        querystring: platformTotalsQuery,
        response: { 200: agreementTotalsSchema },
      },
    },
    (req) => agreements.platformTotals(contextOf(req), req.query),
  );
};

