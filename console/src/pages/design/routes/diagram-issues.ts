import type { RouteCheck } from '../../../api/types';

export interface Overlays {
  add(elementId: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}

export interface Canvas {
  addMarker(elementId: string, marker: string): void;
  removeMarker(elementId: string, marker: string): void;
}

export interface ElementRegistry {
  get(id: string): unknown;
  getAll(): Array<{ id: string }>;
}

export interface Issue {
  level: 'error' | 'warning';
  path: string;
  message: string;
}

export const issuesOf = (check: RouteCheck): Issue[] => [
  ...check.errors.map((issue) => ({ level: 'error' as const, path: issue.path, message: issue.message })),
  ...check.warnings.map((issue) => ({ level: 'warning' as const, path: issue.path, message: issue.message })),
];

const OVERLAY = 'docket-issue';

/** Pins each issue to the element its path names: a red or amber badge, the messages in its tooltip. */
export function pinIssues(overlays: Overlays, registry: ElementRegistry, issues: Issue[]): void {
  overlays.remove({ type: OVERLAY });
  const byElement = new Map<string, Issue[]>();
  for (const issue of issues) {
    const id = issue.path.split(/[./]/)[0];
    if (registry.get(id)) byElement.set(id, [...(byElement.get(id) ?? []), issue]);
  }
  for (const [id, pinned] of byElement) {
    const badge = document.createElement('div');
    const hasError = pinned.some((issue) => issue.level === 'error');
    badge.className = `docket-issue-badge ${hasError ? 'error' : 'warning'}`;
    badge.textContent = String(pinned.length);
    badge.title = pinned.map((issue) => issue.message).join('\n');
    badge.setAttribute('role', 'note');
    badge.setAttribute('aria-label', badge.title);
    badge.dataset.element = id;
    overlays.add(id, OVERLAY, { position: { top: -10, right: 10 }, html: badge });
  }
}

const SIMULATED = 'docket-simulated';

/** Highlights the steps a simulation went through (and clears the previous run). */
export function highlightPath(canvas: Canvas, registry: ElementRegistry, stepIds: string[]): void {
  for (const element of registry.getAll()) canvas.removeMarker(element.id, SIMULATED);
  for (const id of stepIds) if (registry.get(id)) canvas.addMarker(id, SIMULATED);
}
