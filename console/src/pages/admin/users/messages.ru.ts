import type { userBindingsEn } from './messages.en';

/** Russian texts of the user editor's customer and partner bindings, spread into i18n/ru.ts. */
export const userBindingsRu: Record<keyof typeof userBindingsEn, string> = {
  'users.client': 'Клиент (пользователь портала)',
  'users.clientHint': 'Клиенту доступен только портал: обращения его компании и база знаний.',
  'users.partner': 'Организация-партнёр',
  'users.partnerHint': 'Пользователь партнёра видит только наряды, выданные его организации.',
  'users.pickerPlaceholder': 'Часть названия',
  'users.pickerTypeMore': 'Введите хотя бы два символа',
  'users.pickerNothing': 'Ничего не найдено',
  'errors.invalid_user': 'Пользователь заполнен неверно.',
};
