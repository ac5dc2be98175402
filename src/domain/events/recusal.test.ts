import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findConflicts, organisationsOf, type ApplicationTies, type InvestorLink, type JudgeTies } from './recusal';

const none: JudgeTies = { affiliations: [], representativeOf: [] };
const app: ApplicationTies = { organisationId: 'org-applicant', projectId: 'proj', projectOwnerOrganisationId: 'org-owner' };

describe('findConflicts', () => {
  it('finds an affiliation with the applicant organisation, naming the link', () => {
    expect(findConflicts({ ...none, affiliations: [{ organisationId: 'org-applicant', role: '首席科学家' }] }, app, [])).toEqual([
      { kind: 'affiliation', organisationId: 'org-applicant', role: '首席科学家', side: 'applicant' },
    ]);
  });
  it("finds an affiliation with the project's owner, and a representative of either", () => {
    expect(findConflicts({ ...none, affiliations: [{ organisationId: 'org-owner', role: '董事' }] }, app, [])).toEqual([
      { kind: 'affiliation', organisationId: 'org-owner', role: '董事', side: 'project_owner' },
    ]);
    expect(findConflicts({ ...none, representativeOf: ['org-applicant'] }, app, [])).toEqual([{ kind: 'representative', organisationId: 'org-applicant', side: 'applicant' }]);
  });
  it("finds an investor link from the judge's organisation to the project or its owner", () => {
    const judge = { ...none, affiliations: [{ organisationId: 'fund', role: '合伙人' }] };
    const links: InvestorLink[] = [
      { fromOrganisationId: 'fund', toType: 'project', toId: 'proj' },
      { fromOrganisationId: 'fund', toType: 'organisation', toId: 'org-owner' },
      { fromOrganisationId: 'other-fund', toType: 'project', toId: 'proj' },
      { fromOrganisationId: 'fund', toType: 'project', toId: 'another-project' },
    ];
    const conflicts = findConflicts(judge, app, links);
    expect(conflicts).toEqual([
      { kind: 'investor', investorOrganisationId: 'fund', target: 'project', targetId: 'proj' },
      { kind: 'investor', investorOrganisationId: 'fund', target: 'project_owner', targetId: 'org-owner' },
    ]);
    expect(organisationsOf(conflicts[1]!)).toEqual(['fund', 'org-owner']);
  });
  it('finds nothing without shared organisations, and for an application without any', () => {
    expect(findConflicts({ ...none, affiliations: [{ organisationId: 'x', role: 'r' }], representativeOf: ['y'] }, app, [])).toEqual([]);
    expect(findConflicts({ ...none, affiliations: [{ organisationId: 'x', role: 'r' }] }, { organisationId: null, projectId: null, projectOwnerOrganisationId: null }, [])).toEqual([]);
  });
  it('names both sides when the applicant also owns the project', () => {
    const same = { organisationId: 'org', projectId: 'p', projectOwnerOrganisationId: 'org' };
    expect(findConflicts({ ...none, representativeOf: ['org'] }, same, []).map((c) => c.kind === 'representative' && c.side)).toEqual(['applicant', 'project_owner']);
  });
});

const ORGS = ['o1', 'o2', 'o3', 'o4', 'o5'];
const org = fc.constantFrom(...ORGS);
const judgeArb = fc.record({
  affiliations: fc.array(fc.record({ organisationId: org, role: fc.constantFrom('创始人', '顾问') }), { maxLength: 3 }),
  representativeOf: fc.array(org, { maxLength: 2 }),
});
const appArb = fc.record({ organisationId: fc.option(org), projectId: fc.option(fc.constantFrom('p1', 'p2')), projectOwnerOrganisationId: fc.option(org) });
const linkArb = fc.array(
  fc.oneof(
    fc.record({ fromOrganisationId: org, toType: fc.constant('project' as const), toId: fc.constantFrom('p1', 'p2') }),
    fc.record({ fromOrganisationId: org, toType: fc.constant('organisation' as const), toId: org }),
  ),
  { maxLength: 4 },
);

describe('recusal properties', () => {
  it('adding an affiliation never removes a conflict', () => {
    fc.assert(
      fc.property(judgeArb, appArb, linkArb, org, (judge, application, links, extra) => {
        const before = findConflicts(judge, application, links);
        const after = findConflicts({ ...judge, affiliations: [...judge.affiliations, { organisationId: extra, role: '新职务' }] }, application, links);
        for (const c of before) expect(after).toContainEqual(c);
      }),
    );
  });

  it('no shared organisation and no investment link means no conflict', () => {
    fc.assert(
      fc.property(judgeArb, appArb, linkArb, (judge, application, links) => {
        const mine = new Set([...judge.affiliations.map((a) => a.organisationId), ...judge.representativeOf]);
        const theirs = [application.organisationId, application.projectOwnerOrganisationId].filter((o): o is string => o !== null);
        const shared = theirs.some((o) => mine.has(o));
        const invested = links.some((l) => mine.has(l.fromOrganisationId) && ((l.toType === 'project' && l.toId === application.projectId) || (l.toType === 'organisation' && theirs.includes(l.toId))));
        expect(findConflicts(judge, application, links).length > 0).toBe(shared || invested);
      }),
    );
  });

  it('every conflict names an organisation of the judge', () => {
    fc.assert(
      fc.property(judgeArb, appArb, linkArb, (judge, application, links) => {
        const mine = new Set([...judge.affiliations.map((a) => a.organisationId), ...judge.representativeOf]);
        for (const c of findConflicts(judge, application, links)) expect(mine.has(c.kind === 'investor' ? c.investorOrganisationId : c.organisationId)).toBe(true);
      }),
    );
  });
});
