// The bench's targets (issue 9), judged from one run's results, and the Markdown report.

function byId(results, id) {
  return results.scenarios.find((scenario) => scenario.id === id);
}

function reasonOf(...scenarios) {
  for (const scenario of scenarios) {
    if (!scenario) {
      return 'not run';
    }
    if (scenario.status !== 'ok') {
      return `${scenario.title}: ${scenario.status} (${scenario.reason ?? scenario.error})`;
    }
  }
  return null;
}

function pct(ratio) {
  return `${Math.round(ratio * 100)}%`;
}

/** Each target with what this run measured and whether it is met (null: not measured). */
export function evaluateTargets(results) {
  const targets = [];
  const add = (target, measured, met) => targets.push({ target, measured, met });

  const list = byId(results, 'list-cached');
  const full = byId(results, 'anchor-full');
  const listReason = reasonOf(list, full);
  if (listReason) {
    add(
      'Cached habit list at 50 connections: ≥ 60% of the full-middleware hello, p99 ≤ 50 ms',
      listReason,
      null,
    );
  } else {
    const ratio = list.rps / full.rps;
    add(
      'Cached habit list at 50 connections: ≥ 60% of the full-middleware hello, p99 ≤ 50 ms',
      `${list.rps} req/s = ${pct(ratio)} of ${full.rps}; p99 ${list.p99} ms`,
      ratio >= 0.6 && list.p99 <= 50,
    );
  }

  const mix = byId(results, 'mix-50');
  const mixReason = reasonOf(mix);
  const mixTarget = 'Mix at 50 connections: p99 ≤ 100 ms, no errors, ≥ 90% cache hits on reads';
  if (mixReason) {
    add(mixTarget, mixReason, null);
  } else {
    const hits = mix.readHitRatio === null ? 'no X-Cache' : pct(mix.readHitRatio);
    // Judged with the requests still unanswered when the load stopped counted at their wait.
    const p99 = mix.p99WithUnanswered ?? mix.p99;
    add(
      mixTarget,
      `p99 ${mix.p99} ms answered, ${p99} ms with the ${mix.unanswered ?? 0} unanswered; ` +
        `${mix.errors} errors, ${hits} read hits`,
      p99 <= 100 && mix.errors === 0 && (mix.readHitRatio ?? 0) >= 0.9,
    );
  }

  const stats = byId(results, 'stats');
  const statsTarget = '30-day statistics: 100× the history ≤ 2× the time of 1×';
  if (reasonOf(stats)) {
    add(statsTarget, reasonOf(stats), null);
  } else {
    const [one, , hundred] = stats.levels;
    add(
      statsTarget,
      `1×: ${one.median} ms, 100×: ${hundred.median} ms (median) = ${stats.ratio100to1}×`,
      stats.ratio100to1 !== null && stats.ratio100to1 <= 2,
    );
  }

  const inval = byId(results, 'invalidation');
  const invalTarget =
    'A million keys: our p99 with writes within 10% of no writes (seed design beside)';
  if (reasonOf(inval)) {
    add(invalTarget, reasonOf(inval), null);
  } else {
    const { withoutWrites, ours, seedDesign } = inval.runs;
    add(
      invalTarget,
      `p99 ${withoutWrites.p99} ms without writes, ${ours.p99} ms ours (${inval.oursP99VsWithoutWrites}×), ` +
        `${seedDesign.p99} ms seed design (${inval.seedDesignP99VsWithoutWrites}×)`,
      inval.oursP99VsWithoutWrites <= 1.1,
    );
  }

  const apis = Object.entries(results.memory ?? {}).filter(([name]) => name.startsWith('api '));
  if (apis.length === 0) {
    add('≤ 150 MB resident per API instance', 'not measured', null);
  } else {
    const largest = Math.max(...apis.map(([, mb]) => mb));
    add(
      '≤ 150 MB resident per API instance',
      apis.map(([name, mb]) => `${name}: ${mb} MB`).join(', '),
      largest <= 150,
    );
  }

  const today = results.frontend?.firstLoadJs?.['/today'];
  add(
    '≤ 200 kB gzip first-load JavaScript for Today',
    today ? `${today.gzipKb} kB gzip (${today.scripts} scripts)` : 'not measured',
    today ? today.gzipKb <= 200 : null,
  );

  const lighthouse = results.frontend?.lighthouse;
  const lhMeasured = !lighthouse
    ? 'not measured'
    : lighthouse.error
      ? `failed: ${lighthouse.error}`
      : `${lighthouse.score} (${lighthouse.signedIn ? 'signed in' : 'not signed in'})`;
  add(
    'Lighthouse performance ≥ 90 (Today, mobile)',
    lhMeasured,
    typeof lighthouse?.score !== 'number' ? null : lighthouse.score >= 90,
  );

  return targets;
}

const CPU_COLUMNS = [
  ['load gen', (p) => p['load generator (bench)']],
  ['nginx', (p) => p.nginx],
  ['api', (p) => sumOf(p, 'api ')],
  ['hello', (p) => sumOf(p, 'hello ')],
  ['ferretdb', (p) => p.ferretdb],
  ['redis', (p) => p.redis],
];

function sumOf(perProcess, prefix) {
  const values = Object.entries(perProcess).filter(([name]) => name.startsWith(prefix));
  return values.length === 0 ? undefined : Math.round(values.reduce((sum, [, v]) => sum + v, 0));
}

function cell(value) {
  return value === undefined || value === null ? '–' : String(value);
}

/** The hit ratio, and how many lookups Redis did not answer in time (the cache was bypassed). */
function cacheCell(cache) {
  if (!cache) {
    return '–';
  }
  return cache.BYPASS ? `${pct(cache.hitRatio)} (${cache.BYPASS} bypassed)` : pct(cache.hitRatio);
}

function loadRows(scenario) {
  const cache = cacheCell(scenario.cache);
  const cpu = scenario.cpu;
  const cpuCells = CPU_COLUMNS.map(([, read]) =>
    cell(
      read(cpu.perProcessPctOfCore) === undefined
        ? undefined
        : Math.round(read(cpu.perProcessPctOfCore)),
    ),
  );
  return `| ${scenario.title} | ${scenario.connections} | ${scenario.rps} | ${scenario.p50} | ${scenario.p95} | ${scenario.p99} | ${scenario.errors} | ${cell(scenario.unanswered)} | ${cell(scenario.p99WithUnanswered)} | ${cache} | ${cpuCells.join(' | ')} | ${cpu.machine.otherCores} | ${cell(scenario.loadAverage1m)} | ${cell(scenario.drainedAfterSeconds)} |`;
}

const LOAD_HEADER =
  `| Scenario | Conns | req/s | p50 ms | p95 ms | p99 ms | Errors | Unanswered | p99 with unanswered | Cache hits | ${CPU_COLUMNS.map(([name]) => `${name} %`).join(' | ')} | other cores | load avg | drain s |\n` +
  `| --- | ${'--- | '.repeat(11 + CPU_COLUMNS.length)}--- |`;

function loadScenarios(results) {
  const rows = [];
  for (const scenario of results.scenarios) {
    if (scenario.status !== 'ok') {
      continue;
    }
    if (scenario.rps !== undefined) {
      rows.push(loadRows(scenario));
    }
    if (scenario.runs) {
      for (const [name, run] of Object.entries(scenario.runs)) {
        rows.push(loadRows({ ...run, title: `${scenario.title}: ${name}` }));
      }
    }
  }
  return rows;
}

function categoryTables(results) {
  const parts = [];
  for (const scenario of results.scenarios) {
    if (scenario.status !== 'ok' || !scenario.categories) {
      continue;
    }
    parts.push(`**${scenario.title}** by request kind:\n`);
    parts.push(
      '| Kind | Answered | p50 ms | p95 ms | p99 ms | Errors | Unanswered | p99 with unanswered | Cache hits |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const [name, c] of Object.entries(scenario.categories)) {
      parts.push(
        `| ${name} | ${c.requests} | ${c.p50} | ${c.p95} | ${c.p99} | ${c.failedResponses} | ${cell(c.unanswered)} | ${cell(c.p99WithUnanswered)} | ${cacheCell(c.cache)} |`,
      );
    }
    parts.push('');
  }
  return parts.join('\n');
}

function statsTable(stats) {
  if (!stats || stats.status !== 'ok') {
    return '';
  }
  const whole = (level) =>
    level.wholeHistory ? `${level.wholeHistory.median} | ${level.wholeHistory.p95}` : '– | –';
  const rows = stats.levels.map(
    (level) =>
      `| ${level.multiple}× (${level.days} days) | ${level.samples} | ${level.median} | ${level.p95} | ${whole(level)} | ${JSON.stringify(level.xCache)} |`,
  );
  return [
    `**30-day statistics**, sequential requests, each after a write of the same user (so none is answered from the cache); the last columns: ${stats.wholeHistoryPath ?? 'no whole-history statistics endpoint'} (streaks and score, which read the whole history by design):\n`,
    '| History | Samples | 30 days median ms | 30 days p95 ms | whole-history median ms | whole-history p95 ms | X-Cache |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

function invalidationText(inval) {
  if (!inval || inval.status !== 'ok') {
    return '';
  }
  const seed = inval.runs.seedDesign.writes;
  return (
    `**Invalidation**: ${inval.keysInRedis.toLocaleString('en')} keys in Redis (${inval.redisMemory}), loaded in ` +
    `${inval.fillerLoadSeconds} s; ${inval.writesPerSecond} writes/s during the "ours" and "seed design" runs ` +
    `(${inval.runs.ours.writes.count} and ${seed.count} writes). The seed design's KEYS took ${seed.keysMedianMs} ms ` +
    `(median), ${seed.keysMaxMs} ms at most, and deleted ${seed.deletedKeys} keys.\n`
  );
}

/** Other people's CPU use during the loads: the noise in these figures. */
export function noiseOf(results) {
  const others = results.scenarios
    .flatMap((scenario) => [scenario, ...Object.values(scenario.runs ?? {})])
    .map((load) => load.cpu?.machine?.otherCores)
    .filter((value) => typeof value === 'number');
  if (others.length === 0) {
    return null;
  }
  const mean = others.reduce((sum, value) => sum + value, 0) / others.length;
  return {
    loads: others.length,
    minOtherCores: Math.min(...others),
    maxOtherCores: Math.max(...others),
    meanOtherCores: Math.round(mean * 100) / 100,
  };
}

export function renderMarkdown(results) {
  const { machine, options } = results;
  const lines = [];
  lines.push(`# Bench ${results.startedAt}`, '');
  lines.push(
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB RAM, ${machine.os}; Node ${machine.node}. ` +
      `Load average (1, 5, 15 min) at start: ${machine.loadAverage.join(', ')}; at the end: ${machine.loadAverageAtEnd?.join(', ') ?? 'not read'}. Commit ${results.commit}. Run took ${results.elapsedSeconds} s.`,
    '',
    `Options: ${JSON.stringify(options)}`,
    '',
    results.noise
      ? `Noise: during the ${results.noise.loads} loads, other people's processes kept ${results.noise.minOtherCores} to ${results.noise.maxOtherCores} of the ${machine.cores} cores busy (mean ${results.noise.meanOtherCores}).`
      : 'Noise: no load was measured.',
    '',
    `Data set: ${Object.entries(results.seed?.counts ?? {})
      .map(([name, n]) => `${n} ${name}`)
      .join(', ')}, seeded in ${results.seed?.seconds} s. ` +
      `Shape check against documents the API wrote: ${results.seed?.shapeDifferences && Object.keys(results.seed.shapeDifferences).length === 0 ? 'same fields' : JSON.stringify(results.seed?.shapeDifferences)}.`,
    '',
  );
  lines.push('## Targets', '', '| Target | Measured | Met |', '| --- | --- | --- |');
  for (const target of results.targets) {
    lines.push(
      `| ${target.target} | ${target.measured} | ${target.met === null ? 'not measured' : target.met ? 'yes' : 'no'} |`,
    );
  }
  lines.push(
    '',
    '## Loads',
    '',
    'CPU in % of one core during the measured part; "other cores": what the rest of the machine (other users) kept busy at the same time; "load avg": the machine’s 1-minute load average as the measured part ended; "unanswered": requests sent that had no answer when the load stopped (timed out after 10 s, or still waiting), and the p99 with each of them counted at how long it had waited (a lower bound); "drain s": how long the API and the database stayed busy after the load generator stopped (0.5: nothing was queued).',
    '',
    LOAD_HEADER,
    ...loadScenarios(results),
    '',
  );
  lines.push(
    categoryTables(results),
    statsTable(byId(results, 'stats')),
    invalidationText(byId(results, 'invalidation')),
  );
  const skipped = results.scenarios.filter((scenario) => scenario.status !== 'ok');
  if (skipped.length > 0) {
    lines.push('**Not measured:**', '');
    for (const scenario of skipped) {
      lines.push(`- ${scenario.title}: ${scenario.status}, ${scenario.reason ?? scenario.error}`);
    }
    lines.push('');
  }
  const db = results.database;
  if (db?.queries) {
    lines.push(
      '## Single queries on the database',
      '',
      `One query at a time, with the driver: ${Object.entries(db.collections)
        .map(([name, n]) => `${n} ${name}`)
        .join(', ')}.`,
      '',
      '| Query | Documents found | median ms |',
      '| --- | --- | --- |',
      ...Object.entries(db.queries).map(
        ([name, q]) => `| ${name} | ${q.documents} | ${q.medianMs} |`,
      ),
      '',
    );
  }
  lines.push('## Memory after the run (resident, MB)', '', '| Process | RSS MB |', '| --- | --- |');
  for (const [name, mb] of Object.entries(results.memory ?? {})) {
    lines.push(`| ${name} | ${mb} |`);
  }
  lines.push('', '## Frontend', '');
  const pages = results.frontend?.firstLoadJs;
  if (pages) {
    lines.push(
      'First-load JavaScript (scripts each page’s HTML loads, gzip -9):',
      '',
      '| Page | Scripts | raw kB | gzip kB |',
      '| --- | --- | --- | --- |',
    );
    for (const [route, page] of Object.entries(pages)) {
      lines.push(`| ${route} | ${page.scripts} | ${page.rawKb} | ${page.gzipKb} |`);
    }
    lines.push('');
  }
  const lh = results.frontend?.lighthouse;
  if (lh?.error) {
    lines.push(`Lighthouse failed: ${lh.error}`, '');
  } else if (lh) {
    lines.push(
      `Lighthouse ${lh.lighthouseVersion} (${lh.formFactor}, ${lh.throttling} throttling) of ${lh.url}: performance **${lh.score}**; measured ${lh.measured}, the browser in ${lh.deviceTimeZone ?? 'the machine’s'} time zone. ` +
        `FCP ${lh.firstContentfulPaintMs} ms, LCP ${lh.largestContentfulPaintMs} ms, TBT ${lh.totalBlockingTimeMs} ms, CLS ${lh.cumulativeLayoutShift}, ` +
        `Speed Index ${lh.speedIndexMs} ms; benchmark index ${lh.benchmarkIndex}. Full report: reports/${lh.report}.`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
