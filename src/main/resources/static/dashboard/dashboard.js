// Supervisors' dashboard: every figure comes from GET /api/cases/dashboard (Elasticsearch aggregations).
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const charts = {};
  const pct = (v) => (v == null ? '—' : (v * 100).toFixed(1) + '%');
  const names = {
    'grievance-handling': '民生诉求', 'alarm-escalation': '告警处置', 'deliberation-round': '议事协商',
    'report-filing': '报表填报', 'policy-eligibility': '政策匹配'
  };

  function auth() { return sessionStorage.getItem('linli.auth'); }

  // With single sign-on (profile keycloak) the page's login session authorises the calls; otherwise the user
  // name and password typed into the form below (HTTP Basic). X-Requested-With keeps the browser's own
  // password dialog away from a 401.
  async function api(path) {
    const headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    if (auth()) { headers['Authorization'] = auth(); }
    const response = await fetch(path, { headers });
    if (response.status === 401) {
      showLogin(auth() ? '用户名或密码错误' : '');
      sessionStorage.removeItem('linli.auth');
      throw new Error('401');
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) { throw new Error(body.title || ('HTTP ' + response.status)); }
    return body;
  }

  function showLogin(message) {
    $('board').hidden = true;
    $('login').hidden = false;
    $('login-error').hidden = !message;
    $('login-error').textContent = message || '';
  }

  function chart(id, option) {
    if (!charts[id]) { charts[id] = echarts.init($(id), 'dark', { renderer: 'canvas' }); }
    charts[id].setOption(Object.assign({ backgroundColor: 'transparent', tooltip: { trigger: 'axis' } }, option), true);
  }

  function kpis(t, participation) {
    const items = [
      ['案件总数', t.total], ['在办', t.open], ['已办结', t.closed], ['当前超期', t.overdueNow],
      ['临近期限', t.atRiskNow], ['处置率', pct(t.handlingRate)], ['按时办结率', pct(t.onTimeRate)],
      ['平均满意度', t.meanSatisfaction == null ? '—' : t.meanSatisfaction.toFixed(2)],
      ['协商参与人次', participation.participants]
    ];
    $('kpis').innerHTML = items.map(([label, value]) =>
      `<div class="kpi"><div class="value">${value}</div><div class="label">${label}</div></div>`).join('');
  }

  function render(f) {
    kpis(f.totals, f.participation);
    const days = f.openedPerDay.map((d) => d.key);
    const closed = Object.fromEntries(f.closedPerDay.map((d) => [d.key, d.count]));
    chart('chart-daily', {
      legend: { data: ['受理', '办结'] },
      xAxis: { type: 'category', data: days }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '受理', type: 'line', data: f.openedPerDay.map((d) => d.count) },
               { name: '办结', type: 'line', data: days.map((d) => closed[d] || 0) }]
    });
    chart('chart-departments', {
      legend: { data: ['处置率', '按时率'] },
      xAxis: { type: 'category', data: f.departments.map((d) => d.group) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{ name: '处置率', type: 'bar', data: f.departments.map((d) => Math.round((d.handlingRate || 0) * 100)) },
               { name: '按时率', type: 'bar', data: f.departments.map((d) => Math.round((d.onTimeRate || 0) * 100)) }]
    });
    chart('chart-satisfaction', {
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: f.satisfaction.map((s) => ({ name: s.key + ' 分', value: s.count })) }]
    });
    chart('chart-alarms', {
      legend: { data: ['告警数', '平均响应(分钟)'] },
      xAxis: { type: 'category', data: f.alarms.map((a) => a.type) },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value' }],
      series: [{ name: '告警数', type: 'bar', data: f.alarms.map((a) => a.count) },
               { name: '平均响应(分钟)', type: 'line', yAxisIndex: 1,
                 data: f.alarms.map((a) => a.meanAckSeconds == null ? null : +(a.meanAckSeconds / 60).toFixed(1)) }]
    });
    const categories = [...new Set(f.demand.flatMap((g) => g.categories.map((c) => c.key)))];
    chart('chart-demand', {
      legend: { data: categories, type: 'scroll' },
      xAxis: { type: 'category', data: f.demand.map((g) => (g.grid === '-' ? '未划网格' : g.grid)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: categories.map((c) => ({ name: c, type: 'bar', stack: 'total',
        data: f.demand.map((g) => (g.categories.find((x) => x.key === c) || { count: 0 }).count) }))
    });
    chart('chart-families', {
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: '60%', data: f.families.map((x) => ({ name: names[x.key] || x.key, value: x.count })) }]
    });
    $('overdue').querySelector('tbody').innerHTML = f.overdue.map((c) =>
      `<tr><td>${c.caseNumber}</td><td>${names[c.family] || c.familyName || c.family}</td><td>${c.communityCode || ''}</td>` +
      `<td>${(c.currentSteps || []).join('、')}</td><td>${new Date(c.dueAt).toLocaleString('zh-CN')}</td></tr>`).join('')
      || '<tr><td colspan="5">暂无超期案件</td></tr>';
    document.body.dataset.loaded = 'true';
  }

  async function load() {
    $('login').hidden = true;
    $('board').hidden = false;
    const params = new URLSearchParams();
    for (const id of ['community', 'from', 'to']) { if ($(id).value) { params.set(id, $(id).value); } }
    try {
      render(await api('/api/cases/dashboard?' + params));
      $('status').hidden = true;
    } catch (e) {
      if (e.message !== '401') { $('status').hidden = false; $('status').textContent = '数据加载失败：' + e.message; }
    }
  }

  async function communities() {
    try {
      const list = await api('/api/basedata/communities');
      $('community').innerHTML = '<option value="">全部</option>' +
        list.map((c) => `<option value="${c.code}">${c.name}</option>`).join('');
    } catch (e) { if (e.message === '401') { throw e; } /* else the filter stays at "all" */ }
  }

  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem('linli.auth', 'Basic ' + btoa(unescape(encodeURIComponent($('user').value + ':' + $('password').value))));
    communities().then(load, () => {});
  });
  $('filters').addEventListener('submit', (event) => { event.preventDefault(); load(); });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  communities().then(load, () => {});
})();
