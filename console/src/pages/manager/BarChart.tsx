import { Empty, Flex, Typography } from 'antd';

export interface Bar {
  key: string | number;
  label: string;
  /** Stacked parts, drawn left to right; the total is their sum. */
  parts: { value: number; colour: string; title: string }[];
}

/** Horizontal bars drawn with plain boxes: enough for a few dozen rows and no chart library in the bundle. */
export function BarChart({ bars, label, empty }: { bars: Bar[]; label: string; empty: string }) {
  const total = (bar: Bar) => bar.parts.reduce((sum, part) => sum + part.value, 0);
  const max = Math.max(1, ...bars.map(total));
  if (!bars.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <Flex vertical gap={6} role="list" aria-label={label}>
      {bars.map((bar) => (
        <Flex key={bar.key} align="center" gap={8} role="listitem" aria-label={`${bar.label}: ${total(bar)}`} data-testid={`bar-${bar.label}`}>
          <Typography.Text ellipsis style={{ width: 140, flex: 'none' }} title={bar.label}>
            {bar.label}
          </Typography.Text>
          <div style={{ flex: 1, display: 'flex', height: 16, background: '#f5f5f5', borderRadius: 3, overflow: 'hidden' }}>
            {bar.parts.map((part, index) => (
              <div key={index} title={`${part.title}: ${part.value}`} style={{ width: `${(part.value / max) * 100}%`, background: part.colour }} />
            ))}
          </div>
          <Typography.Text strong style={{ width: 40, textAlign: 'right', flex: 'none' }}>
            {total(bar)}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
