import { useRemote } from '../../api/hooks';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import type { Partner } from './types';

/** A partner's name for readers of the directory; `#id` for others (a partner's own user does not read it). */
export function usePartnerName(): (id: number) => string {
  const { can } = useAuth();
  const { t } = useI18n();
  const partners = useRemote<Page<Partner>>(can('directory.read') ? '/partners' : null, { pageSize: 200 });
  return (id) => partners.data?.items.find((partner) => partner.id === id)?.name ?? t('workOrders.partnerId', { id });
}
