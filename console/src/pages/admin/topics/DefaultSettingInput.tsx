import { Flex, Input, Segmented } from 'antd';
import type { DefaultSetting } from '../../../api/types';
import type { ContextSchema } from '../../../components/rules/engine';
import { RuleEditor } from '../../../components/rules/RuleEditor';
import { useI18n } from '../../../i18n/i18n';

type Choice = 'none' | 'fixed' | 'rule';

/** A typed value is read as JSON when it is JSON (numbers, booleans, lists), else kept as text. */
export function readValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const writeValue = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** An attribute's default: none (inherited on bindings), a fixed value, or computed by a rule. */
export function DefaultSettingInput({ value, onChange, schema, sampleContext, id }: { value?: DefaultSetting | null; onChange?(value: DefaultSetting | null): void; schema: ContextSchema; sampleContext?: Record<string, unknown>; id?: string }) {
  const { t } = useI18n();
  const choice: Choice = !value ? 'none' : 'fixed' in value ? 'fixed' : 'rule';
  const choose = (next: Choice) => onChange?.(next === 'none' ? null : next === 'fixed' ? { fixed: '' } : { rule: null });
  return (
    <Flex vertical gap={8} id={id}>
      <Segmented<Choice>
        value={choice}
        onChange={choose}
        style={{ alignSelf: 'flex-start' }}
        options={[
          { value: 'none', label: t('attributes.defaultNone') },
          { value: 'fixed', label: t('attributes.defaultFixed') },
          { value: 'rule', label: t('flag.rule') },
        ]}
      />
      {value && 'fixed' in value && <Input aria-label={t('attributes.defaultFixed')} value={writeValue(value.fixed)} onChange={(event) => onChange?.({ fixed: readValue(event.target.value) })} />}
      {value && 'rule' in value && <RuleEditor value={value.rule} onChange={(rule) => onChange?.({ rule })} schema={schema} sampleContext={sampleContext} />}
    </Flex>
  );
}
