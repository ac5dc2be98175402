import { describe, expect, it } from 'vitest';
import type { Instance } from '../../../domain/partnering/instance';
import { solve } from './solver';

const instance: Instance = {
  slots: [
    { id: 's1', day: 'd1' },
    { id: 's2', day: 'd1' },
    { id: 's3', day: 'd1' },
  ],
  locations: [{ id: 'T1' }, { id: 'B', owner: 'c' }],
  participants: [{ id: 'a' }, { id: 'b', forbiddenSlots: ['s1'] }, { id: 'c' }, { id: 'd', maxMeetings: 0 }],
  meetings: [
    { id: 'ab', participants: ['a', 'b'], weight: 100 },
    { id: 'ac', participants: ['a', 'c'], weight: 10, fixedSlot: 's3', fixedLocation: 'B' },
    { id: 'ad', participants: ['a', 'd'], weight: 1 },
  ],
};

describe('solving in a worker thread', () => {
  it('gives the same answer as solving in process (the .ts worker loads under the test runner too)', async () => {
    const options = { seed: 5, maxIterations: 500, timeLimitMs: 5000 };
    const inWorker = await solve(instance, options, 'worker');
    const inProcess = await solve(instance, options, 'in-process');
    expect(inWorker.assignments).toEqual(inProcess.assignments);
    expect(inWorker.unscheduled).toEqual([{ meeting: 'ad', reason: 'max_meetings_zero' }]);
    expect(inWorker.assignments.find((a) => a.meeting === 'ac')).toEqual({ meeting: 'ac', slot: 's3', location: 'B' });
  });

  it('reports an error thrown in the worker', async () => {
    await expect(solve({ ...instance, meetings: null } as unknown as Instance, {}, 'worker')).rejects.toThrow(/meetings|null/);
  });
});
