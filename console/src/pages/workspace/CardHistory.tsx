import { Collapse, Empty, Timeline, Typography } from 'antd';
import type { AuditRecord } from '../../api/types';
import { formatInstant } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import { ChangesTable } from '../admin/audit/ChangesTable';

type Change = AuditRecord['changes'][number];

/** What the route runner journals as one `route` change: what happened at which step, and the rule that decided. */
interface RouteNote {
  action?: string;
  stepId?: string;
  transitionId?: string;
  detail?: string;
  explanation?: unknown;
}

const routeNoteOf = (change: Change): RouteNote | null => (change.field === 'route' && change.new && typeof change.new === 'object' ? (change.new as RouteNote) : null);

function Why({ explanation }: { explanation: unknown }) {
  const { t } = useI18n();
  return (
    <Collapse
      size="small"
      ghost
      items={[{ key: 'why', label: t('workspace.why'), children: <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, margin: 0 }}>{JSON.stringify(explanation, null, 2)}</pre> }]}
    />
  );
}

/** The request's journal, oldest first: who did what, the fields it changed, and the rule that decided when the journal kept it. */
export function CardHistory({ history }: { history: AuditRecord[] }) {
  const { t, tOr, locale } = useI18n();
  if (!history.length) return <Empty description={t('workspace.noHistory')} />;
  return (
    <Timeline
      items={history.map((entry) => {
        const notes = entry.changes.map(routeNoteOf).filter((note): note is RouteNote => note !== null);
        const explanations = entry.changes.filter((change) => change.field === 'explanation' || change.field.endsWith('.explanation'));
        const changes = entry.changes.filter((change) => !routeNoteOf(change) && !explanations.includes(change));
        return {
          key: entry.id,
          children: (
            <div data-testid="history-entry">
              <Typography.Text strong>{tOr(`workspace.action.${entry.action}`, entry.action)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {entry.actorLogin} · {formatInstant(entry.at, locale)}
              </Typography.Text>
              {notes.map((note, index) => (
                <div key={index}>
                  <Typography.Text>{[note.stepId, note.transitionId, note.detail].filter(Boolean).join(' · ')}</Typography.Text>
                  {note.explanation !== undefined && <Why explanation={note.explanation} />}
                </div>
              ))}
              {changes.length > 0 && <ChangesTable changes={changes} />}
              {explanations.map((change) => <Why key={change.field} explanation={change.new} />)}
            </div>
          ),
        };
      })}
    />
  );
}
