import { NotFoundResult } from '../../components/States';

/** Being built this session (issue 7); replaced by the capability's page. */
export function BriefDetailPage() {
  return <NotFoundResult />;
}
