/** One column of a keyset ordering: an SQL expression and its direction. */
export interface KeysetColumn {
  expr: string;
  direction: 'ASC' | 'DESC';
}

/**
 * The WHERE condition selecting rows strictly after a cursor in the given ordering, with
 * placeholders `$n` numbered from `firstParam`. Columns must be NOT NULL and end with a
 * unique one (the id). Mixed directions expand to (a > x) OR (a = x AND b < y) OR ...
 */
export function keysetAfter(columns: readonly KeysetColumn[], firstParam: number): string {
  const param = (i: number) => `$${firstParam + i}`;
  if (columns.every((c) => c.direction === columns[0].direction)) {
    const op = columns[0].direction === 'ASC' ? '>' : '<';
    return `(${columns.map((c) => c.expr).join(', ')}) ${op} (${columns.map((_, i) => param(i)).join(', ')})`;
  }
  const branches = columns.map((column, i) => {
    const equal = columns.slice(0, i).map((c, j) => `${c.expr} = ${param(j)}`);
    const op = column.direction === 'ASC' ? '>' : '<';
    return `(${[...equal, `${column.expr} ${op} ${param(i)}`].join(' AND ')})`;
  });
  return `(${branches.join(' OR ')})`;
}

export function keysetOrderBy(columns: readonly KeysetColumn[]): string {
  return columns.map((c) => `${c.expr} ${c.direction}`).join(', ');
}
