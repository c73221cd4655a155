/** Rows grouped by a key, each group in the rows' order, groups in the order their keys first appear. */
export const groupBy = <K, V>(rows: V[], keyOf: (row: V) => K): Map<K, V[]> => {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
};
