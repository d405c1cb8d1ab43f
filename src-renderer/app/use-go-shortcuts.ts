import { useEffect } from 'react';
import type { Role } from '../../shared/auth/schemas';
import { isEditable } from './is-editable';
import { navItemForKey } from './navigation';
import { navigate } from './use-route';

const SEQUENCE_MS = 1_200;

/**
 * `g` then a letter opens a screen (`g r` Receive, `g p` Pick…). Only outside text fields, so a
 * scanner typing a lot number into a field never navigates away.
 */
export function useGoShortcuts(role: Role): void {
  useEffect(() => {
    let armedAt = 0;
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isEditable(event.target)) return;
      if (event.key === 'g' && armedAt === 0) {
        armedAt = event.timeStamp;
        return;
      }
      const armed = armedAt !== 0 && event.timeStamp - armedAt < SEQUENCE_MS;
      armedAt = 0;
      const item = armed ? navItemForKey(event.key, role) : undefined;
      if (!item) return;
      event.preventDefault();
      navigate({ screen: item.screen, params: {} });
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [role]);
}
