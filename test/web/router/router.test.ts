// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import NotFoundView from '../../../web/src/components/NotFoundView.vue';
import { createAppRouter } from '../../../web/src/plugins/router';
import { homePath, navRoutes } from '../../../web/src/router/routes';
import en from '../../../locales/en.json';
import ptBR from '../../../locales/pt-BR.json';
import { mountWithApp } from '../mountApp';

const router = () => createAppRouter(createMemoryHistory());

describe('dashboard router', () => {
  it('lists the pages in task order, the tools last, each titled by a key both locales have', () => {
    expect(navRoutes.map((r) => r.path)).toEqual([
      '/',
      '/decisions',
      '/alarms',
      '/work-orders',
      '/assets',
      '/golden-path',
      '/explorer',
      '/prediction',
      '/reports',
      '/models',
      '/simulation',
      '/workflows',
      '/metrics-overview',
      '/ingestion',
      '/connections',
      '/users',
      '/governance',
      '/debug',
    ]);
    expect(navRoutes.filter((r) => r.meta.navGroup === 'tools').map((r) => r.name)).toEqual([
      'ingestion',
      'connections',
      'users',
      'governance',
      'debug',
    ]);
    for (const entry of navRoutes) {
      const key = entry.meta.titleKey.replace(/^nav\./, '') as keyof typeof en.nav;
      expect(en.nav[key], entry.path).toBeTruthy();
      expect(ptBR.nav[key], entry.path).toBeTruthy();
    }
  });

  it('shows the overview at the root, and a Golden Path run at its own address', async () => {
    const r = router();
    await r.push('/');
    expect(r.currentRoute.value.name).toBe('overview');
    expect(r.resolve(homePath).name).toBe('overview');
    const run = r.resolve('/golden-path/0b6f2f4e-3c1a-4a53-9d59-1f0d7b0f9a11');
    expect(run.name).toBe('golden-path-run');
    expect(run.params.correlationId).toBe('0b6f2f4e-3c1a-4a53-9d59-1f0d7b0f9a11');
  });

  it('passes the workflow id of a deep link, dots and colons included, and keeps a trailing slash working', () => {
    const r = router();
    const detail = r.resolve('/workflows/report-system_health-2025-01-01T00:00:00.000Z');
    expect(detail.name).toBe('workflow-detail');
    expect(detail.params.id).toBe('report-system_health-2025-01-01T00:00:00.000Z');
    expect(r.resolve({ name: 'workflow-detail', params: { id: 'golden-path-1' } }).path).toBe('/workflows/golden-path-1');
    expect(r.resolve('/explorer/').name).toBe('explorer');
  });

  it('sends any other address to the not-found page, titled by its own key', () => {
    const r = router();
    const missing = r.resolve('/no/such/page');
    expect(missing.name).toBe('not-found');
    expect(missing.meta.titleKey).toBe('notFound.title');
    expect(r.resolve('/workflows/a/b').name).toBe('not-found');
  });
});

describe('NotFoundView', () => {
  it('explains the missing page in the chosen language and links home', async () => {
    const r = router();
    await r.push('/nowhere');
    const wrapper = mountWithApp(NotFoundView, { locale: 'pt-BR', global: { plugins: [r] } });
    await flushPromises();
    expect(wrapper.text()).toContain(ptBR.notFound.title);
    expect(wrapper.text()).toContain(ptBR.notFound.text);
    expect(wrapper.get('[data-testid="not-found-home"]').attributes('href')).toBe(homePath);
  });
});
