import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { communityParams, okResponse } from '../../../shared/schemas/common';
import {
  annotationInput,
  annotationSchema,
  noteInput,
  noteParams,
  noteQuery,
  noteSchema,
  noteUpdateInput,
  tagCountSchema,
} from '../../../shared/schemas/directory';
import { contextOf } from '../../http/context';
import * as notes from './service';

export const noteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/communities/:communityId/notes',
    {
      schema: {
        tags: ['notes'],
        summary: "The community's private notes on a record, newest first (notes.read; entityType and entityId required)",
        params: communityParams,
        querystring: noteQuery,
        response: { 200: z.array(noteSchema) },
      },
    },
    (req) => notes.listNotes(contextOf(req), req.params.communityId, req.query),
  );

  app.post(
    '/api/communities/:communityId/notes',
    {
      schema: { tags: ['notes'], summary: 'Add a private note on a record (notes.write)', params: communityParams, body: noteInput, response: { 201: noteSchema } },
    },
    async (req, reply) => reply.status(201).send(await notes.createNote(contextOf(req), req.params.communityId, req.body)),
  );

  app.patch(
    '/api/communities/:communityId/notes/:noteId',
    {
      schema: { tags: ['notes'], summary: "Edit a note (its author or the community's admins)", params: noteParams, body: noteUpdateInput, response: { 200: noteSchema } },
    },
    (req) => notes.updateNote(contextOf(req), req.params.communityId, req.params.noteId, req.body.body),
  );

  app.delete(
    '/api/communities/:communityId/notes/:noteId',
    { schema: { tags: ['notes'], summary: "Delete a note (its author or the community's admins)", params: noteParams, response: { 200: okResponse } } },
    async (req) => {
      await notes.deleteNote(contextOf(req), req.params.communityId, req.params.noteId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/communities/:communityId/annotations',
    {
      schema: {
        tags: ['notes'],
        summary: "The community's private tags and rating on a record (empty when none; entityType and entityId required)",
        params: communityParams,
        querystring: noteQuery,
        response: { 200: annotationSchema },
      },
    },
    (req) => notes.getAnnotation(contextOf(req), req.params.communityId, req.query),
  );

  app.put(
    '/api/communities/:communityId/annotations',
    {
      schema: {
        tags: ['notes'],
        summary: "Set the community's tags and rating (1–5 or null) on a record (notes.write)",
        params: communityParams,
        body: annotationInput,
        response: { 200: annotationSchema },
      },
    },
    (req) => notes.putAnnotation(contextOf(req), req.params.communityId, req.body),
  );

  app.get(
    '/api/communities/:communityId/tags',
    {
      schema: {
        tags: ['notes'],
        summary: 'The tags this community uses, with counts, most used first (for autocomplete)',
        params: communityParams,
        response: { 200: z.array(tagCountSchema) },
      },
    },
    (req) => notes.listTags(contextOf(req), req.params.communityId),
  );
};
