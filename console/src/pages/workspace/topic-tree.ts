import type { TopicCatalogNode } from './types';

export interface TopicTreeOption {
  value: number;
  title: string;
  selectable: boolean;
  children: TopicTreeOption[];
}

/**
 * The catalog as a tree for a TreeSelect, limited to the topics a contact template allows (none listed: all);
 * groups left without a topic are dropped.
 */
export function topicTree(nodes: TopicCatalogNode[], allowed: number[]): TopicTreeOption[] {
  const build = (parentId: number | null): TopicTreeOption[] =>
    nodes
      .filter((node) => node.parentId === parentId)
      .flatMap((node): TopicTreeOption[] => {
        if (node.kind === 'topic') return !allowed.length || allowed.includes(node.id) ? [{ value: node.id, title: node.name, selectable: true, children: [] }] : [];
        const children = build(node.id);
        return children.length ? [{ value: node.id, title: node.name, selectable: false, children }] : [];
      });
  return build(null);
}

/** Whether the tree offers the topic for choosing. */
export function offersTopic(options: readonly TopicTreeOption[], topicId: number): boolean {
  return options.some((option) => (option.selectable && option.value === topicId) || offersTopic(option.children, topicId));
}
