// Shared page behaviour: send the session's CSRF token with every htmx and fetch request that changes state.
(function () {
  'use strict';
  const token = () => (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
  document.addEventListener('htmx:configRequest', (e) => { e.detail.headers['X-CSRF-Token'] = token(); });

  // htmx does not swap 4xx/5xx answers: show the server's one-line message (text only) in the form's card, or as the
  // page's toast when the form is in no card.
  const toast = (text) => {
    let box = document.getElementById('toast');
    if (!box) {
      box = document.createElement('div');
      box.id = 'toast';
      box.setAttribute('role', 'status');
      box.setAttribute('aria-live', 'polite');
      box.appendChild(document.createElement('span')).id = 'toast-text';
      (document.querySelector('main') || document.body).prepend(box);
    }
    document.getElementById('toast-text').textContent = text;
    box.hidden = false;
  };
  const showError = (elt, text) => {
    const card = elt && elt.closest ? elt.closest('article') : null;
    if (!card) {
      toast(text);
      return;
    }
    let line = card.querySelector('p.error[data-htmx-error]');
    if (!line) {
      line = document.createElement('p');
      line.className = 'error';
      line.setAttribute('role', 'alert');
      line.dataset.htmxError = '';
      (card.querySelector('form') || card).before(line);
    }
    line.textContent = text;
  };
  const messageOf = (xhr) => {
    const doc = new DOMParser().parseFromString(xhr.responseText || '', 'text/html');
    const text = ((doc.querySelector('.error, .problem') || doc.body || {}).textContent || '').replace(/\s+/g, ' ').trim();
    return text || ('The server answered ' + xhr.status + '; reload the page and try again.');
  };
  document.addEventListener('htmx:beforeRequest', (e) => {
    const card = e.detail.elt && e.detail.elt.closest ? e.detail.elt.closest('article') : null;
    const old = card && card.querySelector('p.error[data-htmx-error]');
    if (old) { old.remove(); }
  });
  document.addEventListener('htmx:responseError', (e) => showError(e.detail.elt, messageOf(e.detail.xhr)));
  document.addEventListener('htmx:sendError', (e) =>
    showError(e.detail.elt, 'Could not reach the server; check that tagline serve is running, then try again.'));
  window.tagline = {
    toast: toast,
    api: async function (method, url, body) {
      const r = await fetch(url, {
        method: method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token(), 'Accept': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      });
      const json = await r.json().catch(() => ({}));
      if (!r.ok) {
        // one sentence pair, as the server's Problems.oneLine: "Post 3 is published and cannot be moved. Only …"
        const detail = json.detail || ('HTTP ' + r.status);
        throw new Error(detail + (json.hint ? (/[.!?:;]$/.test(detail) ? ' ' : '. ') + json.hint : ''));
      }
      return json;
    }
  };
})();
