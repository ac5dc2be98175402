import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { communityParams, okResponse } from '../../../shared/schemas/common';
import {
  activityInput,
  activitySchema,
  conversionQuery,
  conversionSchema,
  itemCreateInput,
  itemExportQuery,
  itemListQuery,
  itemLoseInput,
  itemMoveInput,
  itemPageSchema,
  itemParams,
  itemReopenInput,
  itemUpdateInput,
  pipelineCreateInput,
  pipelineItemDetailSchema,
  pipelineListQuery,
  pipelineParams,
  pipelineSchema,
  pipelineUpdateInput,
  reminderSchema,
} from '../../../shared/schemas/pipelines';
import { contextOf } from '../../http/context';
import { exportItems } from './export.service';
import * as pipelines from './service';

const tags = ['pipelines'];

/** Pipelines, stages, items, moves, activities, conversion and reminders. */
export const pipelineRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = '/api/communities/:communityId';

  app.get(
    `${base}/pipelines`,
    {
      schema: {
        tags,
        summary: "The community's pipelines with their stages and per-stage totals, non-archived first (pipeline.read; archived=true to include archived ones)",
        params: communityParams,
        querystring: pipelineListQuery,
        response: { 200: z.array(pipelineSchema) },
      },
    },
    (req) => pipelines.listPipelines(contextOf(req), req.params.communityId, req.query),
  );

  app.post(
    `${base}/pipelines`,
    {
      schema: {
        tags,
        summary: "Create a pipeline (pipeline.configure); without stages it gets its kind's standard ones",
        params: communityParams,
        body: pipelineCreateInput,
        response: { 201: pipelineSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await pipelines.createPipeline(contextOf(req), req.params.communityId, req.body)),
  );

  app.get(
    `${base}/pipelines/:pipelineId`,
    { schema: { tags, summary: 'A pipeline with its stages and per-stage totals (pipeline.read)', params: pipelineParams, response: { 200: pipelineSchema } } },
    (req) => pipelines.getPipeline(contextOf(req), req.params.communityId, req.params.pipelineId),
  );

  app.patch(
    `${base}/pipelines/:pipelineId`,
    {
      schema: {
        tags,
        summary: 'Rename or archive a pipeline, or replace its stage list (pipeline.configure; 409 stage_in_use when a removed stage holds items)',
        params: pipelineParams,
        body: pipelineUpdateInput,
        response: { 200: pipelineSchema },
      },
    },
    (req) => pipelines.updatePipeline(contextOf(req), req.params.communityId, req.params.pipelineId, req.body),
  );

  app.get(
    `${base}/pipelines/:pipelineId/items`,
    {
      schema: {
        tags,
        summary: "A page of the pipeline's items (a kanban column with stageId, or the table), filtered and sorted, keyset-paged (pipeline.read)",
        params: pipelineParams,
        querystring: itemListQuery,
        response: { 200: itemPageSchema },
      },
    },
    (req) => pipelines.listItems(contextOf(req), req.params.communityId, req.params.pipelineId, req.query),
  );

  app.get(
    `${base}/pipelines/:pipelineId/items.xlsx`,
    {
      schema: {
        tags,
        summary: "The table view as a spreadsheet: the same filters and sort, every matching row up to 10,000, headers in the request's language (pipeline.read)",
        params: pipelineParams,
        querystring: itemExportQuery,
      },
    },
    async (req, reply) => {
      const file = await exportItems(contextOf(req), req.params.communityId, req.params.pipelineId, req.query);
      return reply.header('content-type', file.contentType).header('content-disposition', file.disposition).send(file.buffer);
    },
  );

  app.post(
    `${base}/pipelines/:pipelineId/items`,
    {
      schema: {
        tags,
        summary: 'Add an item at the end of a stage (the first one unless named) (pipeline.write)',
        params: pipelineParams,
        body: itemCreateInput,
        response: { 201: pipelineItemDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await pipelines.createItem(contextOf(req), req.params.communityId, req.params.pipelineId, req.body)),
  );

  app.get(
    `${base}/pipelines/:pipelineId/conversion`,
    {
      schema: {
        tags,
        summary: 'Conversion per stage and period: items that entered each stage, moved on, were lost and why (pipeline.read)',
        params: pipelineParams,
        querystring: conversionQuery,
        response: { 200: conversionSchema },
      },
    },
    (req) => pipelines.conversion(contextOf(req), req.params.communityId, req.params.pipelineId, req.query),
  );

  app.get(
    `${base}/pipeline-items/:itemId`,
    {
      schema: {
        tags,
        summary: 'An item with its history and the agreements, landing and referral linked to it (pipeline.read)',
        params: itemParams,
        response: { 200: pipelineItemDetailSchema },
      },
    },
    (req) => pipelines.getItem(contextOf(req), req.params.communityId, req.params.itemId),
  );

  app.patch(
    `${base}/pipeline-items/:itemId`,
    {
      schema: { tags, summary: "Edit an item's fields (pipeline.write; names the version)", params: itemParams, body: itemUpdateInput, response: { 200: pipelineItemDetailSchema } },
    },
    (req) => pipelines.updateItem(contextOf(req), req.params.communityId, req.params.itemId, req.body),
  );

  app.delete(
    `${base}/pipeline-items/:itemId`,
    { schema: { tags, summary: "Delete an item with its history (the community's admins or its creator)", params: itemParams, response: { 200: okResponse } } },
    async (req) => {
      await pipelines.deleteItem(contextOf(req), req.params.communityId, req.params.itemId);
      return { ok: true as const };
    },
  );

  app.post(
    `${base}/pipeline-items/:itemId/move`,
    {
      schema: {
        tags,
        summary: 'Move an item to a stage and a place in its column (pipeline.write; a move back needs a reason; 409 version_conflict when stale)',
        params: itemParams,
        body: itemMoveInput,
        response: { 200: pipelineItemDetailSchema },
      },
    },
    (req) => pipelines.moveItem(contextOf(req), req.params.communityId, req.params.itemId, req.body),
  );

  app.post(
    `${base}/pipeline-items/:itemId/lose`,
    {
      schema: { tags, summary: 'Close an item as lost, with a reason (pipeline.write)', params: itemParams, body: itemLoseInput, response: { 200: pipelineItemDetailSchema } },
    },
    (req) => pipelines.loseItem(contextOf(req), req.params.communityId, req.params.itemId, req.body),
  );

  app.post(
    `${base}/pipeline-items/:itemId/reopen`,
    {
      schema: { tags, summary: 'Reopen a lost item at the end of its stage (pipeline.write)', params: itemParams, body: itemReopenInput, response: { 200: pipelineItemDetailSchema } },
    },
    (req) => pipelines.reopenItem(contextOf(req), req.params.communityId, req.params.itemId, req.body),
  );

  app.get(
    `${base}/pipeline-items/:itemId/activities`,
    { schema: { tags, summary: "An item's activities, newest first (pipeline.read)", params: itemParams, response: { 200: z.array(activitySchema) } } },
    (req) => pipelines.listActivities(contextOf(req), req.params.communityId, req.params.itemId),
  );

  app.post(
    `${base}/pipeline-items/:itemId/activities`,
    {
      schema: {
        tags,
        summary: 'Record a call, visit, meeting, e-mail or note on an item, optionally setting its next action (pipeline.write)',
        params: itemParams,
        body: activityInput,
        response: { 201: activitySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await pipelines.addActivity(contextOf(req), req.params.communityId, req.params.itemId, req.body)),
  );

  app.get(
    '/api/me/reminders',
    {
      schema: {
        tags,
        summary: "The signed-in user's open items whose next action is due today or overdue, in communities where they may read pipelines",
        response: { 200: z.array(reminderSchema) },
      },
    },
    (req) => pipelines.reminders(contextOf(req)),
  );
};
