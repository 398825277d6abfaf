export interface Instance {
  rule: string;
  file: string;
  start: number;
  end: number;
  note: string;
}

export interface RuleRecall {
  instances: number;
  reported: number;
  missed: string[];
  recall: number;
  low: number;
  high: number;
}

/** Hunted instances: `rule<TAB>repo/file:startLine-endLine<TAB>note` lines, `#` comments. */
export declare function readInstances(file: string): Instance[];

/** Per rule: instances, how many a finding of that rule reports, recall and its 95% Wilson interval. */
export declare function recallByRule(
  instances: readonly Instance[],
  findings: readonly { ruleId: string; repo: string; file: string; line: number }[],
): Record<string, RuleRecall>;
