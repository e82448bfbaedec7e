/** English texts of the route modeller's migration plan editor, spread into i18n/en.ts. */
export const routeMigrationEn = {
  'migration.title': 'Move open requests to version {to}',
  'migration.waiting': '{count} open requests are still on version {from}',
  'migration.none': 'No open request is on version {from}',
  'migration.from': 'From version',
  'migration.step': 'Step in version {from}',
  'migration.target': 'Step in version {to}',
  'migration.removed': 'not in version {to}',
  'migration.pick': 'Pick a step',
  'migration.dryRun': 'Dry run',
  'migration.migrate': 'Migrate',
  'migration.request': 'Request',
  'migration.outcome': 'Outcome',
  'migration.wouldMove': 'would move to {steps}',
  'migration.moved': 'moved to {steps}',
  'migration.refused': 'refused: {reasons}',
  'migration.summary': '{movable} can move, {blocked} cannot',
  'migration.done': '{moved} requests moved to version {to}, {blocked} stayed',
};

/** English names of the handler events in the modeller's properties panel, spread into i18n/en.ts. */
export const routeHandlersEn = {
  'modeller.kind.bpmn:Process': 'Route',
  'modeller.routeHint': 'Route-wide settings. Select an element of the diagram to edit its properties.',
  'modeller.event.onEnter': 'On entering the step (onEnter)',
  'modeller.event.onLeave': 'On leaving the step (onLeave)',
  'modeller.event.onHandOff': 'On hand-off (onHandOff)',
  'modeller.event.onRejection': 'On hand-back (onRejection)',
  'modeller.event.onSlaWarning': 'On SLA warning (onSlaWarning)',
  'modeller.event.onSlaBreach': 'On SLA breach (onSlaBreach)',
};
