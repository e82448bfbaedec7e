import { Flex, Segmented } from 'antd';
import type { FlagSetting } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { ContextSchema } from './engine';
import { RuleEditor } from './RuleEditor';

type Choice = 'inherit' | 'no' | 'yes' | 'rule';

const choiceOf = (value: FlagSetting | null | undefined): Choice =>
  value === null || value === undefined ? 'inherit' : value === true ? 'yes' : value === false ? 'no' : 'rule';

interface FlagSettingInputProps {
  value?: FlagSetting | null;
  onChange?(value: FlagSetting | null): void;
  /** Bindings and step overrides may leave a flag to the level above; an attribute's own flag may not. */
  inheritable?: boolean;
  schema: ContextSchema;
  sampleContext?: Record<string, unknown>;
  id?: string;
  'aria-label'?: string;
}

/** A flag (required, hidden, read-only): fixed yes/no, inherited, or driven by a rule in the rule editor. */
export function FlagSettingInput({ value, onChange, inheritable, schema, sampleContext, id, 'aria-label': label }: FlagSettingInputProps) {
  const { t } = useI18n();
  const choice = choiceOf(value);
  const choose = (next: Choice) => {
    if (next === choice) return;
    onChange?.(next === 'inherit' ? null : next === 'yes' ? true : next === 'no' ? false : { rule: true });
  };
  const options: { value: Choice; label: string }[] = [
    ...(inheritable ? [{ value: 'inherit' as const, label: t('flag.inherit') }] : []),
    { value: 'no', label: t('flag.no') },
    { value: 'yes', label: t('flag.yes') },
    { value: 'rule', label: t('flag.rule') },
  ];
  return (
    <Flex vertical gap={8} id={id}>
      <Segmented<Choice> aria-label={label} value={choice} onChange={choose} options={options} style={{ alignSelf: 'flex-start' }} />
      {typeof value === 'object' && value !== null && (
        <RuleEditor value={value.rule} onChange={(rule) => onChange?.({ rule })} schema={schema} sampleContext={sampleContext} />
      )}
    </Flex>
  );
}
