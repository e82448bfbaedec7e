import type { ClassificationStep as StepView, SuggestionView as SuggestionShape } from '../../../../../server/src/classification/classification.service';
import type { ClassificationQuestionnaire } from '../../../../../server/src/classification/questionnaire.entity';
import type { Wire } from '../../../api/types';

export type { Answer, Question } from '../../../../../server/src/classification/questionnaire';
export type QuestionnaireRecord = Wire<ClassificationQuestionnaire>;
export type ClassificationStep = Wire<StepView>;
export type SuggestionView = Wire<SuggestionShape>;
