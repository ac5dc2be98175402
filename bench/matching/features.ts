/**
 * What the engine sees of the generated ecosystem: MatchFeatures built from the observed fields
 * and the VISIBLE links only (portfolio from visible investor_of links, linkedIds = visible links,
 * partnerships from visible licences). Hidden links never reach a feature.
 */
import { emptyFeatures, type MatchFeatures } from '../../src/domain/matching/types';
import { fold } from '../../src/domain/text/fold';
import { tokenise } from '../../src/domain/text/tokenise';
import type { Ecosystem, Link } from './ecosystem';


function base(type: MatchFeatures['type'], id: string, role: MatchFeatures['roles'][number], text: string): MatchFeatures {
  return { ...emptyFeatures(type, id), roles: [role], tokens: [...new Set(tokenise(text))], text: fold(text) };
}

export interface EcoFeatures {
  projects: MatchFeatures[];
  investors: MatchFeatures[];
  parks: MatchFeatures[];
  companies: MatchFeatures[];
  briefs: MatchFeatures[];
  byId: Map<string, MatchFeatures>;
}

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildFeatures(eco: Ecosystem, visible: readonly Link[]): EcoFeatures {
  const linked = new Map<string, string[]>();
  for (const l of visible) {
    push(linked, l.from, l.to);
    push(linked, l.to, l.from);
  }
  const projectById = new Map(eco.projects.map((p) => [p.id, p]));
  const licensed = new Set(visible.filter((l) => l.relation === 'licensee_of').map((l) => l.from));

  const projects = eco.projects.map((p) => ({
    ...base('project', p.id, 'project', p.text),
    segments: [p.segment],
    stages: [p.stage],
    province: p.province,
    fundingSoughtFen: p.fundingSoughtFen,
    milestones: p.milestones,
    linkedIds: linked.get(p.id) ?? [],
  }));
  const investors = eco.investors.map((inv) => {
    const portfolio = (linked.get(inv.id) ?? []).map((id) => projectById.get(id)).filter((p) => p !== undefined);
    return {
      ...base('organisation', inv.id, 'investor', inv.text),
      segments: inv.segments,
      stages: inv.stages,
      province: inv.province,
      regions: inv.regions,
      ticketMinFen: inv.ticketMinFen,
      ticketMaxFen: inv.ticketMaxFen,
      portfolioSegments: [...new Set(portfolio.map((p) => p.segment))],
      portfolioStages: [...new Set(portfolio.map((p) => p.stage))],
      linkedIds: linked.get(inv.id) ?? [],
    };
  });
  const parks = eco.parks.map((park) => {
    // As the server does: the segments of the park's residents (visible resident_of links) are its cluster.
    const residents = (linked.get(park.id) ?? []).map((id) => projectById.get(id)).filter((p) => p !== undefined);
    return {
      ...base('community', park.id, 'park', park.text),
      segments: park.segments,
      stages: park.stages,
      province: park.province,
      regions: park.regions,
      milestones: park.requiredMilestones,
      freeAreaSqm: park.freeAreaSqm,
      portfolioSegments: [...new Set(residents.map((p) => p.segment))],
      linkedIds: linked.get(park.id) ?? [],
    };
  });
  const companies = eco.companies.map((c) => ({
    ...base('organisation', c.id, 'company', c.text),
    segments: c.segments,
    province: c.province,
    partnerships: [...new Set([...(licensed.has(c.id) ? ['licensing'] : []), ...c.statedPartnerships])],
    linkedIds: linked.get(c.id) ?? [],
  }));
  const briefs = eco.briefs.map((b) => ({
    ...base('brief', b.id, 'brief', b.text),
    segments: b.segments,
    province: b.province,
    partnerships: b.partnerships,
    linkedIds: linked.get(b.id) ?? [],
  }));
  const byId = new Map<string, MatchFeatures>();
  for (const f of [...projects, ...investors, ...parks, ...companies, ...briefs]) byId.set(f.id, f);
  return { projects, investors, parks, companies, briefs, byId };
}
