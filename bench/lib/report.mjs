// The results: targets of issue 13 judged per row, the markdown table, the JSON document.

const fixed = (n, digits = 1) => (n == null || Number.isNaN(n) ? '–' : n.toFixed(digits));

function sqlText(sql) {
  if (!sql) return '–';
  const parts = Object.entries(sql).map(([kind, s]) => {
    const range = s.min === s.max ? String(s.min) : `${s.min}–${s.max}`;
    return kind === 'request' ? range : `${kind} ${range}`;
  });
  return parts.length ? parts.join(', ') : '–';
}

/** Sets `row.target` ({ text, met }) on every row that has one; answers the list of misses. */
export function judge(rows) {
  const misses = [];
  const find = (key, size) => rows.find((r) => r.key === key && r.size === size);
  const setTarget = (row, text, met) => {
    if (!row) return;
    row.target = { text, met };
    if (!met) misses.push(`${row.id} ${row.title} @${row.size}: ${text}`);
  };
  for (const row of rows) {
    if (row.requests === 0)
      misses.push(`${row.id} ${row.title} @${row.size}: no request completed in the measured time`);
    if (row.errors > 0) misses.push(`${row.id} ${row.title} @${row.size}: ${row.errors} errors`);
    const ratio = row.ratio;
    if (row.key === 'catalog20') setTarget(row, '≥ 50% of floor', ratio >= 0.5);
    if (row.key === 'catalog100') {
      const twenty = find('catalog20', row.size);
      const same =
        twenty && twenty.sql?.request && row.sql?.request && twenty.sql.request.max === row.sql.request.max;
      const ok = ratio >= 0.25 && (row.sql?.request?.max ?? Infinity) <= 6 && same !== false;
      setTarget(row, '≥ 25% of floor; SQL/req = scenario 1, ≤ 6', ok);
    }
    if (row.key === 'search' || row.key === 'filtered') setTarget(row, '≥ 30% of floor', ratio >= 0.3);
    if (row.key === 'deep-after') {
      const first = find('deep-first', row.size);
      setTarget(row, 'p50 ≤ 1.5× page 1', first != null && row.p50 <= 1.5 * first.p50);
    }
    if (row.key === 'contention')
      setTarget(row, `exactly ${row.units} orders`, row.orders === row.units && row.dbOrders === row.units);
    if (row.long && row.rssMaxMb != null) {
      const flat = row.rssEndMb <= row.rssStartMb * 1.1;
      row.rssTarget = {
        text: `RSS < 250 MB, flat (end ≤ start + 10%) over ${Math.round(row.seconds)} s`,
        met: row.rssMaxMb < 250 && flat,
      };
      if (!row.rssTarget.met)
        misses.push(
          `${row.id} ${row.title} @${row.size}: RSS ${row.rssStartMb.toFixed(0)} → ${row.rssEndMb.toFixed(0)} MB (max ${row.rssMaxMb.toFixed(0)}), target ${row.rssTarget.text}`,
        );
    }
  }
  // The 250 MB ceiling holds for the API in every scenario: one line per catalog size.
  for (const size of [...new Set(rows.map((r) => r.size))]) {
    const api = rows.filter((r) => r.size === size && r.key !== 'floor' && r.rssMaxMb != null);
    const top = api.reduce((a, r) => (a && a.rssMaxMb >= r.rssMaxMb ? a : r), null);
    if (top && top.rssMaxMb >= 250)
      misses.push(
        `API RSS @${size}: up to ${top.rssMaxMb.toFixed(0)} MB (in ${top.id} ${top.key}), target < 250 MB in every scenario`,
      );
  }
  return misses;
}

/** The scale curve: p50 at the largest size within 1.5× of the smallest, per scenario 1, 3, 4. */
export function curveVerdicts(rows, sizes) {
  if (sizes.length < 2) return [];
  const small = sizes[0];
  const large = sizes.at(-1);
  return ['catalog20', 'search', 'filtered'].map((key) => {
    const a = rows.find((r) => r.key === key && r.size === small && r.curve);
    const b = rows.find((r) => r.key === key && r.size === large && r.curve);
    const factor = a && b ? b.p50 / a.p50 : null;
    return {
      key,
      small,
      large,
      p50Small: a?.p50,
      p50Large: b?.p50,
      factor,
      met: factor != null && factor <= 1.5,
    };
  });
}

export function markdown(doc) {
  const lines = [];
  lines.push(`# Bench ${doc.date}${doc.smoke ? ' (smoke)' : ''}`, '');
  lines.push(
    `Machine: ${doc.machine.cpus} CPUs (${doc.machine.cpuModel}), ${doc.machine.memoryGiB} GiB; Node ${doc.machine.node}; ` +
      `PostgreSQL ${doc.machine.postgres} (${doc.database.embedded ? 'embedded' : 'DATABASE_URL server'}). ` +
      `Read scenarios at concurrency ${doc.options.concurrency}, checkout at ${doc.options.checkoutConcurrency}; ` +
      `${doc.options.duration} s per scenario after ${doc.options.warmup} s warm-up (scenario 1 at the main size: ${doc.options.longDuration} s).`,
    '',
  );
  for (const c of doc.catalogs)
    lines.push(
      `- ${c.products} products (${c.variants} variants, ${c.cooperatives} cooperatives, ${c.certifications} certifications, ` +
        `${c.certificationLinks} product–certification links, ${c.images} images); seeded in ${fixed(c.seedSeconds)} s, VACUUM ANALYZE ${fixed(c.vacuumSeconds)} s`,
    );
  lines.push('');
  lines.push(
    '| # | scenario | products | req/s | p50 ms | p99 ms | errors | RSS start/end/max MB | CPU % | SQL/req | ratio to floor | target |',
    '|---|---|---:|---:|---:|---:|---:|---|---:|---|---:|---|',
  );
  for (const r of doc.rows) {
    const rate =
      r.ordersPerSec != null
        ? `${fixed(r.reqPerSec)} (${fixed(r.ordersPerSec)} orders/s)`
        : fixed(r.reqPerSec);
    const rss =
      r.rssStartMb == null
        ? '–'
        : `${fixed(r.rssStartMb, 0)}/${fixed(r.rssEndMb, 0)}/${fixed(r.rssMaxMb, 0)}`;
    const target = [r.target, r.rssTarget]
      .filter(Boolean)
      .map((t) => `${t.met ? '✅' : '❌'} ${t.text}`)
      .join('; ');
    const extra =
      r.key === 'contention'
        ? ` ${r.orders} orders, ${r.refused} OUT_OF_STOCK, DB: ${r.dbOrders} orders, stock ${r.dbStock}`
        : '';
    lines.push(
      `| ${r.id} | ${r.title}${extra} | ${r.size} | ${rate} | ${fixed(r.p50)} | ${fixed(r.p99)} | ${r.errors} | ${rss} | ${fixed(r.cpuPercent, 0)} | ${sqlText(r.sql)} | ${r.ratio == null ? '–' : `${fixed(r.ratio * 100, 0)}%`} | ${target} |`,
    );
  }
  if (doc.curve.length) {
    lines.push('', '**Scale curve** (p50, largest size within 1.5× of the smallest):', '');
    for (const c of doc.curve)
      lines.push(
        `- ${c.key}: ${fixed(c.p50Small)} ms at ${c.small} → ${fixed(c.p50Large)} ms at ${c.large} (×${fixed(c.factor, 2)}) ${c.met ? '✅' : '❌'}`,
      );
  }
  lines.push('', doc.misses.length ? `**Missed (${doc.misses.length}):**` : '**Every target met.**');
  for (const m of doc.misses) lines.push(`- ${m}`);
  const samples = doc.rows.filter((r) => r.errorSamples?.length);
  if (samples.length) {
    lines.push('', '**Error samples:**');
    for (const r of samples) for (const s of r.errorSamples) lines.push(`- ${r.id} ${r.key}: ${s}`);
  }
  return `${lines.join('\n')}\n`;
}
