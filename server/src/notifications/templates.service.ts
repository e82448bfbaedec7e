import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changesBetween } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, ErrorDetail, notFound } from '../common/docket-error';
import { definedFields } from '../common/defined-fields';
import { Page, pageOf } from '../common/paging';
import { DEFAULT_TEMPLATES } from './default-templates';
import { NotificationTemplate } from './entities/notification-template.entity';
import { templateIssues } from './template-renderer';
import { isTemplateVariable, NOTIFICATION_EVENTS, TEMPLATE_LANGUAGES } from './template-variables';
import type { CreateTemplateDto, TemplateListQuery, UpdateTemplateDto } from './templates.dto';

const AUDITED_FIELDS: (keyof NotificationTemplate)[] = ['code', 'language', 'name', 'subject', 'html', 'text', 'active'];
const SOURCES = ['subject', 'html', 'text'] as const;

/** Every problem of a template's three texts, each with the field and line it is on. */
function issuesOf(template: Pick<NotificationTemplate, (typeof SOURCES)[number]>): ErrorDetail[] {
  return SOURCES.flatMap((field) => templateIssues(template[field], isTemplateVariable).map((issue) => ({ path: field, message: `line ${issue.line}: ${issue.message}` })));
}

/** Administrators edit the words of notifications; the built-in ones can be changed or switched off but not deleted. */
@Injectable()
export class TemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(query: TemplateListQuery): Promise<Page<NotificationTemplate>> {
    const builder = this.dataSource.getRepository(NotificationTemplate).createQueryBuilder('t').orderBy('t.code', 'ASC').addOrderBy('t.language', 'ASC');
    if (query.code) builder.andWhere('t.code = :code', { code: query.code });
    if (query.language) builder.andWhere('t.language = :language', { language: query.language });
    return pageOf(builder, query);
  }

  get(id: number): Promise<NotificationTemplate> {
    return this.load(this.dataSource.manager, id);
  }

  create(actor: Principal, body: CreateTemplateDto, now = new Date()): Promise<NotificationTemplate> {
    return this.dataSource.transaction(async (manager) => {
      const template = manager.create(NotificationTemplate, { active: true, ...definedFields(body), builtIn: false, createdAt: now, updatedAt: now });
      const details = issuesOf(template);
      if (details.length) throw badRequest('invalid_template', 'The template is not valid', details);
      if (await manager.existsBy(NotificationTemplate, { code: body.code, language: body.language })) {
        throw conflict('duplicate', `A ${body.language} template "${body.code}" exists already`, [{ path: 'code', message: 'already taken in this language' }]);
      }
      await manager.save(template);
      await this.audit.record(manager, actor, { entityType: 'notificationTemplate', entityId: template.id, action: 'create', changes: changesBetween(null, template, AUDITED_FIELDS) }, now);
      return template;
    });
  }

  update(actor: Principal, id: number, body: UpdateTemplateDto, now = new Date()): Promise<NotificationTemplate> {
    return this.dataSource.transaction(async (manager) => {
      const template = await this.load(manager, id);
      const before = { ...template };
      Object.assign(template, definedFields(body), { updatedAt: now });
      const details = issuesOf(template);
      if (details.length) throw badRequest('invalid_template', 'The template is not valid', details);
      await manager.save(template);
      await this.audit.record(manager, actor, { entityType: 'notificationTemplate', entityId: id, action: 'update', changes: changesBetween(before, template, AUDITED_FIELDS) }, now);
      return template;
    });
  }

  remove(actor: Principal, id: number, now = new Date()): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const template = await this.load(manager, id);
      if (template.builtIn) throw conflict('built_in_template', `"${template.code}" is a built-in template: edit it or switch it off instead`, [{ path: 'id', message: 'built-in' }]);
      await manager.delete(NotificationTemplate, { id });
      await this.audit.record(manager, actor, { entityType: 'notificationTemplate', entityId: id, action: 'delete', changes: changesBetween(template, {}, AUDITED_FIELDS) }, now);
    });
  }

  /**
   * Writes the built-in template of every event and language that has no row yet. Safe to run from every
   * process at once: the unique (code, language) key turns a second insert into nothing.
   */
  async seedDefaults(now = new Date()): Promise<number> {
    const rows = NOTIFICATION_EVENTS.flatMap((code) => TEMPLATE_LANGUAGES.map((language) => ({ code, language, ...DEFAULT_TEMPLATES[code][language], active: true, builtIn: true, createdAt: now, updatedAt: now })));
    const existing = await this.dataSource.getRepository(NotificationTemplate).find({ select: { code: true, language: true } });
    const missing = rows.filter((row) => !existing.some((template) => template.code === row.code && template.language === row.language));
    if (missing.length) await this.dataSource.createQueryBuilder().insert().into(NotificationTemplate).values(missing).orIgnore().execute();
    return missing.length;
  }

  private async load(manager: EntityManager, id: number): Promise<NotificationTemplate> {
    const template = await manager.findOneBy(NotificationTemplate, { id });
    if (!template) throw notFound('Notification template', id);
    return template;
  }
}
