import { Tag } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { STATUS_COLOURS, type ProblemStatus } from './types';

export function ProblemStatusTag({ status }: { status: ProblemStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOURS[status]} data-testid="problem-status">{t(`problems.status.${status}`)}</Tag>;
}
