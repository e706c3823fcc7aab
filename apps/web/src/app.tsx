import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from './api/query-client.ts';
import { AppShell } from './components/layout/app-shell.tsx';
import { Require } from './components/ui/require.tsx';
import { AuditPage } from './pages/audit-page.tsx';
import { BlacklistPage } from './pages/blacklist-page.tsx';
import { DistrictPage } from './pages/district-page.tsx';
import { GatewayPage } from './pages/gateway-page.tsx';
import { HiringCheckPage } from './pages/hiring-check-page.tsx';
import { NoticesPage } from './pages/notices-page.tsx';
import { KindergartenPage } from './pages/kindergarten-page.tsx';
import { LiveCameraPage } from './pages/live-camera-page.tsx';
import { LiveGridPage } from './pages/live-grid-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { OverviewPage } from './pages/overview-page.tsx';
import { PasswordPage } from './pages/password-page.tsx';
import { PlaybackPage } from './pages/playback-page.tsx';
import { AreaPlaybackPage } from './pages/area-playback-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { StaffDashboardPage } from './pages/staff-dashboard-page.tsx';
import { StaffImportPage } from './pages/staff-import-page.tsx';
import { StaffPage } from './pages/staff-page.tsx';
import { UsersPage } from './pages/users-page.tsx';
import { FloorPlanPage } from './pages/floor-plan-page.tsx';
import { ComplianceReportPage } from './pages/compliance-report-page.tsx';
import { DistrictCompliancePage } from './pages/district-compliance-page.tsx';
import { KindergartenProgrammePage } from './pages/kindergarten-programme-page.tsx';
import { ProgrammePage } from './pages/programme-page.tsx';
import { AlertsPage } from './pages/alerts-page.tsx';
import { AlertPage } from './pages/alert-page.tsx';
import { GalleryPage } from './pages/gallery-page.tsx';
import { HealthPage } from './pages/health-page.tsx';
import { StoragePage } from './pages/storage-page.tsx';
import { WorkOrdersPage } from './pages/work-orders-page.tsx';
import { RequestPage } from './pages/request-page.tsx';
import { RequestsPage } from './pages/requests-page.tsx';
import { PoliceCasesPage } from './pages/police-cases-page.tsx';
import { ZoneEditorPage } from './pages/zone-editor-page.tsx';

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'districts/:id', element: <DistrictPage /> },
      { path: 'kindergartens/:id', element: <KindergartenPage /> },
      { path: 'kindergartens/:id/compliance', element: <ComplianceReportPage /> },
      { path: 'kindergartens/:id/programme', element: <KindergartenProgrammePage /> },
      { path: 'districts/:id/compliance', element: <DistrictCompliancePage /> },
      { path: 'floors/:floorId/plan', element: <FloorPlanPage /> },
      { path: 'programme', element: <ProgrammePage /> },
      {
        path: 'users',
        element: (
          <Require permission="readUsers">
            <UsersPage />
          </Require>
        ),
      },
      {
        path: 'audit',
        element: (
          <Require permission="readAudit">
            <AuditPage />
          </Require>
        ),
      },
      { path: 'staff', element: <StaffPage /> },
      { path: 'staff/:kindergartenId', element: <StaffPage /> },
      { path: 'staff/:kindergartenId/import', element: <StaffImportPage /> },
      { path: 'staff-dashboards', element: <StaffDashboardPage /> },
      { path: 'hiring-check', element: <HiringCheckPage /> },
      { path: 'notices', element: <NoticesPage /> },
      { path: 'blacklist', element: <BlacklistPage /> },
      { path: 'gateway', element: <GatewayPage /> },
      { path: 'video', element: <LiveGridPage /> },
      { path: 'video/cameras/:id', element: <LiveCameraPage /> },
      { path: 'video/cameras/:id/playback', element: <PlaybackPage /> },
      { path: 'video/areas/:id/playback', element: <AreaPlaybackPage /> },
      { path: 'password', element: <PasswordPage /> },
      { path: 'alerts', element: <AlertsPage /> },
      { path: 'alerts/:id', element: <AlertPage /> },
      { path: 'gallery', element: <GalleryPage /> },
      { path: 'kindergartens/:id/health', element: <HealthPage /> },
      { path: 'kindergartens/:id/storage', element: <StoragePage /> },
      { path: 'work-orders', element: <WorkOrdersPage /> },
      { path: 'requests', element: <RequestsPage /> },
      { path: 'requests/:id', element: <RequestPage /> },
      { path: 'police-cases', element: <PoliceCasesPage /> },
      { path: 'video/cameras/:id/zones', element: <ZoneEditorPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const queryClient = createQueryClient();

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
