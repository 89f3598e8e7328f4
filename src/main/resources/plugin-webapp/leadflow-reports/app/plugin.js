// Leadflow's results on Cockpit's dashboard (Camunda 7 frontend plugin, plugin point cockpit.dashboard).
// The figures come from the plugin's own resource (the Cockpit login; managers, marketing and
// administrators only: anyone else gets 403 and sees nothing). Charts are drawn by Apache ECharts,
// served by Leadflow itself from its webjar (no CDN).
const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.min.js';

let echartsLoading;
function loadEcharts(root) {
  if (window.echarts) {
    return Promise.resolve(window.echarts);
  }
  if (!echartsLoading) {
    echartsLoading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = root + ECHARTS;
      script.onload = () => resolve(window.echarts);
      script.onerror = () => reject(new Error('cannot load ' + ECHARTS));
      document.head.appendChild(script);
    });
  }
  return echartsLoading;
}

function element(tag, attributes, text) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

function money(value) {
  return value === undefined || value === null ? '–' : Number(value).toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});
}

function percent(value) {
  return value === undefined || value === null ? '–' : (Number(value) * 100).toFixed(1) + ' %';
}

/** PT1H30M -> 1.5 (hours), for the charts. */
function hours(duration) {
  if (!duration) {
    return null;
  }
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(duration);
  return match ? (Number(match[1] || 0) + Number(match[2] || 0) / 60 + Number(match[3] || 0) / 3600) : null;
}

function readable(duration) {
  const h = hours(duration);
  if (h === null) {
    return '–';
  }
  return h >= 48 ? (h / 24).toFixed(1) + ' d' : h >= 1 ? h.toFixed(1) + ' h' : Math.round(h * 60) + ' min';
}

function table(id, columns, rows) {
  const result = element('table', {'class': 'table table-bordered table-condensed', 'data-report': id});
  const head = element('tr');
  columns.forEach(([title]) => head.appendChild(element('th', {}, title)));
  result.appendChild(element('thead')).appendChild(head);
  const body = result.appendChild(element('tbody'));
  rows.forEach((row) => {
    const line = body.appendChild(element('tr'));
    columns.forEach(([title, key, format]) => line.appendChild(element('td', {'data-figure': key},
      row[key] === undefined || row[key] === null ? '–' : (format || String)(row[key]))));
  });
  return result;
}

function section(container, title, id) {
  const box = container.appendChild(element('section', {'class': 'leadflow-report', 'data-section': id, style: 'margin-bottom: 24px'}));
  box.appendChild(element('h3', {}, title));
  const chart = box.appendChild(element('div', {'data-chart': id, style: 'width: 100%; height: 260px'}));
  return {box, chart};
}

function draw(echarts, node, option) {
  const chart = echarts.init(node, null, {renderer: 'canvas'});
  chart.setOption(Object.assign({animation: false, tooltip: {trigger: 'axis'}, grid: {left: 60, right: 20, top: 40, bottom: 40}}, option));
  window.addEventListener('resize', () => chart.resize());
}

function render(container, data, echarts) {
  container.appendChild(element('h2', {}, 'Leadflow results, ' + data.from + ' to ' + data.to));

  const campaigns = data.campaigns.campaigns;
  const roi = section(container, 'Campaigns: cost and revenue (' + data.campaigns.currency + ', first touch)', 'campaigns');
  draw(echarts, roi.chart, {
    legend: {data: ['cost', 'revenue']},
    xAxis: {type: 'category', data: campaigns.map((c) => c.campaign)},
    yAxis: {type: 'value'},
    series: [
      {name: 'cost', type: 'bar', data: campaigns.map((c) => Number(c.cost))},
      {name: 'revenue', type: 'bar', data: campaigns.map((c) => Number(c.revenue))}],
  });
  roi.box.appendChild(table('campaigns', [
    ['Campaign', 'campaign'], ['Leads', 'leads'], ['MQL', 'marketingQualified'], ['SQL', 'salesQualified'],
    ['Opportunities', 'opportunities'], ['Customers', 'customers'], ['Cost', 'cost', money],
    ['Cost per lead', 'costPerLead', money], ['Cost per sale', 'costPerSale', money], ['Revenue', 'revenue', money],
    ['ROI', 'roi', percent]], campaigns));

  const stages = data.funnel.stages;
  const funnel = section(container, 'Funnel: leads entering each stage, and time in stage', 'funnel');
  draw(echarts, funnel.chart, {
    legend: {data: ['entered', 'median hours in stage']},
    xAxis: {type: 'category', data: stages.map((s) => s.stage)},
    yAxis: [{type: 'value', name: 'leads'}, {type: 'value', name: 'hours'}],
    series: [
      {name: 'entered', type: 'bar', data: stages.map((s) => s.entered)},
      {name: 'median hours in stage', type: 'line', yAxisIndex: 1, data: stages.map((s) => hours(s.medianTimeInStage))}],
  });
  funnel.box.appendChild(table('funnel', [
    ['Stage', 'stage'], ['Entered', 'entered'], ['Moved on', 'convertedTo'], ['Conversion', 'conversionRate', percent],
    ['Median time', 'medianTimeInStage', readable], ['p90 time', 'p90TimeInStage', readable]], stages));

  const teams = data.speedToLead.teams;
  const speed = section(container, 'Speed to lead: sales-ready to the first action of a rep', 'speed-to-lead');
  draw(echarts, speed.chart, {
    legend: {data: ['median hours', 'p90 hours']},
    xAxis: {type: 'category', data: teams.map((t) => t.name)},
    yAxis: {type: 'value', name: 'hours'},
    series: [
      {name: 'median hours', type: 'bar', data: teams.map((t) => hours(t.medianTimeToFirstAction))},
      {name: 'p90 hours', type: 'bar', data: teams.map((t) => hours(t.p90TimeToFirstAction))}],
  });
  speed.box.appendChild(table('speed-to-lead', [
    ['Team', 'name'], ['Follow-ups', 'followUps'], ['Answered', 'answered'],
    ['Median', 'medianTimeToFirstAction', readable], ['p90', 'p90TimeToFirstAction', readable]], teams));

  const ratings = data.scoreQuality.ratings;
  const quality = section(container, 'Score quality: qualified leads that became opportunities, by rating', 'score-quality');
  draw(echarts, quality.chart, {
    xAxis: {type: 'category', data: ratings.map((r) => r.rating)},
    yAxis: {type: 'value', max: 100, name: '%'},
    series: [{name: 'opportunities %', type: 'bar', data: ratings.map((r) => Number(r.opportunityRate) * 100)}],
  });
  quality.box.appendChild(table('score-quality', [
    ['Rating', 'rating'], ['Qualified', 'qualified'], ['Opportunities', 'opportunities'],
    ['Share', 'opportunityRate', percent]], ratings));
}

export default {
  id: 'leadflow-reports',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: (node, {api}) => {
    const root = (api.cockpitApi || '').split('/camunda/')[0];
    const container = node.appendChild(element('div', {id: 'leadflow-reports', style: 'padding: 12px'}));
    fetch(api.cockpitApi + '/plugin/leadflow-reports/' + api.engine + '/reports', {
      credentials: 'same-origin',
      headers: {Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken},
    })
      .then((response) => {
        if (response.status === 401 || response.status === 403) {
          return null;
        }
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then((data) => {
        if (!data) {
          // not a manager or marketer: nothing to see
          container.remove();
          return null;
        }
        return loadEcharts(root).then((echarts) => {
          render(container, data, echarts);
          container.setAttribute('data-loaded', 'true');
        });
      })
      .catch((error) => {
        container.appendChild(element('p', {'class': 'text-danger'}, 'Leadflow reports are not available: ' + error.message));
      });
  },
};
