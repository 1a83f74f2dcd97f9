import {
  mdiAccountGroup,
  mdiAlarmLight,
  mdiBookOpenPageVariant,
  mdiBrain,
  mdiBug,
  mdiChartLine,
  mdiClipboardListOutline,
  mdiDatabaseSearch,
  mdiDatabaseImport,
  mdiFactory,
  mdiFileChart,
  mdiGavel,
  mdiLanConnect,
  mdiShieldLockOutline,
  mdiSitemap,
  mdiStarShooting,
  mdiTestTube,
  mdiViewDashboard,
} from '@mdi/js';
import type { RouteRecordRaw } from 'vue-router';
import NotFoundView from '../components/NotFoundView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** The locale key of the page title (document title and header). */
    titleKey: string;
    /** Present for pages listed in the navigation drawer. */
    navIcon?: string;
    /** 'tools': listed under Tools, for administrators (ingestion by hand, debugging). */
    navGroup?: 'tools';
  }
}

export const homePath = '/';

// Paths avoid /metrics, /health, /docs and /api, which the server answers itself on reload.
// Components are lazy so each page is its own chunk and the shell paints first.
export const routes: RouteRecordRaw[] = [
  {
    name: 'overview',
    path: homePath,
    meta: { titleKey: 'nav.overview', navIcon: mdiViewDashboard },
    component: () => import('../features/overview/views/OverviewView.vue'),
  },
  {
    name: 'decisions',
    path: '/decisions',
    meta: { titleKey: 'nav.decisions', navIcon: mdiGavel },
    component: () => import('../features/decisions/views/DecisionsView.vue'),
  },
  {
    name: 'alarms',
    path: '/alarms',
    meta: { titleKey: 'nav.alarms', navIcon: mdiAlarmLight },
    component: () => import('../features/alarms/views/AlarmsView.vue'),
  },
  {
    name: 'work-orders',
    path: '/work-orders',
    meta: { titleKey: 'nav.work-orders', navIcon: mdiClipboardListOutline },
    component: () => import('../features/work-orders/views/WorkOrdersView.vue'),
  },
  {
    name: 'work-order',
    path: '/work-orders/:id',
    props: true,
    meta: { titleKey: 'workOrders.detailTitle' },
    component: () => import('../features/work-orders/views/WorkOrderDetailView.vue'),
  },
  {
    name: 'assets',
    path: '/assets',
    meta: { titleKey: 'nav.assets', navIcon: mdiFactory },
    component: () => import('../features/assets/views/AssetsView.vue'),
  },
  {
    name: 'asset-detail',
    path: '/assets/:id',
    props: true,
    meta: { titleKey: 'nav.asset-detail' },
    component: () => import('../features/assets/views/AssetDetailView.vue'),
  },
  {
    name: 'golden-path',
    path: '/golden-path',
    meta: { titleKey: 'nav.golden-path', navIcon: mdiStarShooting },
    component: () => import('../features/golden-path/views/GoldenPathView.vue'),
  },
  {
    name: 'golden-path-run',
    path: '/golden-path/:correlationId',
    props: true,
    meta: { titleKey: 'nav.golden-path' },
    component: () => import('../features/golden-path/views/GoldenPathView.vue'),
  },
  {
    name: 'explorer',
    path: '/explorer',
    meta: { titleKey: 'nav.explorer', navIcon: mdiDatabaseSearch },
    component: () => import('../features/explorer/views/ExplorerView.vue'),
  },
  {
    name: 'prediction',
    path: '/prediction',
    meta: { titleKey: 'nav.prediction', navIcon: mdiBrain },
    component: () => import('../features/prediction/views/PredictionView.vue'),
  },
  {
    name: 'reports',
    path: '/reports',
    meta: { titleKey: 'nav.reports', navIcon: mdiFileChart },
    component: () => import('../features/reports/views/ReportsView.vue'),
  },
  {
    name: 'models',
    path: '/models',
    meta: { titleKey: 'nav.models', navIcon: mdiBookOpenPageVariant },
    component: () => import('../features/models/views/ModelsView.vue'),
  },
  {
    name: 'simulation',
    path: '/simulation',
    meta: { titleKey: 'nav.simulation', navIcon: mdiTestTube },
    component: () => import('../features/simulation/views/SimulationView.vue'),
  },
  {
    name: 'workflows',
    path: '/workflows',
    meta: { titleKey: 'nav.workflows', navIcon: mdiSitemap },
    component: () => import('../features/workflows/views/WorkflowsView.vue'),
  },
  {
    name: 'workflow-detail',
    path: '/workflows/:id',
    props: true,
    meta: { titleKey: 'nav.workflow-detail' },
    component: () => import('../features/workflows/views/WorkflowDetailView.vue'),
  },
  {
    name: 'lineage',
    path: '/lineage/:kind(order|decision|prediction|report|alarm)/:id',
    props: true,
    meta: { titleKey: 'lineage.title' },
    component: () => import('../features/lineage/views/LineageView.vue'),
  },
  {
    name: 'metrics',
    path: '/metrics-overview',
    meta: { titleKey: 'nav.metrics', navIcon: mdiChartLine },
    component: () => import('../features/metrics/views/MetricsView.vue'),
  },
  {
    name: 'ingestion',
    path: '/ingestion',
    meta: { titleKey: 'nav.ingestion', navGroup: 'tools', navIcon: mdiDatabaseImport },
    component: () => import('../features/ingestion/views/IngestionView.vue'),
  },
  {
    name: 'connections',
    path: '/connections',
    meta: { titleKey: 'nav.connections', navGroup: 'tools', navIcon: mdiLanConnect },
    component: () => import('../features/connections/views/ConnectionsView.vue'),
  },
  {
    name: 'users',
    path: '/users',
    meta: { titleKey: 'nav.users', navGroup: 'tools', navIcon: mdiAccountGroup },
    component: () => import('../features/users/views/UsersView.vue'),
  },
  {
    name: 'governance',
    path: '/governance',
    meta: { titleKey: 'nav.governance', navGroup: 'tools', navIcon: mdiShieldLockOutline },
    component: () => import('../features/governance/views/GovernanceView.vue'),
  },
  {
    name: 'debug',
    path: '/debug',
    meta: { titleKey: 'nav.debug', navGroup: 'tools', navIcon: mdiBug },
    component: () => import('../features/debug/views/DebugView.vue'),
  },
  {
    name: 'prediction-detail',
    path: '/predictions/:id',
    props: true,
    meta: { titleKey: 'predictionDetail.title' },
    component: () => import('../features/prediction/views/PredictionDetailView.vue'),
  },
  {
    name: 'report',
    path: '/reports/:id',
    props: true,
    meta: { titleKey: 'reportLibrary.detailTitle' },
    component: () => import('../features/reports/views/ReportDetailView.vue'),
  },
  {
    name: 'sign-in',
    path: '/sign-in',
    meta: { titleKey: 'auth.signInTitle' },
    component: () => import('../features/auth/views/SignInView.vue'),
  },
  { name: 'not-found', path: '/:pathMatch(.*)*', meta: { titleKey: 'notFound.title' }, component: NotFoundView },
];

/** The pages of the navigation drawer, in task order (what needs a person first, tools last). */
export const navRoutes = routes.filter((route) => route.meta?.navIcon) as (RouteRecordRaw & {
  name: string;
  path: string;
  meta: { titleKey: string; navIcon: string; navGroup?: 'tools' };
})[];
