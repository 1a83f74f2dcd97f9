import { ActivityFailure, ApplicationFailure, RetryState, TimeoutFailure, TimeoutType } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import ptBR from '../../locales/pt-BR.json';
import { RUN_FAILURES, failureText } from '../../domain/runFailure';
import { lookup, renderMessage, type Catalogue } from '../../domain/serverText';

const pt = ptBR as unknown as Catalogue;
const sp = { locale: 'pt-BR', timeZone: 'America/Sao_Paulo' };

/** What a workflow catches when an activity fails: the framework's wrapper around the activity's own failure. */
const fromActivity = (cause: Error) =>
  new ActivityFailure('Activity task failed', 'predict', '7', RetryState.NON_RETRYABLE_FAILURE, 'w', cause);

describe('failureText', () => {
  it('names a domain failure by its type, in the reader language, with the raw English kept as detail', () => {
    const err = fromActivity(ApplicationFailure.nonRetryable('model rul-fd001 is not in the registry', 'ModelNotFound'));
    const { message, detail } = failureText(err, 'stage');
    expect(message).toEqual({ code: 'stageFailedKnown', params: { failure: 'ModelNotFound' } });
    expect(detail).toBe('model rul-fd001 is not in the registry');
    expect(renderMessage(pt, message, sp)).toBe(`Falhou: ${ptBR.serverText.failure.ModelNotFound}`);
  });

  it('names a timeout of an activity as one of ours, for the run as well', () => {
    const err = fromActivity(new TimeoutFailure(undefined, undefined, TimeoutType.START_TO_CLOSE));
    expect(failureText(err, 'run').message).toEqual({ code: 'workflowFailedKnown', params: { failure: 'Timeout' } });
  });

  it('keeps the innermost raw English for a failure that is not ours', () => {
    const err = fromActivity(ApplicationFailure.retryable('socket hang up', 'Error'));
    expect(failureText(err, 'run')).toEqual({
      message: { code: 'workflowFailed', params: { error: 'socket hang up' } },
      detail: 'socket hang up',
    });
    expect(failureText(new Error('boom'), 'stage').message).toEqual({ code: 'stageFailed', params: { error: 'boom' } });
  });

  it('has words for every failure of ours in both languages', () => {
    for (const failure of RUN_FAILURES) {
      const english = lookup(en as unknown as Catalogue, `serverText.failure.${failure}`);
      const portuguese = lookup(pt, `serverText.failure.${failure}`);
      expect(english, failure).toBeTypeOf('string');
      expect(portuguese, failure).toBeTypeOf('string');
      expect(portuguese).not.toBe(english);
    }
  });
});
