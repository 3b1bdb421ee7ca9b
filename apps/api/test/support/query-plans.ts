/** The tables whose plans query-health watches for Seq Scans. */
export const WATCHED = ['placements', 'check_ins', 'rotation_requests'];

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

export function scans(
  node: PlanNode,
  out: Array<{ type: string; relation: string; index?: string }> = [],
): Array<{ type: string; relation: string; index?: string }> {
  if (node['Relation Name'])
    out.push({ type: node['Node Type'], relation: node['Relation Name'], index: node['Index Name'] });
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

/** One-line plan outline for failure messages and the report: the tree, indented. */
export function outline(node: PlanNode, depth = 0): string {
  const self = `${'  '.repeat(depth)}${node['Node Type']}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}`;
  return [self, ...(node.Plans ?? []).map((c) => outline(c, depth + 1))].join('\n');
}

export const touchesWatched = (sql: string): boolean =>
  WATCHED.some((t) => new RegExp(`\\b(FROM|JOIN)\\s+"?${t}"?\\b`, 'i').test(sql));
export const isCount = (sql: string): boolean => /^\s*SELECT\s+COUNT\s*\(/i.test(sql);

export interface Finding {
  sql: string;
  params: Array<string | Buffer | null>;
  seqScans: string[];
  plan: string;
}

export const describeFindings = (findings: Finding[]): string =>
  findings
    .map(
      (f) =>
        `Seq Scan on ${f.seqScans.join(', ')} in:\n  ${f.sql}\n  params ${JSON.stringify(f.params)}\n${f.plan.replace(/^/gm, '    ')}`,
    )
    .join('\n\n');
