// Shared page behaviour: send the session's CSRF token with every htmx and fetch request that changes state.
(function () {
  'use strict';
  const token = () => (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
  document.addEventListener('htmx:configRequest', (e) => { e.detail.headers['X-CSRF-Token'] = token(); });
  window.tagline = {
    api: async function (method, url, body) {
      const r = await fetch(url, {
        method: method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token(), 'Accept': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      });
      const json = await r.json().catch(() => ({}));
      if (!r.ok) {
        throw new Error((json.detail || ('HTTP ' + r.status)) + (json.hint ? ' ' + json.hint : ''));
      }
      return json;
    }
  };
})();
