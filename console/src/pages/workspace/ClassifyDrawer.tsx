import { Alert, Button, Card, Drawer, Empty, Flex, Input, InputNumber, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import { useRemote } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';
import type { Answer, ClassificationStep, Question, SuggestionView } from '../design/classification/types';

interface ClassifyDrawerProps {
  /** Whether the request's topic list offers this topic. */
  offers(topicId: number): boolean;
  onUseTopic(topicId: number): void;
  onClose(): void;
}

/** The answer box of the question asked now: a click for choices and yes/no, a field and Next otherwise. */
function AnswerInput({ question, onAnswer }: { question: Question; onAnswer(answer: Answer): void }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState<string | number | null>(null);
  if (question.kind === 'choice')
    return (
      <Flex gap={8} wrap>
        {(question.options ?? []).map((option) => (
          <Button key={option.value} onClick={() => onAnswer(option.value)}>
            {option.label}
          </Button>
        ))}
      </Flex>
    );
  if (question.kind === 'yesno')
    return (
      <Space>
        <Button onClick={() => onAnswer(true)}>{t('classification.yes')}</Button>
        <Button onClick={() => onAnswer(false)}>{t('classification.no')}</Button>
      </Space>
    );
  const ready = question.kind === 'number' ? typeof typed === 'number' : typeof typed === 'string' && typed.trim() !== '';
  return (
    <Space.Compact style={{ width: '100%' }}>
      {question.kind === 'number' ? (
        <InputNumber aria-label={question.text} value={typed as number | null} onChange={(value) => setTyped(value)} style={{ width: '100%' }} />
      ) : (
        <Input aria-label={question.text} maxLength={500} value={(typed as string | null) ?? ''} onChange={(event) => setTyped(event.target.value)} onPressEnter={() => ready && onAnswer(typed!)} />
      )}
      <Button type="primary" disabled={!ready} onClick={() => onAnswer(typed!)}>
        {t('classification.next')}
      </Button>
    </Space.Compact>
  );
}

interface SuggestionCardProps {
  suggestion: SuggestionView;
  offers(topicId: number): boolean;
  onUseTopic(topicId: number): void;
  /** An answer as the operator gave it: the question's words and the option's label. */
  describe(code: string, answer: Answer | null): string;
}

function SuggestionCard({ suggestion, offers, onUseTopic, describe }: SuggestionCardProps) {
  const { t } = useI18n();
  const because = Object.entries(suggestion.because)
    .map(([code, answer]) => describe(code, answer))
    .join('; ');
  return (
    <Card size="small" data-testid="classification-suggestion" title={suggestion.topic?.name} extra={suggestion.topic && <Button type="primary" size="small" disabled={!offers(suggestion.topic.id)} onClick={() => onUseTopic(suggestion.topic!.id)}>{t('classification.useTopic')}</Button>}>
      {suggestion.note && <Typography.Paragraph>{suggestion.note}</Typography.Paragraph>}
      {suggestion.problems.length > 0 && (
        <>
          <Typography.Text strong>{t('classification.problems')}</Typography.Text>
          {suggestion.problems.map((problem) => (
            <Typography.Paragraph key={problem.id} style={{ marginBottom: 4 }}>
              {problem.number} · {problem.subject}
              {(problem.workaround || problem.knownSolution) && <Typography.Text type="secondary"> — {problem.knownSolution ?? problem.workaround}</Typography.Text>}
            </Typography.Paragraph>
          ))}
        </>
      )}
      {suggestion.articles.length > 0 && (
        <>
          <Typography.Text strong>{t('classification.articles')}</Typography.Text>
          <ul style={{ margin: '4px 0' }}>
            {suggestion.articles.map((article) => (
              <li key={article.id}>{article.title}</li>
            ))}
          </ul>
        </>
      )}
      {because && <Typography.Text type="secondary">{t('classification.because', { answers: because })}</Typography.Text>}
    </Card>
  );
}

/**
 * Walks a classification questionnaire with the operator: one question at a time, the server deciding the
 * next one and what the answers suggest; a suggested topic can be put on the request being registered.
 */
export function ClassifyDrawer({ offers, onUseTopic, onClose }: ClassifyDrawerProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const available = useRemote<{ id: number; code: string; name: string }[]>('/classification/available');
  const [questionnaireId, setQuestionnaireId] = useState<number | null>(null);
  // Questions in the order they were asked, so answers can be shown and changed in that order.
  const [asked, setAsked] = useState<Question[]>([]);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [step, setStep] = useState<ClassificationStep | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (questionnaireId === null && available.data?.length) setQuestionnaireId(available.data[0].id);
  }, [available.data]);

  useEffect(() => {
    if (questionnaireId === null) return;
    let current = true;
    post<ClassificationStep>(`/classification/questionnaires/${questionnaireId}/walk`, { answers }).then(
      (next) => {
        if (!current) return;
        setStep(next);
        setFailure(null);
        if (next.next && !asked.some((question) => question.code === next.next!.code)) setAsked((questions) => [...questions, next.next!]);
      },
      (error: unknown) => current && setFailure(describeError(error, i18n)),
    );
    return () => {
      current = false;
    };
  }, [questionnaireId, JSON.stringify(answers)]);

  const pick = (id: number) => {
    setQuestionnaireId(id);
    setAsked([]);
    setAnswers({});
    setStep(null);
  };
  /** Takes back an answer and every one given after it. */
  const change = (code: string) => {
    const position = asked.findIndex((question) => question.code === code);
    const kept = asked.slice(0, position);
    setAsked(asked.slice(0, position + 1));
    setAnswers(Object.fromEntries(kept.filter((question) => question.code in answers).map((question) => [question.code, answers[question.code]])));
  };
  const answered = asked.filter((question) => step && question.code in step.answers);
  const describe = (code: string, answer: Answer | null) => {
    const question = asked.find((candidate) => candidate.code === code);
    return question && answer !== null ? `${question.text} ${shown(question, answer)}` : `${code}: —`;
  };
  const shown = (question: Question, answer: Answer) =>
    question.kind === 'choice' ? (question.options?.find((option) => option.value === answer)?.label ?? String(answer)) : question.kind === 'yesno' ? t(answer ? 'classification.yes' : 'classification.no') : String(answer);

  return (
    <Drawer open title={t('classification.drawerTitle')} width={480} onClose={onClose}>
      <ErrorAlert message={available.error} onRetry={available.reload} />
      {available.data?.length === 0 && <Empty description={t('classification.none')} />}
      {(available.data?.length ?? 0) > 1 && (
        <Select aria-label={t('classification.pick')} value={questionnaireId ?? undefined} onChange={pick} options={available.data!.map((item) => ({ value: item.id, label: item.name }))} style={{ width: '100%', marginBottom: 16 }} />
      )}
      {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />}
      {questionnaireId !== null && !step && !failure && <Spin />}
      {step && (
        <Flex vertical gap={12}>
          {answered.map((question) => (
            <Flex key={question.code} justify="space-between" align="baseline" data-testid={`answered-${question.code}`}>
              <Typography.Text>
                {question.text} <Typography.Text strong>{shown(question, step.answers[question.code])}</Typography.Text>
              </Typography.Text>
              <Button type="link" size="small" onClick={() => change(question.code)}>
                {t('classification.change')}
              </Button>
            </Flex>
          ))}
          {step.next ? (
            <Card size="small" title={step.next.text} data-testid="classification-question">
              <AnswerInput key={step.next.code} question={step.next} onAnswer={(answer) => setAnswers({ ...answers, [step.next!.code]: answer })} />
            </Card>
          ) : (
            <Typography.Text type="secondary">{t('classification.done')}</Typography.Text>
          )}
          {step.suggestions.length === 0 ? (
            <Typography.Text type="secondary">{t('classification.noSuggestion')}</Typography.Text>
          ) : (
            step.suggestions.map((suggestion, index) => <SuggestionCard key={index} suggestion={suggestion} offers={offers} onUseTopic={onUseTopic} describe={describe} />)
          )}
        </Flex>
      )}
    </Drawer>
  );
}
