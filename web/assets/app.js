// The stancemon dashboard: reads the JSON API of this server (docs/api.md)
// and draws it with Apache ECharts. No framework, no build step.
'use strict';

(function () {
  const $ = (sel) => document.querySelector(sel);
  const state = {
    window: '7d',
    actors: 20,
    source: '',
    target: '',
    step: '',
    meta: null,
  };
  const colors = { hostile: '#b2182b', neutral: '#f7f7f7', coop: '#2166ac', a: '#d6604d', b: '#4393c3' };

  // api fetches an endpoint (relative to the page, which may be served under
  // a prefix) with query parameters and returns its JSON,
  // throwing the API's error message on failure.
  async function api(path, params) {
    const u = new URL(path, window.location.href);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== '' && v !== null && v !== undefined) u.searchParams.set(k, v);
    }
    const r = await fetch(u);
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(body.error || r.status + ' ' + r.statusText);
    return body;
  }

  function fmtTime(t) {
    return new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  }
  function fmtScore(x) {
    return (x > 0 ? '+' : '') + x.toFixed(2);
  }
  function scoreClass(x) {
    return x < 0 ? 'hostile' : x > 0 ? 'coop' : '';
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const c of children) e.append(c);
    return e;
  }

  // panel runs a loader for a panel, marking it data-status=loading, then
  // ready or error (the browser test waits on it) and showing errors. The
  // loader gets a function telling whether it is still the panel's latest
  // one, so that a slow answer does not draw over a newer one.
  const generation = {};
  async function panel(id, load) {
    const p = document.getElementById(id);
    const err = p.querySelector('.error');
    const gen = (generation[id] || 0) + 1;
    generation[id] = gen;
    const current = () => generation[id] === gen;
    p.dataset.status = 'loading';
    err.hidden = true;
    try {
      await load(current);
      if (current()) p.dataset.status = 'ready';
    } catch (e) {
      if (!current()) return;
      err.textContent = e.message;
      err.hidden = false;
      p.dataset.status = 'error';
    }
  }

  const charts = {};
  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init(document.getElementById(id));
      window.addEventListener('resize', () => charts[id].resize());
    }
    return charts[id];
  }

  // ---- header -------------------------------------------------------------

  async function loadMeta() {
    state.meta = await api('api/meta');
    const m = state.meta;
    const replay = $('#replay');
    if (m.replay) {
      replay.textContent = 'Replay of an old corpus: the newest article is from ' + fmtTime(m.latest) +
        ', so the windows end at ' + fmtTime(m.end) + ', not now (' + fmtTime(m.now) + ').';
      replay.hidden = false;
    } else {
      replay.hidden = true;
    }
  }

  function showRange(r) {
    $('#range').textContent = 'Window: ' + fmtTime(r.from) + ' to ' + fmtTime(r.to) +
      (state.meta && state.meta.latest ? '; newest article ' + fmtTime(state.meta.latest) : '; no articles stored yet');
  }

  // ---- matrix -------------------------------------------------------------

  async function loadMatrix(current) {
    const m = await api('api/matrix', { window: state.window, limit: state.actors });
    if (!current()) return;
    showRange(m);
    const idx = new Map(m.actors.map((a, i) => [a, i]));
    const data = m.cells.map((c) => ({
      value: [idx.get(c.target), idx.get(c.source), c.mean_score, c.articles],
      source: c.source,
      target: c.target,
    }));
    const ch = chart('matrix');
    ch.setOption({
      animationDuration: 300,
      grid: { left: 70, right: 90, top: 10, bottom: 70 },
      tooltip: {
        formatter: (p) => esc(p.data.source) + ' &rarr; ' + esc(p.data.target) + '<br>mean score ' +
          fmtScore(p.data.value[2]) + '<br>' + p.data.value[3] + ' articles',
      },
      xAxis: { type: 'category', data: m.actors, name: 'target', nameLocation: 'middle', nameGap: 50,
        axisLabel: { rotate: 60, interval: 0 }, splitArea: { show: true } },
      yAxis: { type: 'category', data: m.actors, name: 'source', nameLocation: 'middle', nameGap: 55,
        inverse: true, axisLabel: { interval: 0 }, splitArea: { show: true } },
      visualMap: { min: -1, max: 1, dimension: 2, calculable: true, orient: 'vertical', right: 0, top: 'center',
        text: ['+1 coop.', '-1 hostile'], inRange: { color: [colors.hostile, colors.neutral, colors.coop] } },
      series: [{
        id: 'matrix', type: 'heatmap', data: data,
        label: { show: m.actors.length <= 30, formatter: (p) => String(p.data.value[3]), fontSize: 10 },
        emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
      }],
    }, { notMerge: true });
    if (!state.source && m.cells.length > 0) {
      // Start on the dyad with the most articles (cells are sorted so).
      state.source = m.cells[0].source;
      state.target = m.cells[0].target;
    }
    fillActors(m.actors);
  }

  function fillActors(actors) {
    for (const id of ['source', 'target']) {
      const sel = document.getElementById(id);
      const keep = state[id];
      const list = actors.includes(keep) || !keep ? actors : [keep, ...actors];
      sel.replaceChildren(...list.map((a) => el('option', { value: a }, a)));
      sel.value = keep;
    }
  }

  // ---- series -------------------------------------------------------------

  // saveHash records the view in the URL's fragment, so that a link or a
  // reload shows the same view.
  function saveHash() {
    const p = new URLSearchParams({ window: state.window, actors: state.actors });
    if (state.source && state.target) {
      p.set('source', state.source);
      p.set('target', state.target);
    }
    if (state.step) p.set('step', state.step);
    history.replaceState(null, '', '#' + p.toString());
  }

  // loadHash restores the view of the URL's fragment, keeping valid values.
  function loadHash() {
    const p = new URLSearchParams(window.location.hash.slice(1));
    const pick = (sel, v) => {
      const ok = v !== null && [...$(sel).options].some((o) => o.value === v);
      if (ok) $(sel).value = v;
      return ok;
    };
    pick('#window', p.get('window'));
    pick('#actors', p.get('actors'));
    if (pick('#step', p.get('step'))) state.step = p.get('step');
    const actor = /^[A-Z][A-Z0-9]{1,9}$/;
    if (actor.test(p.get('source') || '') && actor.test(p.get('target') || '')) {
      state.source = p.get('source');
      state.target = p.get('target');
    }
  }

  async function selectDyad(source, target) {
    state.source = source;
    state.target = target;
    saveHash();
    $('#source').value = source;
    $('#target').value = target;
    await Promise.all([
      panel('series-panel', loadSeries),
      panel('evidence-panel', (current) => loadEvidence(source, target, { window: state.window }, current)),
    ]);
  }

  async function loadSeries(current) {
    const { source, target } = state;
    const [s, fw, rv] = await Promise.all([
      api('api/series', { source, target, window: state.window, step: state.step }),
      api('api/alerts', { source, target, window: state.window }),
      api('api/alerts', { source: target, target: source, window: state.window }),
    ]);
    if (!current()) return;
    const step = s.step_seconds * 1000;
    const names = s.series.map((d) => d.source + ' \u2192 ' + d.target);
    const series = [];
    s.series.forEach((d, i) => {
      const color = i === 0 ? colors.a : colors.b;
      series.push({
        id: 'score-' + i, name: names[i], type: 'line', yAxisIndex: 0, showSymbol: true, symbolSize: 5,
        connectNulls: false, itemStyle: { color: color },
        data: d.points.map((p) => [p.time, p.mean_score, p.articles]),
      });
      series.push({
        id: 'volume-' + i, name: names[i] + ' articles', type: 'bar', yAxisIndex: 1, barMaxWidth: 12,
        itemStyle: { color: color, opacity: 0.35 },
        data: d.points.map((p) => [p.time, p.articles]),
      });
    });
    const alerts = fw.alerts.concat(rv.alerts);
    series[0].markLine = {
      symbol: 'none', animation: false,
      lineStyle: { color: '#7a4fc4', type: 'dashed' },
      label: { formatter: (p) => p.name, color: '#7a4fc4', fontSize: 10 },
      data: alerts.map((a) => ({
        name: a.rule + ' ' + a.source + '\u2192' + a.target + ' (' + a.state + ')',
        xAxis: new Date(a.fired_at && !a.fired_at.startsWith('0001') ? a.fired_at : a.active_at).getTime(),
      })),
    };
    const ch = chart('series');
    ch.setOption({
      animationDuration: 300,
      legend: { top: 0 },
      grid: { left: 50, right: 50, top: 40, bottom: 60 },
      tooltip: { trigger: 'axis' },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
      // Daily buckets start at midnight, maybe before the window.
      xAxis: { type: 'time', min: (v) => Math.min(v.min, Date.parse(s.from)), max: Date.parse(s.to) },
      yAxis: [
        { type: 'value', name: 'score', min: -1, max: 1 },
        // The bars keep to the lower third, under the lines.
        { type: 'value', name: 'articles', minInterval: 1, max: (v) => Math.max(3, Math.ceil(v.max * 3)), splitLine: { show: false } },
      ],
      series: series,
    }, { notMerge: true });
    ch.off('click');
    ch.on('click', (p) => {
      if (p.componentType !== 'series') return;
      const d = s.series[Math.floor(p.seriesIndex / 2)];
      const from = new Date(p.value[0]);
      const to = new Date(from.getTime() + step);
      panel('evidence-panel', (current) => loadEvidence(d.source, d.target, { from: from.toISOString().slice(0, 19) + 'Z', to: to.toISOString().slice(0, 19) + 'Z' }, current));
    });
  }

  // ---- movers -------------------------------------------------------------

  async function loadMovers(current) {
    const m = await api('api/movers', { window: state.window, limit: 12 });
    if (!current()) return;
    $('#movers-note').textContent = 'Mean score over the window against the ' + fmtTime(m.baseline_from) + ' to ' +
      fmtTime(m.baseline_to) + ' baseline; dyads with at least ' + m.min_articles + ' articles in both. Click a row.';
    const rows = m.movers.map((v) => {
      const tr = el('tr', { class: 'clickable' },
        el('td', {}, v.source + ' \u2192 ' + v.target),
        el('td', { class: 'num ' + scoreClass(v.baseline_mean_score) }, fmtScore(v.baseline_mean_score) + ' (' + v.baseline_articles + ')'),
        el('td', { class: 'num ' + scoreClass(v.mean_score) }, fmtScore(v.mean_score) + ' (' + v.articles + ')'),
        el('td', { class: 'num ' + scoreClass(v.delta) }, (v.delta < 0 ? '\u25bc ' : '\u25b2 ') + fmtScore(v.delta)));
      tr.addEventListener('click', () => selectDyad(v.source, v.target));
      return tr;
    });
    if (rows.length === 0) {
      rows.push(el('tr', {}, el('td', { colspan: 4, class: 'muted' }, 'No dyad has enough articles in both the window and the baseline (the ' +
        '7 windows before it); a shorter window may show some.')));
    }
    $('#movers tbody').replaceChildren(...rows);
  }

  // ---- evidence -----------------------------------------------------------

  // highlight returns the sentence with its cue words marked.
  function highlight(sentence, cues) {
    const lower = sentence.toLowerCase();
    const spans = [];
    for (const c of cues) {
      const needle = c.toLowerCase();
      if (!needle) continue;
      for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length)) {
        spans.push([i, i + needle.length]);
      }
    }
    spans.sort((a, b) => a[0] - b[0]);
    const out = document.createDocumentFragment();
    let at = 0;
    for (const [s, e] of spans) {
      if (s < at) continue;
      out.append(sentence.slice(at, s), el('mark', {}, sentence.slice(s, e)));
      at = e;
    }
    out.append(sentence.slice(at));
    return out;
  }

  function articleLink(r) {
    const title = r.title || r.article_id;
    if (!/^https?:\/\//i.test(r.url)) return title;
    return el('a', { href: r.url, target: '_blank', rel: 'noopener noreferrer' }, title);
  }

  async function loadEvidence(source, target, range, current) {
    const e = await api('api/evidence', Object.assign({ source, target, limit: 50 }, range));
    if (!current()) return;
    $('#evidence-title').textContent = source + ' \u2192 ' + target + ', ' + fmtTime(e.from) + ' to ' + fmtTime(e.to) +
      ' (' + e.evidence.length + ' strongest)';
    const rows = e.evidence.map((r) => el('tr', { class: 'evidence-row' },
      el('td', { class: 'num' }, fmtTime(r.published_at)),
      el('td', {}, r.outlet),
      el('td', {}, articleLink(r)),
      el('td', { class: 'num ' + scoreClass(r.score) }, fmtScore(r.score)),
      el('td', {}, r.category),
      el('td', {}, highlight(r.sentence, r.cues), el('div', { class: 'cues' }, r.cues.length ? 'cues: ' + r.cues.join(', ') : ''))));
    if (rows.length === 0) {
      rows.push(el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'No evidence in this range.')));
    }
    $('#evidence tbody').replaceChildren(...rows);
  }

  // ---- wiring -------------------------------------------------------------

  async function refresh() {
    await panel('matrix-panel', async (current) => {
      await loadMeta();
      await Promise.all([loadMatrix(current), panel('movers-panel', loadMovers)]);
    });
    if (state.source && state.target) {
      await selectDyad(state.source, state.target);
    }
  }

  function init() {
    const w = $('#window');
    const a = $('#actors');
    loadHash();
    state.window = w.value;
    state.actors = Number(a.value);
    w.addEventListener('change', () => { state.window = w.value; saveHash(); refresh(); });
    a.addEventListener('change', () => { state.actors = Number(a.value); saveHash(); panel('matrix-panel', loadMatrix); });
    $('#source').addEventListener('change', (ev) => selectDyad(ev.target.value, state.target));
    $('#target').addEventListener('change', (ev) => selectDyad(state.source, ev.target.value));
    $('#swap').addEventListener('click', () => selectDyad(state.target, state.source));
    $('#step').addEventListener('change', (ev) => { state.step = ev.target.value; saveHash(); panel('series-panel', loadSeries); });
    chart('matrix').on('click', (p) => {
      if (p.componentType === 'series' && p.data) selectDyad(p.data.source, p.data.target);
    });
    refresh();
  }

  document.addEventListener('DOMContentLoaded', init);
})();
