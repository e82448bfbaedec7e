import { App } from 'antd';
import { useCallback, useState } from 'react';
import { describeError } from '../../api/errors';
import { useI18n } from '../../i18n/i18n';
import { isStale } from './field-errors';

export interface CardAction {
  busy: boolean;
  /** Set when a write started from an old version: the card must be reloaded before anything else. */
  stale: boolean;
  clearStale(): void;
  /**
   * Runs a write; success reloads the card and says `done`. A stale version is shown as such; other refusals
   * go to `onError` when given (field errors in a form), else to a message. Resolves to whether it succeeded.
   */
  run(write: () => Promise<unknown>, done: string, onError?: (error: unknown) => void): Promise<boolean>;
}

export function useCardAction(reload: () => void): CardAction {
  const i18n = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const run = useCallback(
    async (write: () => Promise<unknown>, done: string, onError?: (error: unknown) => void) => {
      setBusy(true);
      try {
        await write();
        void message.success(done);
        reload();
        return true;
      } catch (error) {
        if (isStale(error)) setStale(true);
        else if (onError) onError(error);
        else void message.error(describeError(error, i18n));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [reload, message, i18n],
  );
  return { busy, stale, clearStale: useCallback(() => setStale(false), []), run };
}
