import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { notFound } from '../common/docket-error';
import { currentConfiguration } from './configuration/configuration.repository';
import type { StepOverrides } from './resolution/definitions';
import { buildFormSchema } from './resolution/form-schema';
import { resolveAttributes } from './resolution/resolve';
import type { ResolvedForm } from './resolution/resolved';
import type { JsonSchema } from './resolution/value-types';

export interface FormView extends ResolvedForm {
  schema: JsonSchema;
}

export interface ResolveRequest {
  context: Record<string, unknown>;
  step: StepOverrides | null;
  includeInactive: boolean;
}

/** The form of a topic at a step: the resolver's output and its JSON Schema, for every client alike. */
@Injectable()
export class FormsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async resolve(topicId: number, request: ResolveRequest): Promise<FormView> {
    const configuration = await currentConfiguration(this.dataSource.manager);
    const topic = configuration.nodes.find((node) => node.id === topicId && node.kind === 'topic');
    if (!topic) throw notFound('Topic', topicId);
    const form = resolveAttributes({ configuration, topicId, step: request.step, context: request.context, includeInactive: request.includeInactive });
    return { ...form, schema: buildFormSchema(form) };
  }

  /** The context a plain form request has: who asks, and for which step. */
  static principalContext(principal: Principal, stepId?: string): Record<string, unknown> {
    return { user: { login: principal.login }, ...(stepId ? { step: { id: stepId } } : {}) };
  }
}
