// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import RetentionPolicies from '../../../../web/src/features/governance/components/RetentionPolicies.vue';
import { useSettingsStore } from '../../../../web/src/features/settings/settings.store';
import { mountWithApp } from '../../mountApp';

const fetchMock = vi.fn<typeof fetch>();

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const CLASSES = ['raw_readings', 'minute_aggregates', 'hour_aggregates', 'events', 'predictions', 'notifications', 'reports'];
const policies = (overrides: Record<string, unknown> = {}) =>
  CLASSES.map((c, i) => ({
    data_class: c,
    retain_days: (i + 1) * 30,
    source: 'default',
    updated_at: null,
    updated_by: null,
    ...(c === 'raw_readings' ? overrides : {}),
  }));

describe('RetentionPolicies', () => {
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    useSettingsStore().apiKey = 'sm_test_key';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows every data class with its days and where the value comes from, in Portuguese too', async () => {
    fetchMock.mockResolvedValue(
      json(
        200,
        policies({
          retain_days: 14,
          source: 'set',
          updated_at: '2026-03-01T12:00:00Z',
          updated_by: { kind: 'api_key', key_id: '00000000-0000-4000-8000-000000000001', key_name: 'steward' },
        }),
      ),
    );
    const wrapper = mountWithApp(RetentionPolicies, { locale: 'pt-BR', timeZone: 'UTC' });
    await flushPromises();
    const raw = wrapper.get('[data-testid="retention-raw_readings"]');
    expect(raw.text()).toContain('Leituras brutas');
    expect(raw.text()).toContain('steward');
    expect((raw.get('input').element as HTMLInputElement).value).toBe('14');
    expect(wrapper.get('[data-testid="retention-reports"]').text()).toContain('Padrão da configuração');
    expect(wrapper.findAll('tbody tr')).toHaveLength(7);
  });

  it('sends only the changed classes and shows the saved policies', async () => {
    fetchMock.mockResolvedValueOnce(json(200, policies()));
    const wrapper = mountWithApp(RetentionPolicies);
    await flushPromises();
    expect(wrapper.get('[data-testid="retention-save"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="retention-days-events"] input').setValue('400');
    fetchMock.mockResolvedValueOnce(json(200, policies()));
    await wrapper.get('[data-testid="retention-save"]').trigger('click');
    await flushPromises();
    const request = fetchMock.mock.calls[1]![0] as Request;
    expect(request.method).toBe('PUT');
    expect(new URL(request.url).pathname).toBe('/api/v1/governance/retention');
    expect(await request.json()).toEqual({ events: 400 });
    expect(wrapper.find('[data-testid="retention-saved"]').exists()).toBe(true);
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });

  it('shows the server’s field errors when a value is refused', async () => {
    fetchMock.mockResolvedValueOnce(json(200, policies()));
    const wrapper = mountWithApp(RetentionPolicies);
    await flushPromises();
    await wrapper.get('[data-testid="retention-days-minute_aggregates"] input').setValue('1');
    fetchMock.mockResolvedValueOnce(
      json(
        422,
        {
          type: 'about:blank',
          title: 'The policies contradict each other',
          status: 422,
          code: 'validation_failed',
          errors: [{ field: 'body.minute_aggregates', message: 'must be at least raw_readings' }],
        },
        'application/problem+json',
      ),
    );
    await wrapper.get('[data-testid="retention-save"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="error-alert"]').text()).toContain('body.minute_aggregates');
    expect(wrapper.find('[data-testid="retention-saved"]').exists()).toBe(false);
    expect(wrapper.emitted('saved')).toBeUndefined();
  });
});
