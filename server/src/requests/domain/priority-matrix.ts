/** One cell of the impact × urgency matrix as stored. */
export interface PriorityCellData {
  impact: number;
  urgency: number;
  priority: number;
}

export interface PriorityMatrix {
  impacts: number[];
  urgencies: number[];
  priorityOf(impact: number, urgency: number): number | undefined;
}

/** The matrix read from its rows; levels are whatever the rows name, so a department may use 3×3 or 5×5. */
export function priorityMatrix(cells: readonly PriorityCellData[]): PriorityMatrix {
  const byKey = new Map(cells.map((cell) => [`${cell.impact}:${cell.urgency}`, Number(cell.priority)]));
  const sorted = (values: number[]) => [...new Set(values.map(Number))].sort((a, b) => a - b);
  return {
    impacts: sorted(cells.map((cell) => cell.impact)),
    urgencies: sorted(cells.map((cell) => cell.urgency)),
    priorityOf: (impact, urgency) => byKey.get(`${impact}:${urgency}`),
  };
}

/** The priority of an impact and urgency, or the problems with them (paths relative to the request). */
export function classify(matrix: PriorityMatrix, impact: number, urgency: number, prefix: string): { priority: number } | { issues: { path: string; message: string }[] } {
  const issues: { path: string; message: string }[] = [];
  if (!matrix.impacts.includes(impact)) issues.push({ path: `${prefix}impact`, message: `impact must be one of ${matrix.impacts.join(', ')}` });
  if (!matrix.urgencies.includes(urgency)) issues.push({ path: `${prefix}urgency`, message: `urgency must be one of ${matrix.urgencies.join(', ')}` });
  if (issues.length) return { issues };
  const priority = matrix.priorityOf(impact, urgency);
  if (priority === undefined) return { issues: [{ path: `${prefix}urgency`, message: `the priority matrix has no cell for impact ${impact} and urgency ${urgency}` }] };
  return { priority };
}

/**
 * How a request from a customer (the portal, a mail) is classified before an operator looks: the lowest impact,
 * since a customer does not judge the impact on the service desk, and the lowest urgency unless they chose one.
 */
export function customerClassification(matrix: PriorityMatrix, urgency?: number): { impact: number; urgency: number } {
  return { impact: Math.max(...matrix.impacts, 1), urgency: urgency ?? Math.max(...matrix.urgencies, 1) };
}
