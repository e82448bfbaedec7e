/**
 * The tables a dynamic query may read: reference data and the directory. Users, sessions, tokens, the audit
 * journal and requests (guarded per queue) are left out on purpose.
 */
export const DYNAMIC_QUERY_TABLES: ReadonlySet<string> = new Set([
  'dictionaries',
  'dictionary_items',
  'external_dictionary_items',
  'clients',
  'client_contracts',
  'client_services',
  'contact_persons',
  'partners',
  'contact_places',
  'place_kinds',
  'channels',
  'directions',
  'workgroups',
]);

export const DYNAMIC_QUERY_LIMITS = { maxRows: 1000, timeoutMs: 5000 };
