import type { EntityManager } from 'typeorm';
import { checkDeclarations } from '../../dictionaries/dynamic-queries/query-parameters';
import { DYNAMIC_QUERY_TABLES } from '../../dictionaries/dynamic-queries/allowed-tables';
import { checkSelect, SelectRejected } from '../../dictionaries/dynamic-queries/select-validator';
import { DictionaryItem } from '../../dictionaries/entities/dictionary-item.entity';
import { Dictionary } from '../../dictionaries/entities/dictionary.entity';
import { DynamicQuery } from '../../dictionaries/entities/dynamic-query.entity';
import { ExternalDictionary } from '../../dictionaries/entities/external-dictionary.entity';
import type { ExternalSource } from '../../dictionaries/external/external-source';
import type { ConfigDocument, DictionaryDoc, DynamicQueryDoc, ExternalDictionaryDoc } from '../config-document';
import { parentsFirst, type ImportSession } from '../import-session';

export async function exportDictionaries(manager: EntityManager): Promise<Pick<ConfigDocument, 'dictionaries' | 'externalDictionaries' | 'dynamicQueries'>> {
  const [dictionaries, items, external, queries] = await Promise.all([
    manager.find(Dictionary, { order: { code: 'ASC' } }),
    manager.find(DictionaryItem, { order: { position: 'ASC', code: 'ASC' } }),
    manager.find(ExternalDictionary, { order: { code: 'ASC' } }),
    manager.find(DynamicQuery, { order: { code: 'ASC' } }),
  ]);
  const codeOfItem = new Map(items.map((item) => [item.id, item.code]));
  return {
    dictionaries: dictionaries.map((dictionary): DictionaryDoc => ({
      code: dictionary.code, name: dictionary.name, description: dictionary.description, hierarchical: dictionary.hierarchical, active: dictionary.active, position: dictionary.position,
      items: items.filter((item) => item.dictionaryId === dictionary.id).map((item) => ({ code: item.code, name: item.name, parentCode: item.parentId === null ? null : (codeOfItem.get(item.parentId) ?? null), active: item.active, position: item.position })),
    })),
    externalDictionaries: external.map((dictionary): ExternalDictionaryDoc => ({ code: dictionary.code, name: dictionary.name, source: withoutSecrets(dictionary.source), ttlSeconds: dictionary.ttlSeconds, active: dictionary.active, position: dictionary.position })),
    dynamicQueries: queries.map((query): DynamicQueryDoc => ({
      code: query.code, name: query.name, description: query.description, sql: query.sql, parameters: query.parameters, valueColumn: query.valueColumn, labelColumn: query.labelColumn, maxRows: query.maxRows, active: query.active,
    })),
  };
}

export async function importDictionaries(session: ImportSession, document: ConfigDocument): Promise<void> {
  for (const [index, doc] of document.dictionaries.entries()) {
    const { items, ...fields } = doc;
    const { row } = await session.upsert('dictionaries', doc.code, Dictionary, { code: doc.code }, fields);
    await importItems(session, `dictionaries.${index}`, row, items);
  }
  for (const [index, doc] of document.externalDictionaries.entries()) {
    if (doc.source.kind === 'sql') selectIssue(session, `externalDictionaries.${index}.source.query`, doc.source.query, null);
    const stored = await session.manager.findOneBy(ExternalDictionary, { code: doc.code });
    const { code, ...fields } = { ...doc, source: withSecretsOf(doc.source, stored?.source) };
    await session.upsert('externalDictionaries', code, ExternalDictionary, { code }, fields, { onCreate: { fetchedAt: null, lastAttemptAt: null, lastError: null } });
  }
  for (const [index, doc] of document.dynamicQueries.entries()) {
    // The same static checks as the dynamic query API; the trial run against the database is left to the API.
    const order = selectIssue(session, `dynamicQueries.${index}.sql`, doc.sql, DYNAMIC_QUERY_TABLES);
    if (order) session.refuseAll(`dynamicQueries.${index}`, checkDeclarations(doc.parameters, order));
    const { code, ...fields } = doc;
    await session.upsert('dynamicQueries', code, DynamicQuery, { code }, fields);
  }
}

async function importItems(session: ImportSession, prefix: string, dictionary: Dictionary, items: DictionaryDoc['items']): Promise<void> {
  const existing = await session.manager.findBy(DictionaryItem, { dictionaryId: dictionary.id });
  const idOf = new Map(existing.map((item) => [item.code, item.id]));
  for (const { item, index } of parentsFirst(items, (candidate) => candidate.code, (candidate) => candidate.parentCode)) {
    const path = `${prefix}.items.${index}`;
    if (item.parentCode !== null && !dictionary.hierarchical) session.refuse(`${path}.parentCode`, `the dictionary "${dictionary.code}" is flat`);
    const parentId = item.parentCode === null ? null : idOf.get(item.parentCode);
    if (parentId === undefined) {
      session.refuse(`${path}.parentCode`, `unknown item "${item.parentCode}" of dictionary "${dictionary.code}"`);
      continue;
    }
    const { code, ...fields } = item;
    const { row } = await session.upsert('dictionaryItems', `${dictionary.code}.${code}`, DictionaryItem, { dictionaryId: dictionary.id, code }, { name: fields.name, active: fields.active, position: fields.position, parentId });
    idOf.set(code, row.id);
  }
}

/** The SELECT's parameter order when it is acceptable; otherwise a problem at `path`. */
function selectIssue(session: ImportSession, path: string, sql: string, tables: ReadonlySet<string> | null): string[] | null {
  try {
    return checkSelect(sql, tables).parameterOrder;
  } catch (error) {
    if (!(error instanceof SelectRejected)) throw error;
    session.refuse(path, error.message);
    return null;
  }
}

/**
 * HTTP headers usually carry credentials: the file names them with empty values, and an import keeps the
 * values this installation already holds for them (a new source gets them filled in by its administrator).
 */
function withoutSecrets(source: ExternalSource): ExternalSource {
  return source.kind === 'http' ? { ...source, headers: Object.fromEntries(Object.keys(source.headers).map((name) => [name, ''])) } : source;
}

function withSecretsOf(source: ExternalSource, stored: ExternalSource | undefined): ExternalSource {
  if (source.kind !== 'http') return source;
  const known = stored?.kind === 'http' ? stored.headers : {};
  return { ...source, headers: Object.fromEntries(Object.entries(source.headers).map(([name, value]) => [name, value === '' ? (known[name] ?? '') : value])) };
}
