import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPage } from '../../../shared/schemas/audit';
import { okResponse } from '../../../shared/schemas/common';
import {
  activityQuery,
  affiliationInput,
  affiliationParams,
  affiliationSchema,
  attachmentParams,
  attachmentSchema,
  entityParams,
  fileParams,
  linkInput,
  linkParams,
  linkSchema,
  organisationCreateInput,
  organisationDetailSchema,
  organisationParams,
  organisationSchema,
  organisationUpdateInput,
  personCreateInput,
  personDetailSchema,
  personParams,
  personSchema,
  personUpdateInput,
  projectCreateInput,
  projectDetailSchema,
  projectParams,
  projectSchema,
  projectUpdateInput,
  representativeInput,
  representativeParams,
  representativeSchema,
  taxonomyCatalogueSchema,
  taxonomyParams,
  taxonomyTermInput,
  taxonomyTermSchema,
} from '../../../shared/schemas/directory';
import { contextOf } from '../../http/context';
import { listActivity } from './activity.service';
import * as files from './files.service';
import * as links from './links.service';
import * as organisations from './organisations.service';
import * as people from './people.service';
import * as privacy from './privacy.service';
import * as projects from './projects.service';
import * as taxonomy from './taxonomy.service';
import { contentDisposition, uploadFrom } from './uploads';

const ok = { ok: true as const };
const multipart = ['multipart/form-data'];

export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  // ------------------------------------------------------------ taxonomy

  app.get(
    '/api/taxonomy',
    { schema: { tags: ['directory'], summary: 'Every taxonomy term (segments, qualifications, services, stages), grouped, in sort order (open to all: the public event pages use it)', response: { 200: taxonomyCatalogueSchema } } },
    (req) => taxonomy.listTaxonomy(contextOf(req)),
  );

  app.post(
    '/api/taxonomy/:taxonomy',
    {
      schema: { tags: ['directory'], summary: 'Add a term to a taxonomy (platform admins)', params: taxonomyParams, body: taxonomyTermInput, response: { 201: taxonomyTermSchema } },
    },
    async (req, reply) => reply.status(201).send(await taxonomy.addTerm(contextOf(req), req.params.taxonomy, req.body)),
  );

  // ------------------------------------------------------------ organisations

  app.post(
    '/api/directory/organisations',
    {
      schema: {
        tags: ['directory'],
        summary: 'Add an organisation; the community named (directory.write there) stewards it until it has representatives',
        body: organisationCreateInput,
        response: { 201: organisationSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await organisations.createOrganisation(contextOf(req), req.body)),
  );

  app.get(
    '/api/directory/organisations/:organisationId',
    {
      schema: {
        tags: ['directory'],
        summary: "An organisation's profile with its people, the projects the viewer may see, links, representatives and what the viewer may do",
        params: organisationParams,
        response: { 200: organisationDetailSchema },
      },
    },
    (req) => organisations.getOrganisation(contextOf(req), req.params.organisationId),
  );

  app.patch(
    '/api/directory/organisations/:organisationId',
    {
      schema: {
        tags: ['directory'],
        summary: "Edit an organisation's public profile (representatives; the steward's staff while it has none; platform admins). A stale version answers 409",
        params: organisationParams,
        body: organisationUpdateInput,
        response: { 200: organisationSchema },
      },
    },
    (req) => organisations.updateOrganisation(contextOf(req), req.params.organisationId, req.body),
  );

  app.delete(
    '/api/directory/organisations/:organisationId',
    {
      schema: { tags: ['directory'], summary: "Delete an organisation (platform admins; the steward's admin while unclaimed)", params: organisationParams, response: { 200: okResponse } },
    },
    async (req) => {
      await organisations.deleteOrganisation(contextOf(req), req.params.organisationId);
      return ok;
    },
  );

  app.post(
    '/api/directory/organisations/:organisationId/logo',
    {
      schema: {
        tags: ['directory'],
        summary: 'Upload the logo (multipart, one file: PNG, JPEG or WebP by content, at most 2 MB)',
        consumes: multipart,
        params: organisationParams,
        response: { 200: organisationSchema },
      },
    },
    (req) => files.uploadLogo(contextOf(req), req.params.organisationId, uploadFrom(req)),
  );

  app.post(
    '/api/directory/organisations/:organisationId/representatives',
    {
      schema: {
        tags: ['directory'],
        summary: 'Make an existing user a representative of the organisation (they then own its public profile)',
        params: organisationParams,
        body: representativeInput,
        response: { 200: z.array(representativeSchema) },
      },
    },
    (req) => organisations.addRepresentative(contextOf(req), req.params.organisationId, req.body.email),
  );

  app.delete(
    '/api/directory/organisations/:organisationId/representatives/:userId',
    {
      schema: { tags: ['directory'], summary: 'Remove a representative', params: representativeParams, response: { 200: z.array(representativeSchema) } },
    },
    (req) => organisations.removeRepresentative(contextOf(req), req.params.organisationId, req.params.userId),
  );

  // ------------------------------------------------------------ people

  app.post(
    '/api/directory/people',
    {
      schema: {
        tags: ['directory'],
        summary: 'Add a person (directory.write in the community named, which holds the record); consent to contact is dated',
        body: personCreateInput,
        response: { 201: personSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await people.createPerson(contextOf(req), req.body)),
  );

  app.get(
    '/api/directory/people/:personId',
    {
      schema: {
        tags: ['directory'],
        summary: 'A person with affiliations and links; contact channels only for those allowed to see them (contactHidden otherwise)',
        params: personParams,
        response: { 200: personDetailSchema },
      },
    },
    (req) => people.getPerson(contextOf(req), req.params.personId),
  );

  app.patch(
    '/api/directory/people/:personId',
    {
      schema: {
        tags: ['directory'],
        summary: "Edit a person (the person; the holding community's staff; platform admins). A stale version answers 409",
        params: personParams,
        body: personUpdateInput,
        response: { 200: personSchema },
      },
    },
    (req) => people.updatePerson(contextOf(req), req.params.personId, req.body),
  );

  app.delete(
    '/api/directory/people/:personId',
    { schema: { tags: ['directory'], summary: "Delete a person (the person; the holding community's admin; platform admins)", params: personParams, response: { 200: okResponse } } },
    async (req) => {
      await people.deletePerson(contextOf(req), req.params.personId);
      return ok;
    },
  );

  app.post(
    '/api/directory/people/:personId/affiliations',
    {
      schema: { tags: ['directory'], summary: "Add a role at an organisation to a person's record", params: personParams, body: affiliationInput, response: { 201: affiliationSchema } },
    },
    async (req, reply) => reply.status(201).send(await people.addAffiliation(contextOf(req), req.params.personId, req.body)),
  );

  app.delete(
    '/api/directory/people/:personId/affiliations/:affiliationId',
    { schema: { tags: ['directory'], summary: 'Remove an affiliation', params: affiliationParams, response: { 200: okResponse } } },
    async (req) => {
      await people.removeAffiliation(contextOf(req), req.params.personId, req.params.affiliationId);
      return ok;
    },
  );

  app.get(
    '/api/directory/people/:personId/export',
    {
      schema: {
        tags: ['directory'],
        summary: 'PIPL: everything stored about the person, as a JSON download (the person; the holding community admin; platform admins)',
        params: personParams,
      },
    },
    async (req, reply) => {
      const data = await privacy.exportPerson(contextOf(req), req.params.personId);
      reply.header('content-disposition', contentDisposition('attachment', `person-${req.params.personId}.json`));
      reply.header('cache-control', 'no-store');
      return data;
    },
  );

  app.post(
    '/api/directory/people/:personId/erase',
    {
      schema: {
        tags: ['directory'],
        summary: "PIPL: erase the person, their links and every community's notes on them; audit entries about them are redacted",
        params: personParams,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await privacy.erasePerson(contextOf(req), req.params.personId);
      return ok;
    },
  );

  // ------------------------------------------------------------ projects

  app.post(
    '/api/directory/projects',
    {
      schema: {
        tags: ['directory'],
        summary: "Add a project to a community (its staff, or a representative of the owner who is a member there)",
        body: projectCreateInput,
        response: { 201: projectSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await projects.createProject(contextOf(req), req.body)),
  );

  app.get(
    '/api/directory/projects/:projectId',
    {
      schema: {
        tags: ['directory'],
        summary: 'A project, if the viewer may see it (confidentiality); otherwise 404 as if it did not exist',
        params: projectParams,
        response: { 200: projectDetailSchema },
      },
    },
    (req) => projects.getProject(contextOf(req), req.params.projectId),
  );

  app.patch(
    '/api/directory/projects/:projectId',
    {
      schema: {
        tags: ['directory'],
        summary: "Edit a project (owner's representatives; home community staff; platform admins). A stale version answers 409",
        params: projectParams,
        body: projectUpdateInput,
        response: { 200: projectSchema },
      },
    },
    (req) => projects.updateProject(contextOf(req), req.params.projectId, req.body),
  );

  app.delete(
    '/api/directory/projects/:projectId',
    { schema: { tags: ['directory'], summary: 'Delete a project with its attachments', params: projectParams, response: { 200: okResponse } } },
    async (req) => {
      await projects.deleteProject(contextOf(req), req.params.projectId);
      return ok;
    },
  );

  app.post(
    '/api/directory/projects/:projectId/attachments',
    {
      schema: {
        tags: ['directory'],
        summary: 'Attach a PDF (multipart: the file, and a field kind = pitch_deck | other)',
        consumes: multipart,
        params: projectParams,
        response: { 201: attachmentSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await files.addAttachment(contextOf(req), req.params.projectId, uploadFrom(req))),
  );

  app.delete(
    '/api/directory/projects/:projectId/attachments/:attachmentId',
    { schema: { tags: ['directory'], summary: 'Remove an attachment', params: attachmentParams, response: { 200: okResponse } } },
    async (req) => {
      await files.deleteAttachment(contextOf(req), req.params.projectId, req.params.attachmentId);
      return ok;
    },
  );

  // ------------------------------------------------------------ files

  app.get(
    '/api/files/:fileId',
    {
      schema: {
        tags: ['directory'],
        summary: "A stored file: a logo (anyone signed in) or a project's attachment (those who may see the project)",
        params: fileParams,
      },
    },
    async (req, reply) => {
      const file = await files.openFile(contextOf(req), req.params.fileId);
      reply.type(file.contentType);
      reply.header('content-length', String(file.sizeBytes));
      reply.header('content-disposition', file.disposition);
      reply.header('cache-control', 'private, max-age=300');
      return reply.send(file.stream);
    },
  );

  // ------------------------------------------------------------ links

  app.post(
    '/api/directory/links',
    {
      schema: {
        tags: ['directory'],
        summary: "Link two records with a role (the editor of the 'from' record; resident_of: directory.write in the community)",
        body: linkInput,
        response: { 201: linkSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await links.createLink(contextOf(req), req.body)),
  );

  app.delete(
    '/api/directory/links/:linkId',
    { schema: { tags: ['directory'], summary: 'Remove a link', params: linkParams, response: { 200: okResponse } } },
    async (req) => {
      await links.deleteLink(contextOf(req), req.params.linkId);
      return ok;
    },
  );

  // ------------------------------------------------------------ activity

  app.get(
    '/api/directory/:entityType/:entityId/activity',
    {
      schema: {
        tags: ['directory'],
        summary: "The history of a record's public profile (its audit entries, newest first)",
        params: entityParams,
        querystring: activityQuery,
        response: { 200: auditPage },
      },
    },
    (req) => listActivity(contextOf(req), req.params.entityType, req.params.entityId, req.query),
  );
};
