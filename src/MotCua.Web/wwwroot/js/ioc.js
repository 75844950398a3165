/* MotCua operations dashboard (IOC): draws the charts as inline SVG and refreshes the figures in
   place every 60 s, and on "Cập nhật", from GET /api/statistics/ioc. Hand-written, no library, no
   inline script. The server renders the first figures and the tables, so the page works without it. */
(function () {
  'use strict';
  var root = document.querySelector('[data-ioc]');
  if (!root || !window.fetch) return;

  var REFRESH_MS = 60000;
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var endpoint = root.getAttribute('data-endpoint');
  var agency = root.getAttribute('data-agency') || '';
  var numbers = new Intl.NumberFormat('vi-VN');
  var clock = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  var ratingNames = { 5: 'Rất hài lòng', 4: 'Hài lòng', 3: 'Bình thường', 2: 'Không hài lòng', 1: 'Rất không hài lòng' };
  // The wall screen has a fixed height to fill: shorter charts.
  var wall = document.body.classList.contains('ioc-wall');
  var timer = null;
  var busy = false;

  function num(n) { return numbers.format(n); }
  function pct(p) { return p === null || p === undefined ? '–' : numbers.format(p) + '%'; }
  function day(iso) { var p = iso.split('-'); return p[2] + '/' + p[1] + '/' + p[0]; }
  function month(yyyyMm) { return yyyyMm.slice(5) + '/' + yyyyMm.slice(2, 4); }
  function hms(date) {
    var parts = {};
    clock.formatToParts(date).forEach(function (p) { parts[p.type] = p.value; });
    return parts.hour + ':' + parts.minute + ':' + parts.second;
  }
  function query(pairs) {
    var q = pairs.filter(function (p) { return p[1]; }).map(function (p) { return encodeURIComponent(p[0]) + '=' + encodeURIComponent(p[1]); });
    return q.length ? '?' + q.join('&') : '';
  }
  // The same links as the server renders (IocPageModel.DrillLink / ReportLink).
  // competent: one report row (that agency alone, not its units), as the 06a table's row links.
  function drillLink(from, to, agencyCode, figure, competent) {
    return '/office/bao-cao/06a/ho-so' + query([['from', from], ['to', to], ['agency', agencyCode], ['competentAgency', competent], ['figure', figure]]);
  }
  function reportLink(from, to) { return '/office/bao-cao/06a' + query([['from', from], ['to', to], ['agency', agency]]); }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  /* Chart width in SVG units where 15 units are the text size of the page (1em), so the charts
     keep readable labels from a phone to the wall screen. */
  function unitsWide(container) {
    var size = parseFloat(getComputedStyle(container).fontSize) || 16;
    return container.clientWidth ? Math.max(280, Math.round(container.clientWidth * 15 / size)) : 640;
  }
  function short(text, max) { return text.length > max ? text.slice(0, max - 1) + '…' : text; }
  function part(name) { return root.querySelector('[data-chart="' + name + '"]'); }

  /* Vertical bars: items [{label, value (null = no bar), text, title}]. */
  function columns(container, items, label, max) {
    var W = unitsWide(container), H = wall ? 170 : 220, top = 26, bottom = 30, side = 4;
    var plot = H - top - bottom, slot = (W - 2 * side) / Math.max(items.length, 1), bar = Math.min(slot * 0.62, 110);
    max = max || Math.max.apply(null, [1].concat(items.map(function (i) { return i.value || 0; })));
    // Narrow slots (12 months on a phone) get smaller labels rather than overlapping ones.
    var chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': label, 'class': 'ioc-columns', 'font-size': Math.min(15, slot / 3.4).toFixed(1) });
    chart.appendChild(svg('line', { x1: side, x2: W - side, y1: top + plot, y2: top + plot, 'class': 'ioc-axis' }));
    items.forEach(function (item, i) {
      var h = item.value ? plot * item.value / max : 0, x = side + slot * i + (slot - bar) / 2, y = top + plot - h;
      var rect = svg('rect', { x: x, y: y, width: bar, height: h, rx: 3, 'class': 'ioc-bar' });
      rect.appendChild(svg('title', {}, item.title));
      chart.appendChild(rect);
      chart.appendChild(svg('text', { x: x + bar / 2, y: y - 7, 'text-anchor': 'middle', 'class': 'ioc-value' }, item.text));
      chart.appendChild(svg('text', { x: x + bar / 2, y: H - 9, 'text-anchor': 'middle', 'class': 'ioc-label' }, item.label));
    });
    container.replaceChildren(chart);
  }

  /* Horizontal bars, one row each: items [{label, parts [{value, cls}], text, title, href}]. */
  function bars(container, items, label, empty) {
    var W = unitsWide(container), rowH = wall ? 32 : 36, barH = wall ? 11 : 13, room = 70;
    var H = Math.max(items.length, 1) * rowH + 4;
    var max = Math.max.apply(null, [1].concat(items.map(function (i) { return i.parts.reduce(function (s, p) { return s + p.value; }, 0); })));
    var linked = items.some(function (i) { return i.href; });
    var chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, 'aria-label': label, 'class': 'ioc-bars', 'font-size': 15 });
    if (!linked) chart.setAttribute('role', 'img');
    if (!items.length) chart.appendChild(svg('text', { x: 0, y: 24, 'class': 'ioc-label' }, empty));
    items.forEach(function (item, i) {
      var y = 2 + i * rowH, x = 0;
      var row = svg('g', { 'class': 'ioc-row' });
      // A linked bar is named by its own <title> (SVG-AAM): an aria-label that differs from the shortened
      // visible label would break WCAG 2.5.3 (label in name).
      if (!item.href) row.appendChild(svg('title', {}, item.title));
      row.appendChild(svg('text', { x: 0, y: y + 14, 'class': 'ioc-label' }, short(item.label, Math.floor(W / 8))));
      item.parts.forEach(function (p) {
        var w = (W - room) * p.value / max;
        row.appendChild(svg('rect', { x: x, y: y + 18, width: w, height: barH, rx: 2, 'class': 'ioc-bar ' + (p.cls || '') }));
        x += w;
      });
      row.appendChild(svg('text', { x: x + 6, y: y + 18 + barH, 'class': 'ioc-value' }, item.text));
      if (item.href) {
        var a = svg('a', { href: item.href });
        a.appendChild(svg('title', {}, item.title));
        a.appendChild(row);
        chart.appendChild(a);
      } else {
        chart.appendChild(row);
      }
    });
    container.replaceChildren(chart);
  }

  /* Table rows: cells [{text, href}], the first one a row header. */
  function fillRows(tbody, rows) {
    tbody.replaceChildren.apply(tbody, rows.map(function (cells) {
      var tr = el('tr');
      cells.forEach(function (c, i) {
        var cell = i === 0 ? el('th', { scope: 'row' }) : el('td');
        if (c.href) cell.appendChild(el('a', { href: c.href }, c.text)); else cell.textContent = c.text;
        tr.appendChild(cell);
      });
      return tr;
    }));
  }

  function renderPeriod(key, p) {
    var section = root.querySelector('[data-period="' + key + '"]');
    if (!section) return;
    section.querySelectorAll('[data-field]').forEach(function (node) {
      var field = node.getAttribute('data-field');
      if (field === 'dates') node.textContent = p.from === p.to ? day(p.to) : day(p.from) + ' – ' + day(p.to);
      else if (/Percent$/.test(field)) node.textContent = pct(p[field]);
      else node.textContent = num(p[field]);
    });
    section.querySelectorAll('a[data-figure]').forEach(function (a) { a.setAttribute('href', drillLink(p.from, p.to, agency, a.getAttribute('data-figure'))); });
    section.querySelectorAll('a[data-report]').forEach(function (a) { a.setAttribute('href', reportLink(p.from, p.to)); });
  }

  function renderChannels(data) {
    var c = part('channels');
    var items = data.byChannel.map(function (x) { return { label: x.name, value: x.received, text: num(x.received), title: x.name + ': ' + num(x.received) + ' hồ sơ' }; });
    columns(c.querySelector('[data-svg]'), items, 'Hồ sơ mới tiếp nhận năm nay theo kênh: ' + items.map(function (i) { return i.title; }).join('; '));
    fillRows(c.querySelector('[data-rows]'), data.byChannel.map(function (x) { return [{ text: x.name }, { text: num(x.received) }]; }));
  }

  function renderTrend(data) {
    var c = part('trend');
    var items = data.onTimeTrend.map(function (m) {
      return { label: month(m.month), value: m.onTimePercent, text: pct(m.onTimePercent),
        title: 'Tháng ' + month(m.month) + ': ' + pct(m.onTimePercent) + ' đúng hạn (' + num(m.onTimeOrEarly) + '/' + num(m.solved) + ' hồ sơ đã giải quyết)' };
    });
    columns(c.querySelector('[data-svg]'), items, 'Tỷ lệ giải quyết đúng hạn 12 tháng: ' + items.map(function (i) { return i.label + ' ' + i.text; }).join('; '), 100);
    fillRows(c.querySelector('[data-rows]'), data.onTimeTrend.map(function (m) {
      return [{ text: m.month.slice(5) + '/' + m.month.slice(0, 4) }, { text: num(m.solved) }, { text: num(m.onTimeOrEarly) }, { text: num(m.late) }, { text: pct(m.onTimePercent) }];
    }));
  }

  function renderOverdue(data) {
    var c = part('overdue'), t = data.today;
    var items = data.overdueByAgency.map(function (a) {
      return { label: a.agencyName, text: num(a.overdue) + ' / ' + num(a.pending), href: drillLink(t.from, t.to, agency, 'pendingOverdue', a.agencyCode),
        parts: [{ value: a.overdue, cls: 'ioc-bad' }, { value: a.pending - a.overdue, cls: 'ioc-neutral' }],
        title: a.agencyName + ': ' + num(a.overdue) + ' quá hạn trong ' + num(a.pending) + ' hồ sơ đang giải quyết' };
    });
    bars(c.querySelector('[data-svg]'), items, 'Hồ sơ đang giải quyết quá hạn theo cơ quan (quá hạn / đang giải quyết)', 'Không có hồ sơ đang giải quyết.');
    fillRows(c.querySelector('[data-rows]'), data.overdueByAgency.map(function (a) {
      return [{ text: a.agencyName, href: drillLink(t.from, t.to, agency, 'pendingOverdue', a.agencyCode) }, { text: num(a.pending) }, { text: num(a.overdue) }];
    }));
  }

  function renderProcedures(data) {
    var list = part('procedures').querySelector('[data-rows]');
    var max = Math.max.apply(null, [1].concat(data.busiestProcedures.map(function (p) { return p.received; })));
    list.replaceChildren.apply(list, data.busiestProcedures.map(function (p) {
      var li = el('li');
      li.appendChild(el('span', { 'class': 'ioc-rank-name' }, p.procedureName));
      li.appendChild(el('span', { 'class': 'ioc-rank-count' }, num(p.received)));
      var bar = svg('svg', { 'class': 'ioc-rank-bar', viewBox: '0 0 100 4', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' });
      bar.appendChild(svg('rect', { width: (100 * p.received / max).toFixed(2), height: 4 }));
      li.appendChild(bar);
      return li;
    }));
  }

  function renderSatisfaction(data) {
    var c = part('satisfaction'), s = data.satisfaction;
    c.querySelector('[data-summary]').textContent = num(s.ratings) + ' lượt đánh giá · điểm trung bình '
      + (s.average === null ? '–' : numbers.format(s.average)) + '/5 · hài lòng ' + pct(s.satisfiedPercent);
    var items = [5, 4, 3, 2, 1].map(function (level) {
      var n = s.byLevel[level - 1];
      return { label: level + ' – ' + ratingNames[level], text: num(n), parts: [{ value: n, cls: level >= 4 ? 'ioc-good' : level === 3 ? 'ioc-neutral' : 'ioc-bad' }],
        title: ratingNames[level] + ': ' + num(n) + ' lượt' };
    });
    bars(c.querySelector('[data-svg]'), items, 'Đánh giá mức độ hài lòng năm nay: ' + items.map(function (i) { return i.title; }).join('; '), '');
    fillRows(c.querySelector('[data-rows]'), items.map(function (i) { return [{ text: i.label }, { text: i.text }]; }));
  }

  var last = null;
  function render(data) {
    last = data;
    renderPeriod('today', data.today);
    renderPeriod('month', data.month);
    renderPeriod('year', data.year);
    renderChannels(data);
    renderTrend(data);
    renderOverdue(data);
    renderProcedures(data);
    renderSatisfaction(data);
  }

  function showError(message) { root.querySelector('[data-ioc-error]').textContent = message ? ' – ' + message : ''; }

  function refresh() {
    if (busy) return;
    busy = true;
    clearTimeout(timer);
    root.setAttribute('aria-busy', 'true');
    fetch(endpoint, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (r.status === 401) throw new Error('Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.');
        if (!r.ok) throw new Error('Không tải được số liệu (mã ' + r.status + ').');
        return r.json();
      })
      .then(function (data) {
        render(data);
        var updated = root.querySelector('[data-ioc-updated]');
        updated.textContent = hms(new Date());
        updated.setAttribute('datetime', data.asOf);
        showError('');
      })
      .catch(function (e) { showError(e instanceof TypeError ? 'Mất kết nối, sẽ thử lại sau.' : e.message); })
      .finally(function () {
        busy = false;
        root.removeAttribute('aria-busy');
        timer = setTimeout(refresh, REFRESH_MS);
      });
  }

  render(JSON.parse(root.getAttribute('data-initial')));
  // The charts now carry the figures; the tables stay one click away ("Bảng số liệu").
  root.querySelectorAll('details.ioc-data').forEach(function (d) { d.removeAttribute('open'); });
  root.querySelector('[data-ioc-refresh]').addEventListener('submit', function (e) {
    e.preventDefault();
    refresh();
  });
  timer = setTimeout(refresh, REFRESH_MS);
  // The charts are drawn for the width they have: redraw them when it changes.
  var resizing = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () { render(last); }, 200);
  });
})();
