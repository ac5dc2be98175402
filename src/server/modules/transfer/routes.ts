import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { communityParams, idSchema } from '../../../shared/schemas/common';
import { searchExportQuery } from '../../../shared/schemas/search';
import { importJobSchema, importMappingInput, importPreviewQuery, importPreviewSchema } from '../../../shared/schemas/transfer';
import { contextOf } from '../../http/context';
import { uploadFrom } from '../directory/uploads';
import * as exports from './export.service';
import * as imports from './service';

const importParams = z.strictObject({ communityId: idSchema, importId: idSchema });

export const transferRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/communities/:communityId/imports',
    {
      schema: {
        tags: ['transfer'],
        summary:
          'Upload a spreadsheet to import (multipart: field entityType, then the file; .xlsx or .csv in UTF-8/GBK, by content). Answers the job with its headers and a suggested column mapping; 422 unreadable_file with a reason for files that cannot be read',
        consumes: ['multipart/form-data'],
        params: communityParams,
        response: { 201: importJobSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await imports.upload(contextOf(req), req.params.communityId, uploadFrom(req))),
  );

  app.get(
    '/api/communities/:communityId/imports',
    {
      schema: { tags: ['transfer'], summary: "The community's recent imports, newest first", params: communityParams, response: { 200: z.array(importJobSchema) } },
    },
    (req) => imports.listImports(contextOf(req), req.params.communityId),
  );

  app.get(
    '/api/communities/:communityId/imports/:importId',
    { schema: { tags: ['transfer'], summary: 'One import job', params: importParams, response: { 200: importJobSchema } } },
    (req) => imports.getImport(contextOf(req), req.params.communityId, req.params.importId),
  );

  app.put(
    '/api/communities/:communityId/imports/:importId',
    {
      schema: {
        tags: ['transfer'],
        summary: 'Set the column mapping and the duplicate strategy and run the dry run: every row checked, nothing written to the directory',
        params: importParams,
        body: importMappingInput,
        response: { 200: importPreviewSchema },
      },
    },
    (req) => imports.preview(contextOf(req), req.params.communityId, req.params.importId, req.body),
  );

  app.get(
    '/api/communities/:communityId/imports/:importId/rows',
    {
      schema: {
        tags: ['transfer'],
        summary: "A page of the dry run's rows (onlyProblems: the invalid and duplicate ones)",
        params: importParams,
        querystring: importPreviewQuery,
        response: { 200: importPreviewSchema },
      },
    },
    (req) => imports.previewRows(contextOf(req), req.params.communityId, req.params.importId, req.query),
  );

  app.post(
    '/api/communities/:communityId/imports/:importId/commit',
    {
      schema: {
        tags: ['transfer'],
        summary: 'Import every row in one transaction, or none: 422 import_invalid when any row has a problem, 409 import_state when already committed',
        params: importParams,
        response: { 200: importJobSchema },
      },
    },
    (req) => imports.commit(contextOf(req), req.params.communityId, req.params.importId),
  );

  app.get(
    '/api/search/export',
    {
      schema: {
        tags: ['transfer'],
        summary: 'Export the records of one type matching a search, as .xlsx or .csv (UTF-8 with BOM), with the headers the import reads (English when the request language is English)',
        querystring: searchExportQuery,
      },
    },
    async (req, reply) => {
      const download = await exports.exportSearch(contextOf(req), req.query);
      return reply.header('content-type', download.contentType).header('content-disposition', download.disposition).send(download.stream);
    },
  );
};
