import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n';

const COLOURS: Record<string, string> = { new: 'blue', in_progress: 'processing', resolved: 'gold', closed: 'default' };

/** A request's status in the customer's words. */
export function StatusTag({ status }: { status: string }) {
  const { tOr } = useI18n();
  return (
    <Tag color={COLOURS[status] ?? 'default'} data-testid="request-status">
      {tOr(`portal.status.${status}`, status)}
    </Tag>
  );
}
