// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory } from 'vue-router';
import en from '../../../locales/en.json';
import ptBR from '../../../locales/pt-BR.json';
import GoldenPathOptionsForm from '../../../web/src/features/golden-path/components/GoldenPathOptionsForm.vue';
import DecisionsView from '../../../web/src/features/decisions/views/DecisionsView.vue';
import { useSettingsStore } from '../../../web/src/features/settings/settings.store';
import { createAppRouter } from '../../../web/src/plugins/router';
import { mountWithApp } from '../../web/mountApp';

/**
 * Issue #22, the decision gate on the dashboard: the Golden Path form offers an automatic decision
 * only when the server says DEMO_AUTO_DECISIONS is on, and the Decision Log shows who decided, as
 * authenticated, in both languages.
 */

const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json', ...headers } });
/**
 * Vuetify's number input asks the vue-i18n adapter for number parts, which the test i18n set-up
 * does not provide; this stand-in keeps what the test reads: the hint and the minimum.
 */
const NumberInputStub = defineComponent({
  props: { hint: String, min: Number },
  setup: (props) => () => h('div', { 'data-min': props.min }, props.hint),
});
/** Forms mounted by a test; unmounted after it, so no earlier form reacts to a later key change. */
const mounted: { unmount(): void }[] = [];
function mountForm(locale: 'en' | 'pt-BR' = 'en') {
  const wrapper = mountWithApp(GoldenPathOptionsForm, {
    props: { busy: false },
    locale,
    global: { stubs: { VNumberInput: NumberInputStub } },
  });
  mounted.push(wrapper);
  return wrapper;
}

const settings = (autoDecisions: boolean) => ({
  auto_decisions: autoDecisions,
  decision_timeout_min_seconds: 120,
  decision_timeout_policy: 'escalate',
});

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  useSettingsStore().apiKey = 'sm_test_key';
});
afterEach(() => {
  mounted.splice(0).forEach((w) => w.unmount());
  vi.unstubAllGlobals();
});

describe('Golden Path form: automatic decisions', () => {
  it('hides the automatic decision and never sends one while the server has it off', async () => {
    fetchMock.mockResolvedValue(json(settings(false)));
    const wrapper = mountForm();
    await flushPromises();
    expect(String((fetchMock.mock.calls[0]![0] as Request).url)).toContain('/api/v1/demo/settings');
    expect(wrapper.find('[data-testid="golden-path-auto-decision"]').exists()).toBe(false);
    const timeout = wrapper.get('[data-testid="golden-path-timeout"]');
    expect(timeout.text()).toContain('At least 120 seconds');
    expect(timeout.attributes('data-min')).toBe('120');

    await wrapper.get('form').trigger('submit');
    const [options] = wrapper.emitted('start')![0] as [{ auto_decision: unknown; decision_timeout_seconds: number }];
    expect(options.auto_decision).toBeNull();
    expect(options).not.toHaveProperty('timeout_policy');
    expect(options.decision_timeout_seconds).toBeGreaterThanOrEqual(120);
  });

  it.each([
    ['en', en.goldenPath.options.autoDecision],
    ['pt-BR', ptBR.goldenPath.options.autoDecision],
  ] as const)('offers it, translated (%s), when the server turned the demo setting on', async (locale, label) => {
    fetchMock.mockResolvedValue(json(settings(true)));
    const wrapper = mountForm(locale);
    await flushPromises();
    expect(wrapper.get('[data-testid="golden-path-auto-decision"]').text()).toContain(label);
  });

  it('asks nothing without an API key (the route needs one), and asks once a key is saved', async () => {
    useSettingsStore().apiKey = '';
    fetchMock.mockResolvedValue(json(settings(true)));
    const wrapper = mountForm();
    await flushPromises();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(wrapper.find('[data-testid="golden-path-auto-decision"]').exists()).toBe(false);
    useSettingsStore().apiKey = 'sm_new_key';
    await flushPromises();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="golden-path-auto-decision"]').exists()).toBe(true);
  });

  it('offers no automatic decision when the settings cannot be read', async () => {
    fetchMock.mockRejectedValue(new TypeError('network down'));
    const wrapper = mountForm();
    await flushPromises();
    expect(wrapper.find('[data-testid="golden-path-auto-decision"]').exists()).toBe(false);
  });
});

describe('Decision Log: who decided', () => {
  const row = (id: string, decidedBy: unknown) => ({
    id,
    request_id: `dr-${id}`,
    decision: 'approved',
    operator_id: 'says-anything',
    justification: 'checked on site',
    workflow_id: null,
    correlation_id: null,
    order_id: null,
    source: 'update',
    supersedes: null,
    superseded_by: null,
    decided_by: decidedBy,
    created_at: '2026-01-01T00:00:00Z',
  });

  it.each([
    ['en', en.fields.decidedBy, en.decisions.decidedBySystem],
    ['pt-BR', ptBR.fields.decidedBy, ptBR.decisions.decidedBySystem],
  ] as const)('shows the key name or the system beside the operator text (%s)', async (locale, header, system) => {
    fetchMock.mockResolvedValue(
      json(
        [
          row('1', { kind: 'api_key', key_id: '0b4f3c5e-8a7d-4c1e-9f2a-1d2e3f4a5b6c', key_name: 'shift-lead-key' }),
          row('2', { kind: 'system', key_id: null, key_name: null }),
        ],
        { 'X-Total-Count': '2' },
      ),
    );
    const router = createAppRouter(createMemoryHistory());
    const wrapper = mountWithApp(DecisionsView, { locale, global: { plugins: [router] } });
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.findAll('[data-testid="decision-decided-by"]')).toHaveLength(2);
    });
    expect(wrapper.get('[data-testid="decisions-table"]').text()).toContain(header);
    const cells = wrapper.findAll('[data-testid="decision-decided-by"]').map((c) => c.text());
    expect(cells).toEqual(['shift-lead-key', system]);
  });
});
