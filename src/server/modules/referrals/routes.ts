import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { communityParams } from '../../../shared/schemas/common';
import {
  acceptReferralInput,
  declineReferralInput,
  referralInput,
  referralPageSchema,
  referralParams,
  referralQuery,
  referralSchema,
  referralStatsQuery,
  referralStatsSchema,
  referralTargetSchema,
  withdrawReferralInput,
} from '../../../shared/schemas/referrals';
import { contextOf } from '../../http/context';
import * as referrals from './service';

const tags = ['referrals'];

/** Referrals of projects between communities. */
export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/communities/:communityId/referrals',
    {
      schema: {
        tags,
        summary: "The community's sent (outgoing) or received (incoming) referrals, newest first (pipeline.read)",
        params: communityParams,
        querystring: referralQuery,
        response: { 200: referralPageSchema },
      },
    },
    (req) => referrals.listReferrals(contextOf(req), req.params.communityId, req.query),
  );

  app.post(
    '/api/communities/:communityId/referrals',
    {
      schema: {
        tags,
        summary: 'Refer a project the user can see to another community, with a note (pipeline.write; one open referral per project and community)',
        params: communityParams,
        body: referralInput,
        response: { 201: referralSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await referrals.createReferral(contextOf(req), req.params.communityId, req.body)),
  );

  app.get(
    '/api/communities/:communityId/referrals/stats',
    {
      schema: {
        tags,
        summary: 'Referrals sent and received by status, with acceptance rates, created between from and to (pipeline.read)',
        params: communityParams,
        querystring: referralStatsQuery,
        response: { 200: referralStatsSchema },
      },
    },
    (req) => referrals.referralStats(contextOf(req), req.params.communityId, req.query),
  );

  app.get(
    '/api/communities/:communityId/referrals/:referralId',
    {
      schema: {
        tags,
        summary: 'One referral, as this side sees it: the referring side gets the status only (pipeline.read)',
        params: referralParams,
        response: { 200: referralSchema },
      },
    },
    (req) => referrals.getReferral(contextOf(req), req.params.communityId, req.params.referralId),
  );

  app.post(
    '/api/communities/:communityId/referrals/:referralId/accept',
    {
      schema: {
        tags,
        summary: "Accept a pending referral into one of the receiving community's pipelines (pipeline.write; receiver only)",
        params: referralParams,
        body: acceptReferralInput,
        response: { 200: referralSchema },
      },
    },
    (req) => referrals.acceptReferral(contextOf(req), req.params.communityId, req.params.referralId, req.body),
  );

  app.post(
    '/api/communities/:communityId/referrals/:referralId/decline',
    {
      schema: {
        tags,
        summary: "Decline a pending referral with a reason ('other' needs a note) (pipeline.write; receiver only)",
        params: referralParams,
        body: declineReferralInput,
        response: { 200: referralSchema },
      },
    },
    (req) => referrals.declineReferral(contextOf(req), req.params.communityId, req.params.referralId, req.body),
  );

  app.post(
    '/api/communities/:communityId/referrals/:referralId/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a pending referral (pipeline.write; referrer only)',
        params: referralParams,
        body: withdrawReferralInput,
        response: { 200: referralSchema },
      },
    },
    (req) => referrals.withdrawReferral(contextOf(req), req.params.communityId, req.params.referralId, req.body.version),
  );

  app.get(
    '/api/referral-targets',
    {
      schema: {
        tags,
        summary: 'The communities a project may be referred to, names only (for users holding pipeline.write somewhere)',
        response: { 200: z.array(referralTargetSchema) },
      },
    },
    (req) => referrals.referralTargets(contextOf(req)),
  );
};
