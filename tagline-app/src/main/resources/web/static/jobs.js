// Jobs page: live progress over server-sent events, and cancel.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('li.job').forEach((li) => {
      const id = li.dataset.jobId;
      const source = new EventSource('/api/jobs/' + encodeURIComponent(id) + '/events');
      source.addEventListener('progress', (e) => {
        const j = JSON.parse(e.data);
        const bar = li.querySelector('progress');
        bar.max = Math.max(1, j.total);
        bar.value = j.done;
        // a job may run several tasks one after the other (a find analyses, then reads the clips' text): name it
        li.querySelector('.state').textContent = j.state + (j.task ? ' · ' + j.task + ':' : '') + ' ' + j.count;
        li.querySelector('.message').textContent = j.message;
        li.dataset.state = j.state;
        li.querySelector('.cancel').hidden = j.state !== 'running';
        if (j.state !== 'running') { source.close(); }
      });
      source.addEventListener('gone', () => source.close());
      li.querySelector('.cancel').addEventListener('click', () =>
        window.tagline.api('POST', '/api/jobs/' + encodeURIComponent(id) + '/cancel').catch((err) => {
          li.querySelector('.message').textContent = err.message;
        }));
    });
  });
})();
