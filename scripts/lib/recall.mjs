// Recall on a hunted set for `npm run eval -- … --recall <tsv>`: real instances of each weakness,
// found by scripts that do not use the plugin and judged by hand, and which of them the run
// reports. TSV: `rule<TAB>repo/file:startLine-endLine<TAB>note`; an instance counts as reported
// when a finding of that rule in that file starts on a line inside the range.
import { readFileSync } from 'node:fs';

import { wilsonInterval } from './precision.mjs';

const LOCATION = /^(.+):(\d+)-(\d+)$/u;

export function readInstances(file) {
  const instances = [];
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/u)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [rule, location, note = ''] = line.split('\t');
    const match = LOCATION.exec(location ?? '');
    if (rule === undefined || match === null) throw new Error(`bad recall line in ${file}: ${line}`);
    instances.push({ rule, file: match[1], start: Number(match[2]), end: Number(match[3]), note });
  }
  return instances;
}

/** Per rule: hunted instances, how many the findings report, recall with its 95% Wilson interval. */
export function recallByRule(instances, findings) {
  const byFile = new Map();
  for (const finding of findings) {
    const key = `${finding.ruleId}\t${finding.repo}/${finding.file}`;
    if (!byFile.has(key)) byFile.set(key, []);
    byFile.get(key).push(finding.line);
  }
  const result = {};
  for (const instance of instances) {
    const lines = byFile.get(`${instance.rule}\t${instance.file}`) ?? [];
    const hit = lines.some((line) => line >= instance.start && line <= instance.end);
    result[instance.rule] ??= { instances: 0, reported: 0, missed: [] };
    result[instance.rule].instances++;
    if (hit) result[instance.rule].reported++;
    else result[instance.rule].missed.push(`${instance.file}:${instance.start}-${instance.end}`);
  }
  for (const entry of Object.values(result)) {
    const { low, high } = wilsonInterval(entry.reported, entry.instances);
    entry.recall = Math.round((1000 * entry.reported) / entry.instances) / 10;
    entry.low = Math.round(1000 * low) / 10;
    entry.high = Math.round(1000 * high) / 10;
  }
  return result;
}
