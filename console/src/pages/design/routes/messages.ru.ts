import type { routeMigrationEn } from './messages.en';

/** Русские тексты редактора плана миграции в моделлере маршрутов. */
export const routeMigrationRu: Record<keyof typeof routeMigrationEn, string> = {
  'migration.title': 'Перенос открытых заявок на версию {to}',
  'migration.waiting': 'На версии {from} ещё открытых заявок: {count}',
  'migration.none': 'На версии {from} нет открытых заявок',
  'migration.from': 'С версии',
  'migration.step': 'Шаг версии {from}',
  'migration.target': 'Шаг версии {to}',
  'migration.removed': 'нет в версии {to}',
  'migration.pick': 'Выберите шаг',
  'migration.dryRun': 'Пробный прогон',
  'migration.migrate': 'Перенести',
  'migration.request': 'Заявка',
  'migration.outcome': 'Результат',
  'migration.wouldMove': 'перейдёт на {steps}',
  'migration.moved': 'перенесена на {steps}',
  'migration.refused': 'не переносится: {reasons}',
  'migration.summary': 'можно перенести: {movable}, нельзя: {blocked}',
  'migration.done': 'Перенесено на версию {to}: {moved}, осталось: {blocked}',
};
