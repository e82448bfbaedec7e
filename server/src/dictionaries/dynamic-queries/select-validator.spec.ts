import { checkSelect, SelectRejected } from './select-validator';

const allowed = new Set(['clients', 'client_contracts', 'dictionary_items']);

describe('checkSelect', () => {
  it('accepts a SELECT over allowed tables and turns named parameters into placeholders', () => {
    const checked = checkSelect(
      "SELECT c.id AS value, c.name AS label FROM clients c JOIN client_contracts k ON k.clientId = c.id WHERE c.category = :category AND k.number <> 'a:b' AND c.priority >= :priority;",
      allowed,
    );
    expect(checked.parameterOrder).toEqual(['category', 'priority']);
    expect(checked.positionalSql).toContain("WHERE c.category = ? AND k.number <> 'a:b' AND c.priority >= ?");
    expect(checked.positionalSql.endsWith('?')).toBe(true);
    expect(checked.tables.sort()).toEqual(['client_contracts', 'clients']);
  });

  it('accepts subqueries and comma joins when every table is allowed', () => {
    expect(() => checkSelect('SELECT id FROM (SELECT id FROM clients) x, `dictionary_items` AS d WHERE d.id = x.id', allowed)).not.toThrow();
  });

  it.each([
    ['an update', 'UPDATE clients SET name = 1'],
    ['a second statement', 'SELECT id FROM clients; DELETE FROM clients'],
    ['a table outside the list', 'SELECT id FROM users'],
    ['a joined table outside the list', 'SELECT c.id FROM clients c LEFT JOIN sessions s ON s.userId = c.id'],
    ['a comma-joined table outside the list', 'SELECT 1 FROM clients, api_tokens'],
    ['a schema-qualified table', 'SELECT 1 FROM information_schema.tables'],
    ['a comment', 'SELECT id FROM clients -- x'],
    ['an executable comment', 'SELECT /*! 1 */ id FROM clients'],
    ['SELECT INTO OUTFILE', "SELECT id FROM clients INTO OUTFILE '/tmp/x'"],
    ['a locking read', 'SELECT id FROM clients FOR UPDATE'],
    ['sleep', 'SELECT SLEEP(10) FROM clients'],
    ['a variable', 'SELECT @x FROM clients'],
    ['positional parameters', 'SELECT id FROM clients WHERE id = ?'],
    ['a backslash in text', "SELECT id FROM clients WHERE name = 'a\\' OR 1=1'"],
    ['double quotes', 'SELECT "id" FROM clients'],
    ['a table function', 'SELECT 1 FROM json_each(1)'],
    ['no table at all after FROM', 'SELECT 1 FROM'],
    ['a WITH clause', 'WITH x AS (SELECT 1) SELECT * FROM x'],
  ])('refuses %s', (_what, sql) => {
    expect(() => checkSelect(sql, allowed)).toThrow(SelectRejected);
  });

  it('checks only the statement shape when no table list is given (external databases)', () => {
    expect(checkSelect('SELECT code, title FROM billing_tariffs', null).tables).toEqual(['billing_tariffs']);
    expect(() => checkSelect('DELETE FROM billing_tariffs', null)).toThrow(SelectRejected);
  });
});
