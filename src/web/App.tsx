import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, setUnauthenticatedHandler } from './services/api';
import { AppLayout } from './components/AppLayout';
import { CommunityScope, RequirePermission } from './components/CommunityScope';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LoadError, NotFoundResult, PageSkeleton, ForbiddenResult } from './components/States';
import { isLanguage } from './i18n';
import { LAST_COMMUNITY_KEY } from './lib/community';
import { clearSession, useSession } from './lib/session';
import { AccountPage } from './pages/Account';
import { AdminCommunitiesPage } from './pages/AdminCommunities';
import { AdminOutboxPage } from './pages/AdminOutbox';
import { AuditPage } from './pages/Audit';
import { CommunityHomePage } from './pages/CommunityHome';
import { DirectorySearchPage } from './pages/directory/DirectorySearch';
import { ImportWizardPage } from './pages/directory/ImportWizard';
import { OrganisationProfilePage } from './pages/directory/OrganisationProfile';
import { PersonProfilePage } from './pages/directory/PersonProfile';
import { ProjectProfilePage } from './pages/directory/ProjectProfile';
import { LifecycleBoardPage } from './pages/lifecycle/LifecycleBoard';
import { PipelinesPage } from './pages/pipelines/Pipelines';
import { PipelineBoardPage } from './pages/pipelines/PipelineBoard';
import { PipelineSettingsPage } from './pages/pipelines/PipelineSettings';
import { PipelineConversionPage } from './pages/pipelines/PipelineConversion';
import { ReferralsPage } from './pages/referrals/Referrals';
import { LandingPage } from './pages/landing/Landing';
import { CompanyFiguresPage } from './pages/landing/CompanyFigures';
import { AgreementsPage } from './pages/agreements/Agreements';
import { AgreementDetailPage } from './pages/agreements/AgreementDetail';
import { AgreementTotalsPage } from './pages/agreements/AgreementTotals';
import { EventsPage } from './pages/events/Events';
import { EventNewPage } from './pages/events/EventNew';
import { EventManagePage } from './pages/events/EventManage';
import { CheckInPage } from './pages/events/CheckIn';
import { PublicEventPage } from './pages/events/PublicEvent';
import { MyRegistrationPage } from './pages/events/MyRegistration';
import { MyRegistrationsPage } from './pages/events/MyRegistrations';
import { ApplyPage } from './pages/events/Apply';
import { MyApplicationPage } from './pages/events/MyApplication';
import { MyApplicationsPage } from './pages/events/MyApplications';
import { JudgeHomePage } from './pages/judging/JudgeHome';
import { MyPartneringPage } from './pages/partnering/MyPartnering';
import { PartneringPage } from './pages/partnering/Partnering';
import { PartneringManagePage } from './pages/partnering/PartneringManage';
import { JudgeRoundPage } from './pages/judging/JudgeRound';
import { ScoreSheetPage } from './pages/judging/ScoreSheet';
import { ForgotPasswordPage } from './pages/ForgotPassword';
import { InvitePage } from './pages/Invite';
import { MembersPage } from './pages/Members';
import { NoCommunitiesPage } from './pages/NoCommunities';
import { NotFoundPage } from './pages/NotFound';
import { ResetPasswordPage } from './pages/ResetPassword';
import { SettingsPage } from './pages/Settings';
import { BriefsPage } from './pages/briefs/Briefs';
import { BriefEditPage } from './pages/briefs/BriefEdit';
import { BriefDetailPage } from './pages/briefs/BriefDetail';
import { ChallengesPage } from './pages/challenges/Challenges';
import { ChallengeEditPage } from './pages/challenges/ChallengeEdit';
import { ChallengeDetailPage } from './pages/challenges/ChallengeDetail';
import { AnswerDetailPage } from './pages/challenges/AnswerDetail';
import { MyAnswersPage } from './pages/challenges/MyAnswers';
import { MatchesPage } from './pages/matching/Matches';
import { MatchExplanationPage } from './pages/matching/MatchExplanation';
import { SuggestionsPage } from './pages/matching/Suggestions';
import { AdminMatchingPage } from './pages/matching/AdminMatching';
import { AdminThesaurusPage } from './pages/thesaurus/AdminThesaurus';
import { SignInPage } from './pages/SignIn';
import { theme } from './theme';

const ANTD_LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS } as const;

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

// Event pages are public: a visitor registers or applies without an account (/e), and manages
// a registration (/r) or an application (/a) through the link e-mailed to them.
const PUBLIC_PATHS = ['/sign-in', '/forgot-password', '/reset-password', '/invite', '/e', '/r', '/a'];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** Sends the browser to sign-in when any API call answers 401, remembering where it was. */
function UnauthenticatedRedirect() {
  const navigate = useNavigate();
  const client = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      const { pathname, search } = window.location;
      if (isPublicPath(pathname)) return;
      clearSession(client);
      void navigate(`/sign-in?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, [navigate, client]);
  return null;
}

/** A signed-in user's saved language wins over the browser's, once per sign-in. */
function SessionLanguageSync() {
  const session = useSession();
  const { i18n } = useTranslation();
  const synced = useRef<string | null>(null);
  const user = session.data?.user;
  useEffect(() => {
    if (!user) {
      synced.current = null;
      return;
    }
    if (synced.current === user.id) return;
    synced.current = user.id;
    if (isLanguage(user.locale) && user.locale !== i18n.language) void i18n.changeLanguage(user.locale);
  }, [user, i18n]);
  return null;
}

function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageSkeleton />;
  if (session.error) return <LoadError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data.user) {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return <AppLayout />;
}

function RequirePlatformAdmin({ children }: { children: React.ReactNode }) {
  const session = useSession();
  if (!session.data?.user?.isPlatformAdmin) return <ForbiddenResult />;
  return <>{children}</>;
}

function HomeRedirect() {
  const session = useSession();
  const communities = session.data?.communities ?? [];
  let last: string | null = null;
  try {
    last = localStorage.getItem(LAST_COMMUNITY_KEY);
  } catch {
    last = null;
  }
  const target = communities.find((c) => c.slug === last) ?? communities[0];
  if (target) return <Navigate to={`/c/${target.slug}`} replace />;
  return <NoCommunitiesPage />;
}

/** Unknown addresses: inside the app frame when signed in, on their own otherwise. */
function CatchAll() {
  const session = useSession();
  if (session.isPending) return <PageSkeleton />;
  if (session.data?.user) {
    return (
      <AppLayout>
        <NotFoundResult />
      </AppLayout>
    );
  }
  return <NotFoundPage />;
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
      <Route path="/invite/:token" element={<InvitePage />} />
      <Route path="/e/:eventId" element={<PublicEventPage />} />
      <Route path="/e/:eventId/apply" element={<ApplyPage />} />
      <Route path="/r/:token" element={<MyRegistrationPage />} />
      <Route path="/a/:token" element={<MyApplicationPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<HomeRedirect />} />
        <Route path="c/:slug" element={<CommunityScope />}>
          <Route index element={<CommunityHomePage />} />
          <Route
            path="members"
            element={
              <RequirePermission action="members.read">
                <MembersPage />
              </RequirePermission>
            }
          />
          <Route path="directory" element={<DirectorySearchPage />} />
          <Route
            path="directory/import"
            element={
              <RequirePermission action="directory.import">
                <ImportWizardPage />
              </RequirePermission>
            }
          />
          <Route path="directory/organisations/:organisationId" element={<OrganisationProfilePage />} />
          <Route path="directory/people/:personId" element={<PersonProfilePage />} />
          <Route path="directory/projects/:projectId" element={<ProjectProfilePage />} />
          <Route
            path="lifecycle"
            element={
              <RequirePermission action="pipeline.read">
                <LifecycleBoardPage />
              </RequirePermission>
            }
          />
          <Route
            path="pipelines"
            element={
              <RequirePermission action="pipeline.read">
                <PipelinesPage />
              </RequirePermission>
            }
          />
          <Route
            path="pipelines/:pipelineId"
            element={
              <RequirePermission action="pipeline.read">
                <PipelineBoardPage />
              </RequirePermission>
            }
          />
          <Route
            path="pipelines/:pipelineId/settings"
            element={
              <RequirePermission action="pipeline.configure">
                <PipelineSettingsPage />
              </RequirePermission>
            }
          />
          <Route
            path="pipelines/:pipelineId/conversion"
            element={
              <RequirePermission action="pipeline.read">
                <PipelineConversionPage />
              </RequirePermission>
            }
          />
          <Route
            path="referrals"
            element={
              <RequirePermission action="pipeline.read">
                <ReferralsPage />
              </RequirePermission>
            }
          />
          <Route
            path="landing"
            element={
              <RequirePermission action="landing.read">
                <LandingPage />
              </RequirePermission>
            }
          />
          {/* A resident company enters its own figures: the service decides who may. */}
          <Route path="companies/:organisationId/figures" element={<CompanyFiguresPage />} />
          <Route
            path="agreements"
            element={
              <RequirePermission action="agreements.read">
                <AgreementsPage />
              </RequirePermission>
            }
          />
          <Route
            path="agreements/totals"
            element={
              <RequirePermission action="agreements.read">
                <AgreementTotalsPage />
              </RequirePermission>
            }
          />
          <Route
            path="agreements/:agreementId"
            element={
              <RequirePermission action="agreements.read">
                <AgreementDetailPage />
              </RequirePermission>
            }
          />
          <Route path="events" element={<EventsPage />} />
          <Route
            path="events/new"
            element={
              <RequirePermission action="events.manage">
                <EventNewPage />
              </RequirePermission>
            }
          />
          <Route path="events/:eventId" element={<EventManagePage />} />
          <Route
            path="events/:eventId/partnering"
            element={
              <RequirePermission action="events.manage">
                <PartneringManagePage />
              </RequirePermission>
            }
          />
          <Route
            path="events/:eventId/check-in"
            element={
              <RequirePermission action="events.manage">
                <CheckInPage />
              </RequirePermission>
            }
          />
          <Route
            path="audit"
            element={
              <RequirePermission action="audit.read">
                <AuditPage />
              </RequirePermission>
            }
          />
          <Route
            path="settings"
            element={
              <RequirePermission action="community.update">
                <SettingsPage />
              </RequirePermission>
            }
          />
          <Route path="*" element={<NotFoundResult />} />
        </Route>
        <Route path="account" element={<AccountPage />} />
        <Route path="me/registrations" element={<MyRegistrationsPage />} />
        <Route path="me/applications" element={<MyApplicationsPage />} />
        <Route path="me/partnering" element={<MyPartneringPage />} />
        <Route path="partnering/:eventId" element={<PartneringPage />} />
        <Route path="judging" element={<JudgeHomePage />} />
        <Route path="judging/:roundId" element={<JudgeRoundPage />} />
        <Route path="judging/:roundId/:applicationId" element={<ScoreSheetPage />} />
        <Route path="briefs" element={<BriefsPage />} />
        <Route path="briefs/new" element={<BriefEditPage />} />
        <Route path="briefs/:briefId" element={<BriefDetailPage />} />
        <Route path="briefs/:briefId/edit" element={<BriefEditPage />} />
        <Route path="challenges" element={<ChallengesPage />} />
        <Route path="challenges/new" element={<ChallengeEditPage />} />
        <Route path="challenges/:challengeId" element={<ChallengeDetailPage />} />
        <Route path="challenges/:challengeId/edit" element={<ChallengeEditPage />} />
        <Route path="challenges/:challengeId/answers/:answerId" element={<AnswerDetailPage />} />
        <Route path="me/answers" element={<MyAnswersPage />} />
        <Route path="suggestions" element={<SuggestionsPage />} />
        <Route path="matches/:subjectType/:subjectId" element={<MatchesPage />} />
        <Route path="matches/:subjectType/:subjectId/:candidateType/:candidateId" element={<MatchExplanationPage />} />
        <Route
          path="admin/thesaurus"
          element={
            <RequirePlatformAdmin>
              <AdminThesaurusPage />
            </RequirePlatformAdmin>
          }
        />
        <Route
          path="admin/matching"
          element={
            <RequirePlatformAdmin>
              <AdminMatchingPage />
            </RequirePlatformAdmin>
          }
        />
        <Route
          path="admin/communities"
          element={
            <RequirePlatformAdmin>
              <AdminCommunitiesPage />
            </RequirePlatformAdmin>
          }
        />
        <Route
          path="admin/outbox"
          element={
            <RequirePlatformAdmin>
              <AdminOutboxPage />
            </RequirePlatformAdmin>
          }
        />
      </Route>
      <Route path="*" element={<CatchAll />} />
    </Routes>
  );
}

function Providers() {
  const { i18n } = useTranslation();
  const locale = isLanguage(i18n.language) ? ANTD_LOCALES[i18n.language] : zhCN;
  return (
    <ConfigProvider locale={locale} theme={theme}>
      <AntApp>
        <ErrorBoundary>
          <BrowserRouter>
            <UnauthenticatedRedirect />
            <SessionLanguageSync />
            <AppRoutes />
          </BrowserRouter>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  return (
    <QueryClientProvider client={queryClient}>
      <Providers />
    </QueryClientProvider>
  );
}
