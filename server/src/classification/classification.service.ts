import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ruleVars } from '../../../rules/index';
import { AuditService, changesBetween } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { definedFields } from '../common/defined-fields';
import { badRequest, conflict, notFound, type ErrorDetail } from '../common/docket-error';
import { readableArticles } from '../knowledge/article-visibility';
import { KnowledgeArticleTopic } from '../knowledge/entities/knowledge-article-topic.entity';
import { KnowledgeArticle } from '../knowledge/entities/knowledge-article.entity';
import { Problem } from '../problems/entities/problem.entity';
import { TopicNode } from '../topics/entities/topic-node.entity';
import type { CreateQuestionnaireDto, UpdateQuestionnaireDto } from './questionnaire.dto';
import { ClassificationQuestionnaire } from './questionnaire.entity';
import { answerIssues, questionnaireIssues, referencesOf, walkQuestionnaire, type Answer, type Question, type QuestionnaireDefinition } from './questionnaire';

const AUDITED: (keyof ClassificationQuestionnaire)[] = ['code', 'name', 'active', 'definition'];
/** Problems still worth linking a new request to: being worked on, or known to stay (with their workaround). */
const LINKABLE_PROBLEMS = ['open', 'known_error', 'unresolvable'] as const;
/** A definition is one JSON text column; this keeps it well inside MySQL's TEXT. */
const MAX_DEFINITION_LENGTH = 60_000;
const ARTICLES_PER_SUGGESTION = 10;

export interface SuggestionView {
  topic: { id: number; code: string; name: string } | null;
  problems: { id: number; number: string; subject: string; status: string; knownSolution: string | null; workaround: string | null }[];
  articles: { id: number; title: string }[];
  note: string | null;
  /** The answers the suggestion's rule reads: why it is offered. */
  because: Record<string, Answer | null>;
}

export interface ClassificationStep {
  questionnaire: { id: number; code: string; name: string };
  answers: Record<string, Answer>;
  next: Question | null;
  suggestions: SuggestionView[];
}

/** Classification questionnaires: administrators define them, operators walk them while registering a request. */
@Injectable()
export class ClassificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<ClassificationQuestionnaire[]> {
    return this.dataSource.getRepository(ClassificationQuestionnaire).find({ order: { code: 'ASC' } });
  }

  /** The active ones, for operators to pick from: names only. */
  async active(): Promise<Pick<ClassificationQuestionnaire, 'id' | 'code' | 'name'>[]> {
    return this.dataSource.getRepository(ClassificationQuestionnaire).find({ where: { active: true }, select: { id: true, code: true, name: true }, order: { name: 'ASC' } });
  }

  async get(id: number): Promise<ClassificationQuestionnaire> {
    const questionnaire = await this.dataSource.getRepository(ClassificationQuestionnaire).findOneBy({ id });
    if (!questionnaire) throw notFound('Questionnaire', id);
    return questionnaire;
  }

  async create(actor: Principal, body: CreateQuestionnaireDto, now = new Date()): Promise<ClassificationQuestionnaire> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(ClassificationQuestionnaire, { code: body.code })) throw conflict('duplicate', `The questionnaire code "${body.code}" is taken`, [{ path: 'code', message: 'already taken' }]);
      await checkDefinition(manager, body.definition);
      const questionnaire = await manager.save(manager.create(ClassificationQuestionnaire, { active: true, ...definedFields(body), createdAt: now, updatedAt: now }));
      await this.audit.record(manager, actor, { entityType: 'classification_questionnaire', entityId: questionnaire.id, action: 'create', changes: changesBetween(null, questionnaire, AUDITED) }, now);
      return questionnaire;
    });
  }

  async update(actor: Principal, id: number, body: UpdateQuestionnaireDto, now = new Date()): Promise<ClassificationQuestionnaire> {
    return this.dataSource.transaction(async (manager) => {
      const questionnaire = await manager.findOneBy(ClassificationQuestionnaire, { id });
      if (!questionnaire) throw notFound('Questionnaire', id);
      if (body.definition !== undefined) await checkDefinition(manager, body.definition);
      const before = { ...questionnaire };
      const after = await manager.save(Object.assign(questionnaire, definedFields(body), { updatedAt: now }));
      await this.audit.record(manager, actor, { entityType: 'classification_questionnaire', entityId: id, action: 'update', changes: changesBetween(before, after, AUDITED) }, now);
      return after;
    });
  }

  async remove(actor: Principal, id: number, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const questionnaire = await manager.findOneBy(ClassificationQuestionnaire, { id });
      if (!questionnaire) throw notFound('Questionnaire', id);
      await manager.delete(ClassificationQuestionnaire, { id });
      await this.audit.record(manager, actor, { entityType: 'classification_questionnaire', entityId: id, action: 'delete', changes: changesBetween(questionnaire, {}, AUDITED) }, now);
    });
  }

  /**
   * One step of the walk: the answers that count, the next question and what the answers suggest, shown as
   * far as the caller may read (problems with requests.read, articles with knowledge.read). Changes nothing.
   */
  async walk(actor: Principal, id: number, given: Record<string, unknown> = {}): Promise<ClassificationStep> {
    const questionnaire = await this.dataSource.getRepository(ClassificationQuestionnaire).findOneBy({ id, active: true });
    if (!questionnaire) throw notFound('Questionnaire', id);
    const { definition } = questionnaire;
    const issues = answerIssues(definition, given);
    if (issues.length) throw badRequest('invalid_answers', 'Some answers do not fit their questions', issues);
    const walk = walkQuestionnaire(definition, given as Record<string, Answer>);
    const chosen = walk.suggestions.map((index) => definition.suggestions[index]);
    const found = await this.referenced(this.dataSource.manager, { ...definition, suggestions: chosen }, actor);
    return {
      questionnaire: { id: questionnaire.id, code: questionnaire.code, name: questionnaire.name },
      answers: walk.answers,
      next: walk.next,
      suggestions: chosen.map((suggestion) => {
        const topic = suggestion.topic ? (found.topics.get(suggestion.topic) ?? null) : null;
        const articleIds = [...(suggestion.articles ?? []), ...(topic ? (found.topicArticles.get(topic.id) ?? []) : [])];
        return {
          topic,
          problems: (suggestion.problems ?? []).flatMap((number) => found.problems.get(number) ?? []),
          articles: [...new Set(articleIds)].flatMap((articleId) => found.articles.get(articleId) ?? []).slice(0, ARTICLES_PER_SUGGESTION),
          note: suggestion.note ?? null,
          because: Object.fromEntries(ruleVars(suggestion.when).filter((path) => path.startsWith('answers.')).map((path) => [path.slice('answers.'.length), walk.answers[path.slice('answers.'.length)] ?? null])),
        };
      }),
    };
  }

  /** The active topics, linkable problems and published articles the suggestions name (and the articles of those topics), as far as the actor may read them. */
  private async referenced(manager: EntityManager, definition: QuestionnaireDefinition, actor: Principal) {
    const references = referencesOf(definition);
    const topics = references.topics.length ? await manager.find(TopicNode, { where: { code: In(references.topics), kind: 'topic', active: true }, select: { id: true, code: true, name: true } }) : [];
    const readsProblems = actor.permissions.has('requests.read');
    const readsArticles = actor.permissions.has('knowledge.read');
    const problems = readsProblems && references.problems.length ? await manager.find(Problem, { where: { number: In(references.problems), status: In([...LINKABLE_PROBLEMS]) } }) : [];
    const links = readsArticles && topics.length ? await manager.find(KnowledgeArticleTopic, { where: { topicId: In(topics.map((topic) => topic.id)) }, order: { articleId: 'ASC' } }) : [];
    const articleIds = [...new Set([...references.articles, ...links.map((link) => link.articleId)])];
    // Drafts stay out of suggestions even for the knowledge managers who may read them.
    const articles = readsArticles ? (await readableArticles(manager, actor, articleIds)).filter((article) => article.published) : [];
    const topicArticles = new Map<number, number[]>();
    for (const link of links) topicArticles.set(link.topicId, [...(topicArticles.get(link.topicId) ?? []), link.articleId]);
    return {
      topics: new Map(topics.map((topic) => [topic.code, { id: topic.id, code: topic.code, name: topic.name }])),
      problems: new Map(problems.map((problem) => [problem.number, [{ id: problem.id, number: problem.number, subject: problem.subject, status: problem.status, knownSolution: problem.knownSolution, workaround: problem.workaround }]])),
      articles: new Map(articles.map((article) => [article.id, [{ id: article.id, title: article.title }]])),
      topicArticles,
    };
  }
}

/** A definition is refused whole, with every problem by path: its shape, its rules, and what it names that does not exist. */
async function checkDefinition(manager: EntityManager, definition: QuestionnaireDefinition): Promise<void> {
  const issues = await questionnaireDefinitionIssues(manager, definition);
  if (issues.length) throw badRequest('invalid_questionnaire', 'The questionnaire is not valid', issues);
}

/** Every problem of a definition by path (`definition.…`): the checks of the API, for the configuration import too. */
export async function questionnaireDefinitionIssues(manager: EntityManager, definition: unknown): Promise<ErrorDetail[]> {
  const issues = questionnaireIssues(definition);
  if (!issues.length && JSON.stringify(definition).length > MAX_DEFINITION_LENGTH) issues.push({ path: 'definition', message: `at most ${MAX_DEFINITION_LENGTH} characters as JSON` });
  if (!issues.length) issues.push(...(await missingReferences(manager, definition as QuestionnaireDefinition)));
  return issues;
}

async function missingReferences(manager: EntityManager, definition: QuestionnaireDefinition): Promise<ErrorDetail[]> {
  const references = referencesOf(definition);
  const topics = new Set((references.topics.length ? await manager.find(TopicNode, { where: { code: In(references.topics), kind: 'topic' }, select: { code: true } }) : []).map((topic) => topic.code));
  const problems = new Set((references.problems.length ? await manager.find(Problem, { where: { number: In(references.problems) }, select: { number: true } }) : []).map((problem) => problem.number));
  const articles = new Set((references.articles.length ? await manager.find(KnowledgeArticle, { where: { id: In(references.articles) }, select: { id: true } }) : []).map((article) => article.id));
  return definition.suggestions.flatMap((suggestion, index): ErrorDetail[] => [
    ...(suggestion.topic && !topics.has(suggestion.topic) ? [{ path: `definition.suggestions.${index}.topic`, message: `no topic has the code "${suggestion.topic}"` }] : []),
    ...(suggestion.problems ?? []).filter((number) => !problems.has(number)).map((number) => ({ path: `definition.suggestions.${index}.problems`, message: `no problem has the number "${number}"` })),
    ...(suggestion.articles ?? []).filter((articleId) => !articles.has(articleId)).map((articleId) => ({ path: `definition.suggestions.${index}.articles`, message: `article ${articleId} does not exist` })),
  ]);
}
