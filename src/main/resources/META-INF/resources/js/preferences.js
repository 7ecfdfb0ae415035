// The preferences page: the live preview of the next email, the trend slider's figure, the browser's time zone,
// and the focus on the first refused field. The page works without it; this only adds.
(function () {
  'use strict';
  var form = document.getElementById('preferences');
  if (!form) { return; }

  var first = document.querySelector('[data-first-error]');
  if (first && document.activeElement !== first) { first.focus(); }

  var trend = document.getElementById('trendWeight');
  var trendOut = document.getElementById('trend-out');
  if (trend && trendOut) {
    trend.addEventListener('input', function () { trendOut.textContent = trend.value; });
  }

  var zone = '';
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { zone = ''; }
  var zoneInput = document.getElementById('timeZone');
  if (zone && zoneInput && zoneInput.value !== zone) {
    document.getElementById('zone-browser').textContent = zone;
    document.getElementById('zone-offer').hidden = false;
    document.getElementById('zone-use').addEventListener('click', function () {
      zoneInput.value = zone;
      zoneInput.focus();
    });
  }

  // On a phone the preview is a bar stuck under the form: closed, it still shows the live count.
  var box = document.getElementById('preview-box');
  if (box && window.matchMedia && window.matchMedia('(max-width: 959px)').matches) { box.open = false; }

  var list = document.getElementById('preview-list');
  var status = document.getElementById('preview-status');
  if (!list || !status || !window.fetch) { return; }
  var url = window.location.pathname.replace(/\/+$/, '') + '/preview';
  var timer = null;
  var seq = 0;

  function value(name) {
    var field = form.elements.namedItem(name);
    return field ? field.value : '';
  }

  function choices() {
    var params = new URLSearchParams();
    form.querySelectorAll('input[name=topics]:checked').forEach(function (box) { params.append('topics', box.value); });
    params.append('interests', value('interests'));
    params.append('authors', value('authors'));
    params.append('trendWeight', value('trendWeight'));
    params.append('exploration', form.querySelector('input[name=exploration]').checked ? 'on' : 'off');
    var only = form.querySelector('input[name=onlyWhenMatches]').checked;
    params.append('onlyWhenMatches', only ? 'on' : 'off');
    params.append('papersPerEmail', value('papersPerEmail'));
    return { params: params, onlyWhenMatches: only };
  }

  function show(items) {
    var empty = document.getElementById('preview-empty');
    if (empty) { empty.remove(); }
    list.replaceChildren();
    items.forEach(function (item) {
      var li = document.createElement('li');
      var title = document.createElement('b');
      title.textContent = item.title;
      var reason = document.createElement('small');
      reason.className = 'hint';
      reason.textContent = item.reason;
      li.append(title, document.createElement('br'), reason);
      list.append(li);
    });
  }

  function refresh() {
    var asked = choices();
    var mine = ++seq;
    status.textContent = 'updating…';
    fetch(url + '?' + asked.params.toString(), { headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (mine !== seq) { return; }
        if (!result.ok) {
          list.replaceChildren();
          status.textContent = result.body && result.body.error ? result.body.error : 'no preview for these choices';
          return;
        }
        show(result.body);
        if (result.body.length) {
          status.textContent = result.body.length + (result.body.length === 1 ? ' paper' : ' papers')
            + ' for your choices as edited (not saved yet)';
        } else {
          status.textContent = asked.onlyWhenMatches
            ? 'nothing matches today, so no email would be sent'
            : 'nothing new for these choices yet';
        }
      })
      .catch(function () { if (mine === seq) { status.textContent = 'preview unavailable right now'; } });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  }
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
})();
