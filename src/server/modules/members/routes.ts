import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sessionResponse } from '../../../shared/schemas/auth';
import { communityParams, okResponse } from '../../../shared/schemas/common';
import {
  acceptInvitationBody,
  changeRoleBody,
  createdInvitationSchema,
  invitationParams,
  invitationPreviewSchema,
  invitationSchema,
  invitationTokenParams,
  inviteBody,
  memberParams,
  memberSchema,
  membersPage,
  membersQuery,
} from '../../../shared/schemas/members';
import { contextOf } from '../../http/context';
import { setSessionCookie } from '../../http/session';
import * as members from './service';

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/communities/:communityId/members',
    {
      schema: {
        tags: ['members'],
        summary: "A community's members, newest first, searchable by name or e-mail",
        params: communityParams,
        querystring: membersQuery,
        response: { 200: membersPage },
      },
    },
    (req) => members.listMembers(contextOf(req), req.params.communityId, req.query),
  );

  app.patch(
    '/api/communities/:communityId/members/:membershipId',
    {
      schema: {
        tags: ['members'],
        summary: "Change a member's role (community admins); the last admin cannot be demoted",
        params: memberParams,
        body: changeRoleBody,
        response: { 200: memberSchema },
      },
    },
    (req) => members.changeRole(contextOf(req), req.params.communityId, req.params.membershipId, req.body.role),
  );

  app.delete(
    '/api/communities/:communityId/members/:membershipId',
    {
      schema: {
        tags: ['members'],
        summary: 'Remove a member (community admins); the last admin cannot be removed',
        params: memberParams,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await members.removeMember(contextOf(req), req.params.communityId, req.params.membershipId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/communities/:communityId/invitations',
    {
      schema: {
        tags: ['members'],
        summary: "A community's invitations with their status",
        params: communityParams,
        response: { 200: z.array(invitationSchema) },
      },
    },
    (req) => members.listInvitations(contextOf(req), req.params.communityId),
  );

  app.post(
    '/api/communities/:communityId/invitations',
    {
      schema: {
        tags: ['members'],
        summary: 'Invite someone by e-mail with a role (community admins); the link is returned once and queued as an e-mail',
        params: communityParams,
        body: inviteBody,
        response: { 201: createdInvitationSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await members.invite(contextOf(req), req.params.communityId, req.body)),
  );

  app.delete(
    '/api/communities/:communityId/invitations/:invitationId',
    {
      schema: { tags: ['members'], summary: 'Revoke an open invitation', params: invitationParams, response: { 200: okResponse } },
    },
    async (req) => {
      await members.revokeInvitation(contextOf(req), req.params.communityId, req.params.invitationId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/invitations/:token',
    {
      schema: {
        tags: ['members'],
        summary: 'What an invitation link offers (public: the token is the credential)',
        params: invitationTokenParams,
        response: { 200: invitationPreviewSchema },
      },
    },
    (req) => members.previewInvitation(contextOf(req), req.params.token),
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      config: { csrf: false },
      schema: {
        tags: ['members'],
        summary: 'Accept an invitation: joins with the signed-in account, or signs up with displayName and password',
        params: invitationTokenParams,
        body: acceptInvitationBody,
        response: { 200: sessionResponse },
      },
    },
    async (req, reply) => {
      const { session, info } = await members.acceptInvitation(contextOf(req), req.params.token, req.body);
      if (session) {
        setSessionCookie(reply, req.server.deps.config, session.token);
        return session.info;
      }
      return { ...info!, csrfToken: req.auth?.csrfToken ?? null };
    },
  );
};
