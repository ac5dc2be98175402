import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { communityParams, okResponse } from '../../../shared/schemas/common';
import { entityRefSchema } from '../../../shared/schemas/directory';
import {
  companyFiguresSchema,
  companyParams,
  companyYearParams,
  figuresInput,
  figuresSchema,
  figuresTableQuery,
  figuresTableSchema,
  incubationCreateInput,
  incubationListQuery,
  incubationListSchema,
  incubationParams,
  incubationSchema,
  incubationUpdateInput,
  landingCreatedSchema,
  landingCreateInput,
  landingListQuery,
  landingListSchema,
  landingParams,
  landingSchema,
  landingUpdateInput,
  zoneCreateInput,
  zoneParams,
  zoneSchema,
  zoneUpdateInput,
} from '../../../shared/schemas/landing';
import { contextOf } from '../../http/context';
import * as landing from './service';

const tags = ['landing'];
const base = '/api/communities/:communityId';

/** Zones, landings, incubation records and yearly figures. */
export const landingRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---------------------------------------------------------------- zones
  app.get(
    `${base}/zones`,
    {
      schema: {
        tags,
        summary: "The community's zones with their total, occupied (landings' floor area) and free area (landing.read)",
        params: communityParams,
        response: { 200: z.array(zoneSchema) },
      },
    },
    (req) => landing.listZones(contextOf(req), req.params.communityId),
  );
  app.post(
    `${base}/zones`,
    {
      schema: { tags, summary: 'Add a zone (pipeline.configure; names unique in the community → 409 duplicate_record)', params: communityParams, body: zoneCreateInput, response: { 201: zoneSchema } },
    },
    async (req, reply) => reply.status(201).send(await landing.createZone(contextOf(req), req.params.communityId, req.body)),
  );
  app.patch(
    `${base}/zones/:zoneId`,
    { schema: { tags, summary: 'Change a zone (pipeline.configure; version)', params: zoneParams, body: zoneUpdateInput, response: { 200: zoneSchema } } },
    (req) => landing.updateZone(contextOf(req), req.params.communityId, req.params.zoneId, req.body),
  );
  app.delete(
    `${base}/zones/:zoneId`,
    { schema: { tags, summary: 'Remove a zone that holds no landings (pipeline.configure; else 409 state_conflict)', params: zoneParams, response: { 200: okResponse } } },
    async (req) => {
      await landing.deleteZone(contextOf(req), req.params.communityId, req.params.zoneId);
      return { ok: true as const };
    },
  );

  // ---------------------------------------------------------------- landings
  app.get(
    `${base}/landings`,
    {
      schema: {
        tags,
        summary: "The community's landings, newest first, with totals (count, floor area, registered capital, committed investment) of the filtered set (landing.read)",
        params: communityParams,
        querystring: landingListQuery,
        response: { 200: landingListSchema },
      },
    },
    (req) => landing.listLandings(contextOf(req), req.params.communityId, req.query),
  );
  app.post(
    `${base}/landings`,
    {
      schema: {
        tags,
        summary:
          'Record a landing (landing.write): links the company resident_of the community and marks the project’s accepted referral here as landed; a second landing of the company → 409 duplicate_record',
        params: communityParams,
        body: landingCreateInput,
        response: { 201: landingCreatedSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await landing.createLanding(contextOf(req), req.params.communityId, req.body)),
  );
  app.get(
    `${base}/landings/:landingId`,
    { schema: { tags, summary: 'One landing (landing.read)', params: landingParams, response: { 200: landingSchema } } },
    (req) => landing.getLanding(contextOf(req), req.params.communityId, req.params.landingId),
  );
  app.patch(
    `${base}/landings/:landingId`,
    { schema: { tags, summary: 'Change a landing’s zone, area, amounts, date or note (landing.write; version)', params: landingParams, body: landingUpdateInput, response: { 200: landingSchema } } },
    (req) => landing.updateLanding(contextOf(req), req.params.communityId, req.params.landingId, req.body),
  );
  app.delete(
    `${base}/landings/:landingId`,
    { schema: { tags, summary: 'Delete a landing (landing.write; the resident_of link and the referral’s status stay)', params: landingParams, response: { 200: okResponse } } },
    async (req) => {
      await landing.deleteLanding(contextOf(req), req.params.communityId, req.params.landingId);
      return { ok: true as const };
    },
  );

  // ---------------------------------------------------------------- incubation
  app.get(
    `${base}/incubation`,
    {
      schema: {
        tags,
        summary: "The community's incubation records, with counts per status and the batches in use (landing.read)",
        params: communityParams,
        querystring: incubationListQuery,
        response: { 200: incubationListSchema },
      },
    },
    (req) => landing.listIncubation(contextOf(req), req.params.communityId, req.query),
  );
  app.post(
    `${base}/incubation`,
    {
      schema: { tags, summary: 'Admit a company to the incubator, in a batch (landing.write; once per company → 409 duplicate_record)', params: communityParams, body: incubationCreateInput, response: { 201: incubationSchema } },
    },
    async (req, reply) => reply.status(201).send(await landing.createIncubation(contextOf(req), req.params.communityId, req.body)),
  );
  app.patch(
    `${base}/incubation/:incubationId`,
    {
      schema: {
        tags,
        summary:
          'Graduate, list (date and stock code), exit, or fix dates (landing.write; version). Moving back is a correction: community admins only, with a reason',
        params: incubationParams,
        body: incubationUpdateInput,
        response: { 200: incubationSchema },
      },
    },
    (req) => landing.updateIncubation(contextOf(req), req.params.communityId, req.params.incubationId, req.body),
  );

  // ---------------------------------------------------------------- yearly figures
  app.get(
    `${base}/figures`,
    {
      schema: {
        tags,
        summary: "Resident companies' figures for one year, with totals (landing.read)",
        params: communityParams,
        querystring: figuresTableQuery,
        response: { 200: figuresTableSchema },
      },
    },
    (req) => landing.figuresTable(contextOf(req), req.params.communityId, req.query.year),
  );
  app.get(
    `${base}/companies/mine`,
    {
      schema: {
        tags,
        summary: 'The resident companies the signed-in member represents (where they enter their yearly figures)',
        params: communityParams,
        response: { 200: z.array(entityRefSchema) },
      },
    },
    (req) => landing.myCompanies(contextOf(req), req.params.communityId),
  );
  app.get(
    `${base}/companies/:organisationId/figures`,
    {
      schema: {
        tags,
        summary: "A resident company's yearly figures (landing.read, or the company's representatives who are members)",
        params: companyParams,
        response: { 200: companyFiguresSchema },
      },
    },
    (req) => landing.getCompanyFigures(contextOf(req), req.params.communityId, req.params.organisationId),
  );
  app.put(
    `${base}/companies/:organisationId/figures/:year`,
    {
      schema: {
        tags,
        summary:
          "Enter a resident company's figures for a year (its representatives, or landing.write). Omit version for a new year; a stale version → 409 version_conflict",
        params: companyYearParams,
        body: figuresInput,
        response: { 200: figuresSchema },
      },
    },
    (req) => landing.putCompanyFigures(contextOf(req), req.params.communityId, req.params.organisationId, req.params.year, req.body),
  );
};
