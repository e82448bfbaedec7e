/**
 * A conservative check that an admin's query is one read-only SELECT over allow-listed tables, with named
 * parameters (`:name`) only. It refuses rather than guesses: comments, double quotes, backslashes in
 * strings, variables, schema-qualified tables and anything that writes, locks or reads files are rejected.
 */
export interface CheckedSelect {
  /** The query with each `:name` turned into `?`, ready for the driver to bind. */
  positionalSql: string;
  /** Parameter names in placeholder order (a name appears once per use). */
  parameterOrder: string[];
  tables: string[];
}

export class SelectRejected extends Error {}

type Token = { kind: 'word' | 'quoted' | 'string' | 'number' | 'param' | 'punct'; text: string; start: number };

const FORBIDDEN_WORDS = new Set(
  (
    'insert update delete replace merge upsert drop alter create truncate rename grant revoke into outfile dumpfile load ' +
    'attach detach pragma vacuum reindex analyze call exec execute handler lock unlock set show describe explain for ' +
    'begin commit rollback savepoint release do prepare deallocate kill shutdown flush purge reset optimize install ' +
    'sleep benchmark load_file get_lock release_lock is_free_lock database schema user current_user system_user ' +
    'session_user version connection_id last_insert_id row_count found_rows randomblob zeroblob readfile writefile ' +
    'load_extension sqlite_version sqlite_source_id changes total_changes'
  ).split(' '),
);

/** Words that end a table reference, so they are never taken for an alias. */
const CLAUSE_WORDS = new Set(
  'where join inner left right outer cross natural on using group order having limit offset union except intersect window as'.split(' '),
);

export function checkSelect(sql: string, allowedTables: ReadonlySet<string> | null): CheckedSelect {
  const tokens = tokenize(sql);
  if (tokens.length && tokens[tokens.length - 1].text === ';') tokens.pop();
  if (!tokens.length || !isWord(tokens[0], 'select')) throw new SelectRejected('the query must be a single SELECT');
  const tables = new Set<string>();
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.text === ';') throw new SelectRejected('only one statement is allowed');
    if (token.kind === 'word' && FORBIDDEN_WORDS.has(token.text.toLowerCase())) {
      throw new SelectRejected(`"${token.text}" is not allowed in a read-only query`);
    }
    if (isWord(token, 'from') || isWord(token, 'join')) index = readTableReferences(tokens, index + 1, allowedTables, tables) - 1;
  }
  // Rebuilt from the original text so spacing inside the query stays as the admin wrote it.
  const parameterOrder: string[] = [];
  let positionalSql = '';
  let copied = 0;
  for (const token of tokens.filter((candidate) => candidate.kind === 'param')) {
    positionalSql += sql.slice(copied, token.start) + '?';
    copied = token.start + token.text.length;
    parameterOrder.push(token.text.slice(1));
  }
  const end = tokens[tokens.length - 1];
  positionalSql += sql.slice(copied, end.start + end.text.length);
  return { positionalSql, parameterOrder, tables: [...tables] };
}

/** Reads `table [AS] [alias] (, table [AS] [alias])*` or a parenthesised subquery; returns the next index. */
function readTableReferences(tokens: Token[], start: number, allowed: ReadonlySet<string> | null, seen: Set<string>): number {
  let index = start;
  for (;;) {
    const token = tokens[index];
    if (!token) throw new SelectRejected('a table name is missing after FROM or JOIN');
    if (token.text === '(') return index;
    if (token.kind !== 'word' && token.kind !== 'quoted') throw new SelectRejected(`"${token.text}" is not a table name`);
    const table = token.kind === 'quoted' ? token.text.slice(1, -1) : token.text;
    if (tokens[index + 1]?.text === '.') throw new SelectRejected(`"${table}": qualify tables by name only, without a schema`);
    if (tokens[index + 1]?.text === '(') throw new SelectRejected(`"${table}": table functions are not allowed`);
    if (allowed && !allowed.has(table.toLowerCase())) throw new SelectRejected(`the table "${table}" is not allowed`);
    seen.add(table.toLowerCase());
    index++;
    if (isWord(tokens[index], 'as')) index++;
    const alias = tokens[index];
    if (alias && (alias.kind === 'quoted' || (alias.kind === 'word' && !CLAUSE_WORDS.has(alias.text.toLowerCase())))) index++;
    if (tokens[index]?.text !== ',') return index;
    index++;
  }
}

function isWord(token: Token | undefined, word: string): boolean {
  return token?.kind === 'word' && token.text.toLowerCase() === word;
}

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  const take = (kind: Token['kind'], end: number) => {
    tokens.push({ kind, text: sql.slice(index, end), start: index });
    index = end;
  };
  while (index < sql.length) {
    const char = sql[index];
    const rest = sql.slice(index);
    if (/\s/.test(char)) index++;
    else if (rest.startsWith('--') || rest.startsWith('/*') || char === '#') throw new SelectRejected('comments are not allowed');
    else if (char === '"') throw new SelectRejected('double quotes are not allowed: use single quotes for text and backticks for names');
    else if (char === '@') throw new SelectRejected('variables are not allowed');
    else if (char === '?') throw new SelectRejected('use named parameters (:name), not ?');
    else if (char === "'") take('string', endOfString(sql, index));
    else if (char === '`') {
      const end = sql.indexOf('`', index + 1);
      if (end < 0) throw new SelectRejected('an unterminated `name`');
      take('quoted', end + 1);
    } else if (char === ':') {
      const match = /^:([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
      if (!match) throw new SelectRejected('":" must start a parameter name');
      take('param', index + match[0].length);
    } else if (/[A-Za-z_]/.test(char)) take('word', index + /^[A-Za-z_][A-Za-z0-9_$]*/.exec(rest)![0].length);
    else if (/[0-9]/.test(char)) take('number', index + /^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(rest)![0].length);
    else if (/^(<=|>=|<>|!=|\|\|)/.test(rest)) take('punct', index + 2);
    else if ('(),.;=<>+-*/%'.includes(char)) take('punct', index + 1);
    else throw new SelectRejected(`unexpected character "${char}"`);
  }
  return tokens;
}

function endOfString(sql: string, start: number): number {
  for (let index = start + 1; index < sql.length; index++) {
    if (sql[index] === '\\') throw new SelectRejected('backslashes in text are read differently by each database: leave them out');
    if (sql[index] === "'") {
      if (sql[index + 1] === "'") index++;
      else return index + 1;
    }
  }
  throw new SelectRejected('an unterminated text literal');
}
