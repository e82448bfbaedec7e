import type { EntityManager } from 'typeorm';
import type { AttributeFlagRules, PublishReferences, RouteIssue } from '../../../workflows/index';
import { Dictionary } from '../dictionaries/entities/dictionary.entity';
import { ExternalDictionary } from '../dictionaries/entities/external-dictionary.entity';
import { Queue } from '../queues/queue.entity';
import { loadConfiguration } from '../topics/configuration/configuration.repository';
import { contextSchemaFor } from '../topics/resolution/context-schema';
import { FLAGS, isRuleSetting, type AttributeDef, type TopicConfiguration } from '../topics/resolution/definitions';
import { attributeLayersFor, flagChain } from '../topics/resolution/layers';

/**
 * Notification templates are not stored yet (issue 8 brings them). Until then a template name cannot be
 * checked: every name passes, and validation says so in a warning rather than pretending to have checked.
 */
class UncheckedNames extends Set<string> {
  override has(): boolean {
    return true;
  }
}
const TEMPLATES_UNCHECKED: RouteIssue = { path: 'templates', message: 'notification template names are not checked: Docket stores no templates yet' };

/** The configuration a route is validated and simulated against: the bound topics, their attributes, queues, dictionaries. */
export class RouteConfiguration {
  private constructor(
    private readonly configuration: TopicConfiguration,
    private readonly topicIds: readonly number[],
  ) {}

  static async load(manager: EntityManager, topicIds: readonly number[]): Promise<RouteConfiguration> {
    return new RouteConfiguration(await loadConfiguration(manager), topicIds);
  }

  /** Codes of the bound topics that exist (in binding order); ids that are not topics are left out. */
  get topicCodes(): string[] {
    return this.topicIds.flatMap((topicId) => this.configuration.nodes.filter((node) => node.id === topicId && node.kind === 'topic').map((node) => node.code));
  }

  /** Every attribute any bound topic has, once. */
  get attributes(): AttributeDef[] {
    const byId = new Map<number, AttributeDef>();
    for (const topicId of this.topicIds) for (const layer of attributeLayersFor(this.configuration, topicId, true)) byId.set(layer.attribute.id, layer.attribute);
    return [...byId.values()];
  }

  async publishReferences(manager: EntityManager): Promise<{ references: PublishReferences; warnings: RouteIssue[] }> {
    const attributes = this.attributes;
    const [queues, dictionaries, externalDictionaries] = await Promise.all([
      manager.find(Queue, { select: { code: true } }),
      manager.find(Dictionary, { select: { code: true } }),
      manager.find(ExternalDictionary, { select: { code: true } }),
    ]);
    const references: PublishReferences = {
      schema: contextSchemaFor(attributes),
      queues: new Set(queues.map((queue) => queue.code)),
      attributes: new Set(attributes.map((attribute) => attribute.code)),
      templates: new UncheckedNames(),
      topics: new Set(this.configuration.nodes.filter((node) => node.kind === 'topic').map((node) => node.code)),
      dictionaries: new Set([...dictionaries, ...externalDictionaries].map((dictionary) => dictionary.code)),
    };
    return { references, warnings: [TEMPLATES_UNCHECKED] };
  }

  /**
   * A topic's own flags per attribute, as the route interpreter takes them (steps override on top): the
   * most specific setting along attribute → group bindings → topic binding.
   */
  attributeFlags(topicId: number): Record<string, AttributeFlagRules> {
    const flags: Record<string, AttributeFlagRules> = {};
    for (const layers of attributeLayersFor(this.configuration, topicId, false)) {
      const rules: AttributeFlagRules = {};
      for (const flag of FLAGS) {
        const chain = flagChain(layers, flag, topicId, null);
        const setting = chain[chain.length - 1].setting;
        rules[flag] = isRuleSetting(setting) ? setting.rule : setting;
      }
      flags[layers.attribute.code] = rules;
    }
    return flags;
  }
}
