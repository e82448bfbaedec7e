import { Flex, Statistic } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { Dashboard } from '../workspace/types';
import { BarChart } from './BarChart';

/** From poor (1) to excellent (5). */
const RATING_COLOURS = ['#cf1322', '#fa8c16', '#fadb14', '#a0d911', '#52c41a'];

/** How the customers rated the closed requests of the period: how many gave each mark, and the average. */
export function RatingsChart({ ratings }: { ratings: Dashboard['ratings'] }) {
  const { t, locale } = useI18n();
  const title = t('dashboard.ratings', { days: ratings.days });
  return (
    <Flex vertical gap={12}>
      <Flex gap={32}>
        <Statistic title={t('dashboard.ratingsAverage')} value={ratings.average === null ? t('common.none') : ratings.average.toLocaleString(locale, { maximumFractionDigits: 2 })} data-testid="ratings-average" />
        <Statistic title={t('dashboard.ratingsCount')} value={ratings.total} data-testid="ratings-total" />
      </Flex>
      <BarChart
        label={title}
        empty={t('dashboard.noRatings')}
        bars={ratings.total === 0 ? [] : [...ratings.distribution].reverse().map((row) => ({ key: row.rating, label: t('dashboard.rating', { rating: row.rating }), parts: [{ value: row.count, colour: RATING_COLOURS[row.rating - 1], title: t('dashboard.ratingsCount') }] }))}
      />
    </Flex>
  );
}
