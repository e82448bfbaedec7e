import type { managerEn } from './messages.en';

/** Russian texts of the dashboard's ratings chart, spread into i18n/ru.ts. */
export const managerRu: Record<keyof typeof managerEn, string> = {
  'dashboard.ratings': 'Оценки клиентов ({days} дн.)',
  'dashboard.rating': 'Оценка {rating}',
  'dashboard.ratingsCount': 'Оценок',
  'dashboard.ratingsAverage': 'Средняя оценка',
  'dashboard.noRatings': 'За этот период оценок нет.',
};
