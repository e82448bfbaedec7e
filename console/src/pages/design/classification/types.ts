/** A classification questionnaire as the API returns it (see server/src/classification/questionnaire.ts). */
export type QuestionKind = 'choice' | 'yesno' | 'number' | 'text';

export interface Question {
  code: string;
  text: string;
  kind: QuestionKind;
  options?: { value: string; label: string }[];
  askWhen?: unknown;
}

export interface QuestionnaireDefinition {
  questions: Question[];
  suggestions: { when: unknown; topic?: string; problems?: string[]; articles?: number[]; note?: string }[];
}

export interface QuestionnaireRecord {
  id: number;
  code: string;
  name: string;
  active: boolean;
  definition: QuestionnaireDefinition;
}

export type Answer = string | number | boolean;

export interface SuggestionView {
  topic: { id: number; code: string; name: string } | null;
  problems: { id: number; number: string; subject: string; status: string; knownSolution: string | null; workaround: string | null }[];
  articles: { id: number; title: string }[];
  note: string | null;
  because: Record<string, Answer | null>;
}

export interface ClassificationStep {
  questionnaire: { id: number; code: string; name: string };
  answers: Record<string, Answer>;
  next: Question | null;
  suggestions: SuggestionView[];
}
