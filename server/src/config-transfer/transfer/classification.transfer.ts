import type { EntityManager } from 'typeorm';
import { questionnaireDefinitionIssues } from '../../classification/classification.service';
import { ClassificationQuestionnaire } from '../../classification/questionnaire.entity';
import type { ConfigDocument, QuestionnaireDoc } from '../config-document';
import type { ImportSession } from '../import-session';

export async function exportClassification(manager: EntityManager): Promise<Pick<ConfigDocument, 'questionnaires'>> {
  const rows = await manager.find(ClassificationQuestionnaire, { order: { code: 'ASC' } });
  return { questionnaires: rows.map(({ code, name, active, definition }): QuestionnaireDoc => ({ code, name, active, definition })) };
}

/**
 * After the topics they suggest: each definition checked as the questionnaire API checks it. The problems and
 * articles a suggestion names are an installation's data, named by number and id: in another installation
 * they must exist there too, or the import names each one that does not.
 */
export async function importClassification(session: ImportSession, document: ConfigDocument): Promise<void> {
  for (const [index, { code, name, active, definition }] of (document.questionnaires ?? []).entries()) {
    const issues = await questionnaireDefinitionIssues(session.manager, definition);
    if (issues.length) {
      session.refuseAll(`questionnaires.${index}`, issues);
      continue;
    }
    await session.upsert('questionnaires', code, ClassificationQuestionnaire, { code }, { name, active, definition }, { onCreate: { createdAt: session.now, updatedAt: session.now }, onUpdate: { updatedAt: session.now } });
  }
}
