import type { Component } from 'vue';
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

export interface RouteDef {
  name: string;
  path: string;
  /** Lazy so each page is its own chunk and the shell paints first. */
  component: () => Promise<{ default: Component }>;
  /** Present for pages listed in the navigation drawer; `nav.<name>` is the label key. */
  icon?: string;
}

// Paths avoid /metrics, /health and /api, which the server answers itself on reload.
export const routes: RouteDef[] = [
  {
    name: 'ingestion',
    path: '/ingestion',
    icon: mdiDatabaseImport,
    component: () => import('../features/ingestion/views/IngestionView.vue'),
  },
  { name: 'explorer', path: '/explorer', icon: mdiDatabaseSearch, component: () => import('../features/explorer/views/ExplorerView.vue') },
  { name: 'decisions', path: '/decisions', icon: mdiGavel, component: () => import('../features/decisions/views/DecisionsView.vue') },
  {
    name: 'golden-path',
    path: '/golden-path',
    icon: mdiStarShooting,
    component: () => import('../features/golden-path/views/GoldenPathView.vue'),
  },
  { name: 'prediction', path: '/prediction', icon: mdiBrain, component: () => import('../features/prediction/views/PredictionView.vue') },
  { name: 'models', path: '/models', icon: mdiBookOpenPageVariant, component: () => import('../features/models/views/ModelsView.vue') },
  {
    name: 'simulation',
    path: '/simulation',
    icon: mdiTestTube,
    component: () => import('../features/simulation/views/SimulationView.vue'),
  },
  { name: 'metrics', path: '/metrics-overview', icon: mdiChartLine, component: () => import('../features/metrics/views/MetricsView.vue') },
  { name: 'reports', path: '/reports', icon: mdiFileChart, component: () => import('../features/reports/views/ReportsView.vue') },
  { name: 'debug', path: '/debug', icon: mdiBug, component: () => import('../features/debug/views/DebugView.vue') },
  { name: 'workflows', path: '/workflows', icon: mdiSitemap, component: () => import('../features/workflows/views/WorkflowsView.vue') },
  { name: 'workflow-detail', path: '/workflows/:id', component: () => import('../features/workflows/views/WorkflowDetailView.vue') },
];

export const homePath = '/golden-path';
