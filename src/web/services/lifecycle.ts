/** Typed calls for the project lifecycle: models, timelines, stage moves, milestones, the board. */
import type {
  LifecycleBoard,
  LifecycleCatalogue,
  LifecycleModel,
  MilestoneInput,
  MilestoneResult,
  StageMoveInput,
  StageMoveResult,
  Timeline,
} from '../../shared/schemas/lifecycle';
import { api, withQuery } from './api';
import { upload } from './directory';

export type {
  BoardModel,
  BoardStage,
  LifecycleBoard,
  LifecycleCatalogue,
  LifecycleModel,
  MilestoneEntry,
  MilestoneInput,
  MilestoneKind,
  StageChangeEntry,
  StageMoveInput,
  StageRef,
  Timeline,
  TimelineEntry,
} from '../../shared/schemas/lifecycle';

const PROJECTS = '/api/directory/projects';

export interface BoardFilters {
  track?: string;
  segment?: string;
}

export const lifecycleKeys = {
  catalogue: ['lifecycle-models'] as const,
  timeline: (projectId: string) => ['lifecycle-timeline', projectId] as const,
  board: (communityId: string, filters: BoardFilters) => ['lifecycle-board', communityId, filters] as const,
};

export interface EvidenceFile {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

export const lifecycleApi = {
  catalogue: () => api.get<LifecycleCatalogue>('/api/lifecycle/models'),
  timeline: (projectId: string) => api.get<Timeline>(`${PROJECTS}/${projectId}/timeline`),
  moveStage: (projectId: string, body: StageMoveInput) => api.post<StageMoveResult>(`${PROJECTS}/${projectId}/stage-moves`, body),
  addMilestone: (projectId: string, body: MilestoneInput) => api.post<MilestoneResult>(`${PROJECTS}/${projectId}/milestones`, body),
  removeMilestone: (projectId: string, milestoneId: string) => api.delete<{ ok: true }>(`${PROJECTS}/${projectId}/milestones/${milestoneId}`),
  uploadEvidence: (projectId: string, file: File, csrf: string | null | undefined, lang: string) =>
    upload<EvidenceFile>(`${PROJECTS}/${projectId}/milestone-evidence`, file, csrf, lang),
  board: (communityId: string, filters: BoardFilters) => api.get<LifecycleBoard>(withQuery(`/api/communities/${communityId}/lifecycle/board`, { ...filters })),
};

/** The model a project follows: its track's model for its device class, else the track's general one. */
export function modelOf(models: readonly LifecycleModel[], track: string, deviceClass: string | null | undefined): LifecycleModel | undefined {
  const ofTrack = models.filter((m) => m.track === track);
  return (deviceClass ? ofTrack.find((m) => m.deviceClass === deviceClass) : undefined) ?? ofTrack.find((m) => m.deviceClass === null) ?? ofTrack[0];
}
