// The dataset gallery's cards: keyboard saving and moving, unsaved-changes warning, caption and tags boxes that grow.
(function () {
  'use strict';
  const cards = () => Array.from(document.querySelectorAll('article.image'));
  // A box as tall as its text (never below its rows), so a long caption or tag list shows whole, without a scrollbar.
  const fit = (box) => {
    if (box.tagName === 'TEXTAREA') {
      box.style.height = 'auto';
      box.style.height = (box.scrollHeight + 2) + 'px';
    }
  };
  const fitAll = (root) => root.querySelectorAll('form.card textarea').forEach(fit);
  let refocus = null; // {name, field}: the card saved from the keyboard and the box that had the focus

  const save = (field) => {
    const form = field.closest('form.card');
    if (!form || form.querySelector('button:disabled')) { return; } // a read-only folder's card
    refocus = { name: (form.querySelector('p.name') || {}).textContent, field: field.name };
    form.requestSubmit();
  };
  const move = (field, step) => {
    const all = cards();
    const next = all[all.indexOf(field.closest('article.image')) + step];
    const box = next && next.querySelector('textarea[name="caption"]');
    if (box) {
      box.focus();
      box.setSelectionRange(box.value.length, box.value.length); // typing goes on from the end, not before the text
      box.scrollIntoView({ block: 'nearest' });
    }
  };

  document.addEventListener('keydown', (e) => {
    const field = e.target;
    if (!field.closest || !field.closest('form.card') || e.isComposing) { return; }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save(field);
    } else if (e.key === 'Enter' && field.name === 'tags' && !e.shiftKey && !e.altKey) {
      e.preventDefault(); // a tag list is one line of comma-separated tags: Enter saves, as in a one-line box
      save(field);
    } else if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      move(field, e.key === 'ArrowDown' ? 1 : -1);
    }
  });
  document.addEventListener('input', (e) => {
    const form = e.target.closest && e.target.closest('form.card');
    if (form) {
      form.dataset.dirty = '';
      fit(e.target);
    }
  });
  // A saved card comes back as a new, clean article; a failed save leaves the card dirty.
  window.addEventListener('beforeunload', (e) => {
    if (document.querySelector('form.card[data-dirty]')) {
      e.preventDefault();
      e.returnValue = '';
    }
  });
  document.addEventListener('htmx:load', (e) => {
    fitAll(e.detail.elt);
    const name = e.detail.elt.querySelector && e.detail.elt.querySelector('p.name');
    if (refocus && name && name.textContent === refocus.name) {
      const box = e.detail.elt.querySelector('textarea[name="' + refocus.field + '"]');
      refocus = null;
      if (box) { box.focus(); }
    }
  });
  document.addEventListener('DOMContentLoaded', () => fitAll(document));
})();
