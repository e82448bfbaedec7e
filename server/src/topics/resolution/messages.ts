/** The languages Docket answers in; messages of every attribute check come in each. */
export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

type Template = (params: Record<string, string>) => string;

const MESSAGES = {
  unknown: { en: () => 'this topic has no such attribute', ru: () => 'у этой темы нет такого атрибута' },
  hidden: { en: () => 'this attribute is hidden and cannot be set', ru: () => 'атрибут скрыт, его нельзя задать' },
  readOnly: { en: () => 'this attribute is read-only and cannot be set', ru: () => 'атрибут только для чтения, его нельзя задать' },
  required: { en: () => 'a value is required', ru: () => 'требуется значение' },
  mask: { en: ({ mask }) => `must match the mask ${mask}`, ru: ({ mask }) => `должно соответствовать маске ${mask}` },
  scale: { en: ({ scale }) => `must have at most ${scale} digits after the point`, ru: ({ scale }) => `должно иметь не более ${scale} знаков после запятой` },
} satisfies Record<string, Record<Language, Template>>;

export type MessageKey = keyof typeof MESSAGES;

export function message(key: MessageKey, language: Language, params: Record<string, string> = {}): string {
  return MESSAGES[key][language](params);
}

/** `ru-RU,ru;q=0.9,en;q=0.8` → `ru`; anything unknown → English. */
export function languageOf(acceptLanguage: string | undefined | null): Language {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return first === 'ru' ? 'ru' : 'en';
}
