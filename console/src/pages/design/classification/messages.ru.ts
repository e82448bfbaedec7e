import type { classificationEn } from './messages.en';

/** Русские тексты опросников классификации. */
export const classificationRu: Record<keyof typeof classificationEn, string> = {
  'nav.classification': 'Классификация',
  'classification.create': 'Новый опросник',
  'classification.edit': 'Опросник {code}',
  'classification.questions': 'Вопросы',
  'classification.suggestions': 'Подсказки',
  'classification.definition': 'Вопросы и подсказки (JSON)',
  'classification.definitionHint':
    'questions: [{code, text, kind: choice | yesno | number | text, options: [{value, label}], askWhen: правило}] задаются по порядку; suggestions: [{when: правило, topic: код, problems: [номер], articles: [id], note}]. Правила читают answers.<код>.',
  'classification.notJson': 'Это не JSON: {reason}',
  'classification.deleteConfirm': 'Удалить опросник {code}?',
  'classification.classify': 'Классифицировать',
  'classification.drawerTitle': 'Классификация обращения',
  'classification.pick': 'Опросник',
  'classification.none': 'Нет активных опросников.',
  'classification.yes': 'Да',
  'classification.no': 'Нет',
  'classification.next': 'Далее',
  'classification.change': 'Изменить',
  'classification.done': 'Все вопросы на этом пути отвечены.',
  'classification.noSuggestion': 'Пока подсказок нет.',
  'classification.useTopic': 'Выбрать эту тему',
  'classification.problems': 'Известные проблемы',
  'classification.articles': 'Статьи',
  'classification.because': 'Потому что {answers}',
};
