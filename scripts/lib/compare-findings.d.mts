export interface Finding {
  repo: string;
  file: string;
  path?: string;
  line: number;
  column: number;
  endLine?: number;
  ruleId: string;
  messageId?: string;
}

export type Side = 'ours-only' | 'theirs-only' | 'both';

export interface Item<F extends Finding = Finding> {
  side: Side;
  finding: F;
  other?: F;
  label?: 'TP' | 'FP' | null;
  note?: string;
}

export interface SidePrecision {
  sampled: number;
  labelled: number;
  tp: number;
  fp: number;
  share: number | null;
  low: number | null;
  high: number | null;
}

export interface Comparison<F extends Finding = Finding> {
  counts: { ours: number; theirs: number; both: number; oursOnly: number; theirsOnly: number; theirsOnlyReportedByAnotherRule: number };
  messageIds: Record<Side, Record<string, number>>;
  byRepo: Record<string, Record<Side, number>>;
  samples: Record<Side, Item<F>[]>;
  precision: Record<Side, SidePrecision>;
  lists: Record<'oursOnly' | 'theirsOnly' | 'both', object[]>;
}

export declare const COMPARE_RULE: 'compare-floating';
export declare function matchFindings<F extends Finding>(ours: readonly F[], theirs: readonly F[]): { both: { ours: F; theirs: F }[]; oursOnly: F[]; theirsOnly: F[] };
export declare function countBy<F extends Finding>(findings: readonly F[], key?: (finding: F) => string): Record<string, number>;
export declare function itemLocation(item: Item): string;
export declare function compareFindings<F extends Finding>(options: {
  ours: readonly F[];
  theirs: readonly F[];
  others?: readonly F[];
  sample?: number;
  sampleBoth?: number;
  repoCap?: number;
  key: (finding: F) => number;
  labels?: Map<string, { label: 'TP' | 'FP'; note: string }>;
}): Comparison<F>;
export declare function writeComparisonSheet(
  dir: string,
  comparison: Comparison,
  options: { name?: string; key: (finding: Finding) => number; set?: string | null; theirRule?: string },
): number;
