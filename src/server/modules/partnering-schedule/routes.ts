import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okResponse } from '../../../shared/schemas/common';
import {
  locationBulkInput,
  locationCreateInput,
  locationListSchema,
  locationUpdateInput,
  meetingCreateInput,
  meetingUpdateInput,
  orgLocationParams,
  orgLocationSchema,
  orgMeetingParams,
  orgMeetingSchema,
  orgParticipantPageSchema,
  orgParticipantParams,
  orgParticipantQuery,
  orgParticipantSchema,
  orgParticipantUpdateInput,
  orgPartneringParams,
  orgRunParams,
  orgSlotParams,
  orgSlotSchema,
  publishInput,
  publishResultSchema,
  runListSchema,
  runOptionsInput,
  runSchema,
  scheduleExportQuery,
  scheduleQuery,
  scheduleSchema,
  settingsInput,
  settingsSchema,
  slotCreateInput,
  slotGenerateInput,
  slotListSchema,
  statsSchema,
} from '../../../shared/schemas/partnering';
import { contextOf } from '../../http/context';
import { exportSchedule } from './export';
import * as schedule from './schedule.service';
import * as setup from './setup.service';

const tags = ['partnering (organisers)'];
const base = '/api/communities/:communityId/events/:eventId/partnering';

/** Organisers' partnering routes (/api/communities/:communityId/events/:eventId/partnering/…), all behind events.manage. */
export const partneringScheduleRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---------------------------------------------------------------- settings
  app.get(
    `${base}/settings`,
    { schema: { tags, summary: "The event's partnering rules (enabled false with the defaults and version 0 while partnering is off)", params: orgPartneringParams, response: { 200: settingsSchema } } },
    (req) => setup.getSettings(contextOf(req), req.params.communityId, req.params.eventId),
  );
  app.put(
    `${base}/settings`,
    {
      schema: {
        tags,
        summary: 'Turn partnering on (no version; 409 partnering_already_enabled when on) or edit its rules (with the version read; 409 version_conflict). The request deadline must be before the event ends (400). Not for cancelled events (409)',
        params: orgPartneringParams,
        body: settingsInput,
        response: { 200: settingsSchema },
      },
    },
    (req) => setup.putSettings(contextOf(req), req.params.communityId, req.params.eventId, req.body),
  );

  // ---------------------------------------------------------------- slots
  app.get(
    `${base}/slots`,
    { schema: { tags, summary: 'Meeting slots in time order, with the active meetings placed in each (draft and published)', params: orgPartneringParams, response: { 200: slotListSchema } } },
    (req) => setup.listSlots(contextOf(req), req.params.communityId, req.params.eventId),
  );
  app.post(
    `${base}/slots/generate`,
    {
      schema: {
        tags,
        summary:
          "Generate slots for days × sessions (slot length, changeover gap, breaks; wall-clock in the community's zone; days within the event, else 400). replace deletes the existing slots first (409 partnering_slot_in_use when one holds a published meeting); otherwise a slot overlapping an existing one is refused (409 partnering_slot_overlap)",
        params: orgPartneringParams,
        body: slotGenerateInput,
        response: { 201: slotListSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await setup.generateEventSlots(contextOf(req), req.params.communityId, req.params.eventId, req.body)),
  );
  app.post(
    `${base}/slots`,
    {
      schema: { tags, summary: 'Add one slot (within one event day; 409 partnering_slot_overlap when it overlaps another)', params: orgPartneringParams, body: slotCreateInput, response: { 201: orgSlotSchema } },
    },
    async (req, reply) => reply.status(201).send(await setup.createSlot(contextOf(req), req.params.communityId, req.params.eventId, req.body)),
  );
  app.delete(
    `${base}/slots/:slotId`,
    { schema: { tags, summary: 'Remove a slot (409 partnering_slot_in_use when a published meeting is there; draft placements there are cleared)', params: orgSlotParams, response: { 200: okResponse } } },
    async (req) => {
      await setup.deleteSlot(contextOf(req), req.params.communityId, req.params.eventId, req.params.slotId);
      return { ok: true as const };
    },
  );

  // ---------------------------------------------------------------- locations
  app.get(
    `${base}/locations`,
    { schema: { tags, summary: 'Tables, rooms, booths and online rooms in their order, with the meetings placed at each', params: orgPartneringParams, response: { 200: locationListSchema } } },
    (req) => setup.listLocations(contextOf(req), req.params.communityId, req.params.eventId),
  );
  app.post(
    `${base}/locations`,
    {
      schema: {
        tags,
        summary: 'Add a location; a booth (or a personal online room) belongs to an active participant of the event (400 otherwise). Names are unique per event (409 partnering_location_name_taken)',
        params: orgPartneringParams,
        body: locationCreateInput,
        response: { 201: orgLocationSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await setup.createLocation(contextOf(req), req.params.communityId, req.params.eventId, req.body)),
  );
  app.post(
    `${base}/locations/bulk`,
    {
      schema: { tags, summary: 'Add numbered tables, rooms or online rooms in one go (prefix + start … start+count−1; 409 when a name is taken, nothing added)', params: orgPartneringParams, body: locationBulkInput, response: { 201: locationListSchema } },
    },
    async (req, reply) => reply.status(201).send(await setup.createLocationsBulk(contextOf(req), req.params.communityId, req.params.eventId, req.body)),
  );
  app.patch(
    `${base}/locations/:locationId`,
    {
      schema: {
        tags,
        summary: 'Rename, reorder or change the owner or link of a location (409 partnering_location_in_use when a new owner is not in the meetings placed there)',
        params: orgLocationParams,
        body: locationUpdateInput,
        response: { 200: orgLocationSchema },
      },
    },
    (req) => setup.updateLocation(contextOf(req), req.params.communityId, req.params.eventId, req.params.locationId, req.body),
  );
  app.delete(
    `${base}/locations/:locationId`,
    { schema: { tags, summary: 'Remove a location (409 partnering_location_in_use when a published meeting uses it; draft placements there are cleared)', params: orgLocationParams, response: { 200: okResponse } } },
    async (req) => {
      await setup.deleteLocation(contextOf(req), req.params.communityId, req.params.eventId, req.params.locationId);
      return { ok: true as const };
    },
  );

  // ---------------------------------------------------------------- participants
  app.get(
    `${base}/participants`,
    {
      schema: {
        tags,
        summary: 'Participants by name with their requests, meetings (accepted, in the draft, published) and draft breaks (filters q, side, status; keyset paging)',
        params: orgPartneringParams,
        querystring: orgParticipantQuery,
        response: { 200: orgParticipantPageSchema },
      },
    },
    (req) => setup.listParticipants(contextOf(req), req.params.communityId, req.params.eventId, req.query),
  );
  app.patch(
    `${base}/participants/:participantId`,
    {
      schema: { tags, summary: "Change a participant's meeting cap, status or unavailable slots (with the version read; 409 version_conflict)", params: orgParticipantParams, body: orgParticipantUpdateInput, response: { 200: orgParticipantSchema } },
    },
    (req) => setup.updateParticipant(contextOf(req), req.params.communityId, req.params.eventId, req.params.participantId, req.body),
  );

  // ---------------------------------------------------------------- meetings
  app.post(
    `${base}/meetings`,
    {
      schema: {
        tags,
        summary: 'Add a meeting between two active participants (weight from the priority; 409 partnering_meeting_exists when the pair has one); the next run schedules it',
        params: orgPartneringParams,
        body: meetingCreateInput,
        response: { 201: orgMeetingSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await schedule.createMeeting(contextOf(req), req.params.communityId, req.params.eventId, req.body)),
  );
  app.patch(
    `${base}/meetings/:meetingId`,
    {
      schema: {
        tags,
        summary:
          'Move a meeting in the draft (slot and location together, or both null), lock or unlock it, or cancel it. 409: partnering_place_taken, partnering_participant_busy, partnering_participant_unavailable, partnering_location_not_theirs, partnering_run_in_progress, version_conflict',
        params: orgMeetingParams,
        body: meetingUpdateInput,
        response: { 200: orgMeetingSchema },
      },
    },
    (req) => schedule.updateMeeting(contextOf(req), req.params.communityId, req.params.eventId, req.params.meetingId, req.body),
  );

  // ---------------------------------------------------------------- runs
  app.post(
    `${base}/runs`,
    {
      schema: {
        tags,
        summary:
          'Run the scheduler and write the draft (published meetings stay where they are unless keepPublished is false; locked meetings keep their draft place). Answers the run, finished or failed; 409 partnering_run_in_progress while another runs',
        params: orgPartneringParams,
        body: runOptionsInput,
        response: { 201: runSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await schedule.startRun(contextOf(req), req.params.communityId, req.params.eventId, req.body)),
  );
  app.get(
    `${base}/runs`,
    { schema: { tags, summary: 'The latest 20 scheduler runs, newest first', params: orgPartneringParams, response: { 200: runListSchema } } },
    (req) => schedule.listRuns(contextOf(req), req.params.communityId, req.params.eventId),
  );
  app.get(
    `${base}/runs/:runId`,
    { schema: { tags, summary: 'One scheduler run with its summary or error', params: orgRunParams, response: { 200: runSchema } } },
    (req) => schedule.getRun(contextOf(req), req.params.communityId, req.params.eventId, req.params.runId),
  );

  // ---------------------------------------------------------------- the grid, publishing, figures
  app.get(
    `${base}/schedule`,
    {
      schema: {
        tags,
        summary: "The draft or published grid for one day (slots × locations), one participant's meetings, what is not placed and why, the summary and the latest run",
        params: orgPartneringParams,
        querystring: scheduleQuery,
        response: { 200: scheduleSchema },
      },
    },
    (req) => schedule.getSchedule(contextOf(req), req.params.communityId, req.params.eventId, req.query),
  );
  app.get(
    `${base}/schedule.xlsx`,
    {
      schema: {
        tags,
        summary: 'The schedule workbook (.xlsx), draft or published: a grid per day (slots × locations), the list of meetings, and what could not be placed with the reason; headers in the request language, times in the community time zone',
        params: orgPartneringParams,
        querystring: scheduleExportQuery,
      },
    },
    async (req, reply) => {
      const download = await exportSchedule(contextOf(req), req.params.communityId, req.params.eventId, req.query.view);
      return reply.header('content-type', download.contentType).header('content-disposition', download.disposition).header('cache-control', 'private, no-store').send(download.body);
    },
  );
  app.post(
    `${base}/schedule/publish`,
    {
      schema: {
        tags,
        summary:
          'Publish the draft; scheduleVersion is the published version the organiser saw (409 partnering_schedule_changed when another publish came first; 409 partnering_run_in_progress). Participants whose agenda changed get an e-mail',
        params: orgPartneringParams,
        body: publishInput,
        response: { 200: publishResultSchema },
      },
    },
    (req) => schedule.publish(contextOf(req), req.params.communityId, req.params.eventId, req.body),
  );
  app.get(
    `${base}/stats`,
    { schema: { tags, summary: 'Figures: participants by side, requests by status and priority, wishes, meetings scheduled, held and no-shows, satisfaction and response rate', params: orgPartneringParams, response: { 200: statsSchema } } },
    (req) => schedule.stats(contextOf(req), req.params.communityId, req.params.eventId),
  );
};
