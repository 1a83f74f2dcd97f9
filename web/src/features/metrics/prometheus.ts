/** One sample line of the Prometheus text exposition format. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parseValue(raw: string): number {
  if (raw === '+Inf') return Infinity;
  if (raw === '-Inf') return -Infinity;
  if (raw === 'NaN') return NaN;
  return Number(raw);
}

/** Reads `{a="x",b="y\"z"}` starting at the opening brace; returns the labels and the index after `}`. */
function parseLabels(line: string, start: number): { labels: Record<string, string>; end: number } {
  const labels: Record<string, string> = {};
  let i = start + 1;
  while (i < line.length && line[i] !== '}') {
    while (line[i] === ' ' || line[i] === ',') i += 1;
    if (line[i] === '}') break;
    const eq = line.indexOf('=', i);
    const key = line.slice(i, eq).trim();
    i = eq + 2; // skip =" to the first value character
    let value = '';
    while (i < line.length && line[i] !== '"') {
      if (line[i] === '\\') {
        const next = line[i + 1];
        value += next === 'n' ? '\n' : (next ?? '');
        i += 2;
      } else {
        value += line[i];
        i += 1;
      }
    }
    labels[key] = value;
    i += 1; // closing quote
  }
  return { labels, end: i + 1 };
}

/** Parses the text format (comments and HELP/TYPE lines skipped; timestamps ignored). */
export function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const brace = line.indexOf('{');
    const space = line.indexOf(' ');
    let name: string;
    let labels: Record<string, string> = {};
    let rest: string;
    if (brace >= 0 && (space < 0 || brace < space)) {
      name = line.slice(0, brace);
      const parsed = parseLabels(line, brace);
      labels = parsed.labels;
      rest = line.slice(parsed.end).trim();
    } else {
      name = line.slice(0, space);
      rest = line.slice(space + 1).trim();
    }
    const value = parseValue(rest.split(/\s+/)[0] ?? '');
    if (name) samples.push({ name, labels, value });
  }
  return samples;
}

/** Sums a metric's samples, optionally grouped by one label (e.g. requests per route). */
export function sumBy(samples: Sample[], name: string, label?: string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const sample of samples) {
    if (sample.name !== name || !Number.isFinite(sample.value)) continue;
    const key = label ? (sample.labels[label] ?? '') : '';
    totals.set(key, (totals.get(key) ?? 0) + sample.value);
  }
  return totals;
}

export function total(samples: Sample[], name: string): number | undefined {
  const matching = samples.filter((s) => s.name === name && Number.isFinite(s.value));
  return matching.length ? matching.reduce((sum, s) => sum + s.value, 0) : undefined;
}

/** Total of every counter whose name contains `fragment` (and ends in _total), for families whose exact names vary. */
export function totalMatching(samples: Sample[], fragment: string): number | undefined {
  const matching = samples.filter((s) => s.name.includes(fragment) && s.name.endsWith('_total') && Number.isFinite(s.value));
  return matching.length ? matching.reduce((sum, s) => sum + s.value, 0) : undefined;
}
