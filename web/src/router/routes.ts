import {
  mdiBookOpenPageVariant,
  mdiBrain,
  mdiBug,
  mdiChartLine,
  mdiDatabaseSearch,
  mdiDatabaseImport,
  mdiFileChart,
  mdiGavel,
  mdiSitemap,
  mdiStarShooting,
  mdiTestTube,
} from '@mdi/js';
import type { RouteRecordRaw } from 'vue-router';
import NotFoundView from '../components/NotFoundView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** The locale key of the page title (document title and header). */
    titleKey: string;
    /** Present for pages listed in the navigation drawer. */
    navIcon?: string;
  }
}

export const homePath = '/golden-path';

// Paths avoid /metrics, /health, /docs and /api, which the server answers itself on reload.
// Components are lazy so each page is its own chunk and the shell paints first.
export const routes: RouteRecordRaw[] = [
  {
    name: 'ingestion',
    path: '/ingestion',
    meta: { titleKey: 'nav.ingestion', navIcon: mdiDatabaseImport },
    component: () => import('../features/ingestion/views/IngestionView.vue'),
  },
  {
    name: 'explorer',
    path: '/explorer',
    meta: { titleKey: 'nav.explorer', navIcon: mdiDatabaseSearch },
    component: () => import('../features/explorer/views/ExplorerView.vue'),
  },
  {
    name: 'decisions',
    path: '/decisions',
    meta: { titleKey: 'nav.decisions', navIcon: mdiGavel },
    component: () => import('../features/decisions/views/DecisionsView.vue'),
  },
  {
    name: 'golden-path',
    path: homePath,
    // The root shows the home page without rewriting the address.
    alias: '/',
    meta: { titleKey: 'nav.golden-path', navIcon: mdiStarShooting },
    component: () => import('../features/golden-path/views/GoldenPathView.vue'),
  },
  {
    name: 'prediction',
    path: '/prediction',
    meta: { titleKey: 'nav.prediction', navIcon: mdiBrain },
    component: () => import('../features/prediction/views/PredictionView.vue'),
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
    name: 'metrics',
    path: '/metrics-overview',
    meta: { titleKey: 'nav.metrics', navIcon: mdiChartLine },
    component: () => import('../features/metrics/views/MetricsView.vue'),
  },
  {
    name: 'reports',
    path: '/reports',
    meta: { titleKey: 'nav.reports', navIcon: mdiFileChart },
    component: () => import('../features/reports/views/ReportsView.vue'),
  },
  {
    name: 'debug',
    path: '/debug',
    meta: { titleKey: 'nav.debug', navIcon: mdiBug },
    component: () => import('../features/debug/views/DebugView.vue'),
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
  { name: 'not-found', path: '/:pathMatch(.*)*', meta: { titleKey: 'notFound.title' }, component: NotFoundView },
];

/** The pages of the navigation drawer, in order. */
export const navRoutes = routes.filter((route) => route.meta?.navIcon) as (RouteRecordRaw & {
  name: string;
  path: string;
  meta: { titleKey: string; navIcon: string };
})[];
