import { Checkbox, Flex, Typography } from 'antd';
import type { CheckboxGroupProps } from 'antd/es/checkbox';
import { useRemote } from '../../api/hooks';
import type { PermissionEntry } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';

/** The catalogue of /api/permissions as checkboxes, each with what it allows; used by roles and tokens. */
export function PermissionChecklist(props: Omit<CheckboxGroupProps, 'options'>) {
  const { tOr } = useI18n();
  const catalogue = useRemote<PermissionEntry[]>('/permissions');
  return (
    <>
      <ErrorAlert message={catalogue.error} onRetry={catalogue.reload} />
      <Checkbox.Group {...props} style={{ width: '100%' }}>
        <Flex vertical gap={4}>
          {(catalogue.data ?? []).map((permission) => (
            <Checkbox key={permission.code} value={permission.code}>
              <Typography.Text code>{permission.code}</Typography.Text> {tOr(`permission.${permission.code}`, permission.description)}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
    </>
  );
}
