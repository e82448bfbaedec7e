import type { routeHandlersEn, routeMigrationEn } from './messages.en';

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

/** Русские названия событий обработчиков в панели свойств моделлера. */
export const routeHandlersRu: Record<keyof typeof routeHandlersEn, string> = {
  'modeller.kind.bpmn:Process': 'Маршрут',
  'modeller.routeHint': 'Настройки всего маршрута. Выберите элемент схемы, чтобы изменить его свойства.',
  'modeller.event.onEnter': 'При входе в шаг (onEnter)',
  'modeller.event.onLeave': 'При выходе из шага (onLeave)',
  'modeller.event.onHandOff': 'При передаче (onHandOff)',
  'modeller.event.onRejection': 'При возврате (onRejection)',
  'modeller.event.onSlaWarning': 'При предупреждении SLA (onSlaWarning)',
  'modeller.event.onSlaBreach': 'При нарушении SLA (onSlaBreach)',
};
