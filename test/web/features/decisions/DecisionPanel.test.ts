// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import DecisionPanel from '../../../../web/src/features/decisions/components/DecisionPanel.vue';
import { operatorId } from '../../../../web/src/features/decisions/decisions.store';
import { useSettingsStore } from '../../../../web/src/features/settings/settings.store';
import { mountWithApp } from '../../mountApp';

const fetchMock = vi.fn<typeof fetch>();

function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

async function fillAndClick(
  wrapper: ReturnType<typeof mountWithApp>,
  operator: string,
  justification: string,
  button: string,
): Promise<void> {
  await wrapper.get('[data-testid="decision-operator"] input').setValue(operator);
  await wrapper.get('[data-testid="decision-justification"] textarea').setValue(justification);
  await wrapper.get(`[data-testid="${button}"]`).trigger('click');
  await flushPromises();
}

describe('DecisionPanel', () => {
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    useSettingsStore().apiKey = 'sm_test_key';
    operatorId.value = '';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('offers Approve, Reject and Escalate', () => {
    const wrapper = mountWithApp(DecisionPanel, { props: { requestId: 'req-1' } });
    expect(wrapper.get('[data-testid="decision-approved"]').text()).toBe('Approve');
    expect(wrapper.get('[data-testid="decision-rejected"]').text()).toBe('Reject');
    expect(wrapper.get('[data-testid="decision-escalated"]').text()).toBe('Escalate');
  });

  it('submits the decision for the request with operator, justification, correlation id and the API key', async () => {
    const record = {
      id: '7',
      request_id: 'req-1',
      decision: 'approved',
      operator_id: 'op-42',
      justification: 'Bearing noise confirmed',
      source: 'update',
      workflow_id: 'gp-1',
      created_at: '2025-01-01T00:00:00Z',
    };
    fetchMock.mockResolvedValue(jsonResponse(201, record));
    const wrapper = mountWithApp(DecisionPanel, { props: { requestId: 'req-1', correlationId: 'corr-1' } });

    await fillAndClick(wrapper, 'op-42', 'Bearing noise confirmed', 'decision-approved');

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const request = fetchMock.mock.calls[0]![0] as Request;
    expect(new URL(request.url).pathname).toBe('/api/v1/decisions/submit');
    expect(request.method).toBe('POST');
    expect(request.headers.get('X-API-Key')).toBe('sm_test_key');
    expect(await request.json()).toEqual({
      request_id: 'req-1',
      decision: 'approved',
      operator_id: 'op-42',
      justification: 'Bearing noise confirmed',
      correlation_id: 'corr-1',
    });
    expect(wrapper.emitted('submitted')?.[0]).toEqual([record]);
    expect(wrapper.get('[data-testid="decision-submitted"]').text()).toContain('Decision recorded: Approved.');
  });

  it('does not call the API until operator and justification are filled in', async () => {
    const wrapper = mountWithApp(DecisionPanel, { props: { requestId: 'req-1' } });
    await fillAndClick(wrapper, '', 'ok', 'decision-rejected');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('Enter your operator ID.');
    expect(wrapper.text()).toContain('Write a justification of at least 3 characters.');
  });

  it('shows an API validation error translated, with the server field list', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(
        422,
        {
          type: 'about:blank',
          title: 'Unprocessable',
          status: 422,
          code: 'validation_failed',
          detail: 'bad',
          errors: [{ field: 'request_id', message: 'no pending decision' }],
        },
        'application/problem+json',
      ),
    );
    const wrapper = mountWithApp(DecisionPanel, { locale: 'pt-BR', props: { requestId: 'req-unknown' } });
    await fillAndClick(wrapper, 'op-1', 'Escalando para o supervisor', 'decision-escalated');

    const alert = wrapper.get('[data-testid="error-alert"]');
    expect(alert.text()).toContain('Alguns campos são inválidos.');
    expect(alert.text()).toContain('request_id: no pending decision');
    expect(wrapper.emitted('submitted')).toBeUndefined();
    expect(wrapper.find('[data-testid="decision-submitted"]').exists()).toBe(false);
  });

  it('maps a rate-limit answer without a problem body to the translated message by status', async () => {
    fetchMock.mockResolvedValue(new Response('Too Many Requests', { status: 429 }));
    const wrapper = mountWithApp(DecisionPanel, { props: { requestId: 'req-1' } });
    await fillAndClick(wrapper, 'op-1', 'Approving now', 'decision-approved');
    expect(wrapper.get('[data-testid="error-alert"]').text()).toContain('Too many requests. Wait a moment and try again.');
  });
});
