/** An instance or task state in the chosen language. */
import { t } from '../i18n';

export function stateLabel(state: string): string {
  switch (state.toLowerCase()) {
    case 'active':
      return t('state.active');
    case 'completed':
      return t('state.completed');
    case 'terminated':
      return t('state.terminated');
    case 'failed':
      return t('state.failed');
    case 'open':
      return t('state.open');
    case 'cancelled':
      return t('state.cancelled');
    default:
      return state.toLowerCase();
  }
}
