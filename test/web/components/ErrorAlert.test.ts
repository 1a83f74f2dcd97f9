// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import ptBR from '../../../locales/pt-BR.json';
import { ApiError } from '../../../web/src/api/apiError';
import ErrorAlert from '../../../web/src/components/ErrorAlert.vue';
import { mountWithApp } from '../mountApp';

describe('ErrorAlert', () => {
  it('shows coded field errors in the reader language with the parameters in its number format', () => {
    const error = new ApiError(422, {
      code: 'validation_failed',
      errors: [
        {
          field: 'unit',
          message: 'Too big: expected string to have <=32 characters',
          code: 'too_big',
          params: { maximum: 32, origin: 'string' },
        },
        {
          field: 'decision_timeout_seconds',
          message: 'must be at least 1200 seconds',
          code: 'decision_timeout_too_short',
          params: { minimum: 1200 },
        },
      ],
    });
    const wrapper = mountWithApp(ErrorAlert, { props: { error }, locale: 'pt-BR' });
    const lines = wrapper.findAll('[data-testid="error-field"]').map((li) => li.text());
    expect(lines).toEqual(['unit: deve ter no máximo 32 caracteres', 'decision_timeout_seconds: deve ser de pelo menos 1.200 segundos']);
  });

  it('renders the hand-written codes whose texts hold punctuation and decimals in Portuguese', () => {
    const error = new ApiError(422, {
      code: 'validation_failed',
      errors: [
        {
          field: 'reference_end',
          message: 'the reference window spans 47482.6 days; at most 30 are allowed',
          code: 'reference_window_too_long',
          params: { days: 47482.6, maximum: 30 },
        },
        {
          field: 'header.Idempotency-Key',
          message: 'must be 1-128 characters of A-Z a-z 0-9 . _ : -',
          code: 'invalid_idempotency_key',
          params: {},
        },
        {
          field: 'site',
          message: 'no site s-9; create it first (POST /api/v1/sites)',
          code: 'unknown_site',
          params: { site: 's-9' },
        },
        {
          field: 'noise_level',
          message: 'give noise or noise_level, not both',
          code: 'exclusive_with',
          params: { other: 'noise' },
        },
      ],
    });
    const lines = mountWithApp(ErrorAlert, { props: { error }, locale: 'pt-BR' })
      .findAll('[data-testid="error-field"]')
      .map((li) => li.text());
    expect(lines).toEqual([
      'reference_end: a janela de referência abrange 47.482,6 dias; são permitidos no máximo 30',
      'header.Idempotency-Key: deve ter de 1 a 128 caracteres entre A-Z a-z 0-9 . _ : -',
      'site: não há local s-9; crie-o primeiro (POST /api/v1/sites)',
      'noise_level: informe este campo ou noise, não ambos',
    ]);
  });

  it('falls back to the server English for a code or detail it has no words for', () => {
    const field = new ApiError(422, { errors: [{ field: 'x', message: 'is odd', code: 'from_a_newer_server' }] });
    expect(
      mountWithApp(ErrorAlert, { props: { error: field }, locale: 'pt-BR' })
        .find('li')
        .text(),
    ).toBe('x: is odd');
    const detail = new ApiError(409, { detail: 'Order o-1 is already decided', detail_code: 'newer_case' });
    expect(
      mountWithApp(ErrorAlert, { props: { error: detail }, locale: 'pt-BR' })
        .find('[data-testid="error-detail"]')
        .text(),
    ).toContain('Order o-1 is already decided');
  });

  it('translates a detail the server built from a known case', () => {
    const error = new ApiError(403, {
      detail: 'This API key lacks the required scope: admin',
      detail_code: 'missing_scopes',
      detail_params: { scopes: 'admin' },
    });
    const text = mountWithApp(ErrorAlert, { props: { error }, locale: 'pt-BR' }).find('[data-testid="error-detail"]').text();
    expect(text).toContain(ptBR.errors.detail.missing_scopes.replace('{scopes}', 'admin'));
    expect(text).not.toContain('lacks');
  });
});
