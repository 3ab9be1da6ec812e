// Content Calendar: FullCalendar in UTC mode showing server-computed wall-clock times of the chosen zone.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const strip = (s) => s.replace(/(Z|[+-]\d\d:\d\d)$/, '').slice(0, 19);
  const wall = (d) => d.toISOString().slice(0, 19);
  const chars = (s) => Array.from(s || '').length;
  // X's count, the same rule as the server's (tagline-video TextLength.weighted, twitter-text v3): each URL 23, code
  // points in U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037 1, every other one (CJK, emoji) 2.
  const plainWeight = (t) => Array.from(t).reduce((n, ch) => {
    const c = ch.codePointAt(0);
    return n + (c <= 0x10FF || (c >= 0x2000 && c <= 0x200D) || (c >= 0x2010 && c <= 0x201F)
      || (c >= 0x2032 && c <= 0x2037) ? 1 : 2);
  }, 0);
  const weighted = (s) => {
    const text = s || '';
    const url = /https?:\/\/\S+/g;
    let n = 0;
    let at = 0;
    let m;
    while ((m = url.exec(text)) !== null) {
      n += plainWeight(text.slice(at, m.index)) + 23;
      at = m.index + m[0].length;
    }
    return n + plainWeight(text.slice(at));
  };
  // A month grid asks for the first posts of each day and a "+N more" count for the rest (GET /api/calendar perDay).
  const PER_DAY = 3;

  // ---- wall clocks of IANA zones, 24 h whatever the browser's locale (no date library: Intl does the zone rules) ----
  const partsIn = (ms, zone) => Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: '2-digit', weekday: 'short', hourCycle: 'h23'
  }).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  // "2026-11-30T09:00": the wall clock of `zone` at the instant `ms`
  const wallOf = (ms, zone) => {
    const p = partsIn(ms, zone);
    return p.year + '-' + p.month + '-' + p.day + 'T' + p.hour + ':' + p.minute;
  };
  const offsetAt = (ms, zone) => Date.parse(wallOf(ms, zone) + ':00Z') - Math.floor(ms / 60000) * 60000;
  // The instant of the wall time `wall` ("2026-11-30T09:00") in `zone`, as the server's LocalDateTime.atZone reads it:
  // in an overlap (clocks go back) the earlier instant; in a gap (clocks go forward) later by the gap's length, and
  // `gap` says so.
  const instantOf = (wall, zone) => {
    const w = Date.parse(wall + ':00Z');
    const before = offsetAt(w - 86400000, zone);
    const fits = [before, offsetAt(w + 86400000, zone)].map((o) => w - o).filter((ms) => wallOf(ms, zone) === wall);
    return fits.length ? { ms: Math.min(...fits), gap: false } : { ms: w - before, gap: true };
  };
  // "09:00 Mon 30 Nov 2026"
  const dayTime = (ms, zone) => {
    const p = partsIn(ms, zone);
    return p.hour + ':' + p.minute + ' ' + p.weekday + ' ' + Number(p.day) + ' ' + new Intl.DateTimeFormat('en-GB',
      { timeZone: zone, month: 'short' }).format(new Date(ms)) + ' ' + p.year;
  };
  // "9:00", "0900", "09:00" → "09:00"; null for anything that is not a 24 h time
  const clock = (text) => {
    const m = /^\s*(\d{1,2}):?(\d\d)\s*$/.exec(text || '');
    return m && Number(m[1]) < 24 && Number(m[2]) < 60 ? m[1].padStart(2, '0') + ':' + m[2] : null;
  };

  document.addEventListener('DOMContentLoaded', () => {
    const el = $('calendar');
    const tz = $('tz');
    let undoAction = null;

    const toast = (text, undo) => {
      $('toast-text').textContent = text;
      $('toast').hidden = false;
      undoAction = undo || null;
      $('undo').hidden = !undo;
    };

    // The view: the page's (?view=), else the one the user last picked with the toolbar, else by width: a week grid is
    // unreadable on a phone (slivers of 9–19 px), so narrow screens start on the list.
    const VIEWS = ['dayGridMonth', 'timeGridWeek', 'listMonth'];
    const picked = (() => { try { return window.localStorage.getItem('tagline.calendarView'); } catch (e) { return null; } })();
    const startView = el.dataset.view || (VIEWS.includes(picked) ? picked
      : window.matchMedia('(max-width: 600px)').matches ? 'listMonth' : 'dayGridMonth');
    el.dataset.view = startView;
    el.addEventListener('click', (e) => {
      const button = e.target.closest('.fc-toolbar button');
      const view = button && VIEWS.find((v) => button.classList.contains('fc-' + v + '-button'));
      if (view) { try { window.localStorage.setItem('tagline.calendarView', view); } catch (err) { /* private mode: not kept */ } }
    });
    // The first fetch runs inside the constructor, before `cal` is assigned: the initial view is the page's.
    let cal = null;
    const viewType = () => (cal ? cal.view.type : el.dataset.view);
    // A month grid: whole weeks, four or more. While a view switch fetches, cal.view is still the old view, so the
    // range decides too (a day list opened from "+N more" must get every post of the day).
    const monthGrid = (info) => {
      const days = Math.round((info.end - info.start) / 86400000);
      return viewType() === 'dayGridMonth' && days >= 28 && days % 7 === 0;
    };
    // The grid shows the chosen zone's wall clock as UTC, so "today" and the now line must be that clock too, not UTC's
    const nowInZone = () => {
      const p = partsIn(Date.now(), tz.value);
      return p.year + '-' + p.month + '-' + p.day + 'T' + p.hour + ':' + p.minute + ':' + p.second + 'Z';
    };
    // a toast's time: "2026-12-03 10:00 UTC (05:00 in America/New_York)": the calendar's zone, and the channel's clock
    // where that differs (with its date when that differs too)
    const whenText = (at, channelZone) => {
      const ms = Date.parse(at);
      const here = wallOf(ms, tz.value).replace('T', ' ');
      if (!channelZone || channelZone === tz.value) { return here + ' ' + tz.value; }
      const there = wallOf(ms, channelZone).replace('T', ' ');
      return here + ' ' + tz.value + ' (' + (there.slice(0, 10) === here.slice(0, 10) ? there.slice(11) : there)
        + ' in ' + channelZone + ')';
    };
    cal = new FullCalendar.Calendar(el, {
      timeZone: 'UTC',
      now: nowInZone,
      initialView: el.dataset.view,
      initialDate: el.dataset.date,
      firstDay: 1,
      height: 'auto',
      // Every view asks again: a month grid holds only the first posts of each day, a day list needs them all.
      lazyFetching: false,
      editable: true,
      eventDurationEditable: false,
      displayEventEnd: false,
      eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      slotLabelFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      headerToolbar: { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,listMonth' },
      // prev/next are icons with only a title: a screen reader read them as "button"; name them after each view change
      datesSet: () => el.querySelectorAll('.fc-prev-button, .fc-next-button').forEach((b) => {
        b.setAttribute('aria-label', b.title || (b.classList.contains('fc-prev-button') ? 'Previous' : 'Next'));
      }),
      events: (info, ok, fail) => {
        const q = 'from=' + encodeURIComponent(strip(info.startStr)) + '&to=' + encodeURIComponent(strip(info.endStr))
          + '&tz=' + encodeURIComponent(tz.value) + (monthGrid(info) ? '&perDay=' + PER_DAY : '');
        window.tagline.api('GET', '/api/calendar?' + q).then((j) => ok(j.events.concat(j.more.map((m) => ({
          id: 'more-' + m.date, title: '+' + m.count + ' more', start: m.date + 'T23:58:00', end: m.date + 'T23:59:00', editable: false,
          display: 'block', color: '#555', extendedProps: { more: m.date }
        })))), fail);
      },
      eventContent: (arg) => arg.event.extendedProps.more
        ? { domNodes: [document.createTextNode(arg.event.title)] } : true,
      eventClassNames: (arg) => arg.event.extendedProps.more ? ['more']
        : ['post', 'status-' + arg.event.extendedProps.status.replace(/ /g, '-')],
      eventDidMount: (info) => {
        if (info.event.extendedProps.more) { info.el.dataset.moreDate = info.event.extendedProps.more; return; }
        info.el.dataset.postId = info.event.id;
        info.el.dataset.status = info.event.extendedProps.status;
        const reason = info.event.extendedProps.reason;
        info.el.title = info.event.title + (reason ? ' — ' + reason : '');
      },
      eventDrop: (info) => {
        const previous = wall(info.oldEvent.start);
        move(info.event.id, wall(info.event.start), info.event.extendedProps.at)
          .then((j) => {
            const warn = j.warnings.length ? ' Warning: ' + j.warnings.join('; ') : '';
            toast('Post ' + info.event.id + ' moved to ' + whenText(j.post.at, j.post.channelZone) + '.'
              + alsoMoved(j) + warn, () => move(info.event.id, previous, j.post.at, j.moved)
                .then(() => { toast('Move undone.'); cal.refetchEvents(); }));
            cal.refetchEvents();
          })
          .catch((e) => { info.revert(); toast('Not moved: ' + e.message); });
      },
      eventClick: (info) => {
        info.jsEvent.preventDefault();
        if (info.event.extendedProps.more) { cal.changeView('listDay', info.event.extendedProps.more); return; }
        openEditor(info.event.id);
      }
    });
    cal.render();

    // The Unscheduled list: queued posts without a time; each opens the editor (text only, never HTML).
    const loadQueue = () => window.tagline.api('GET', '/api/queue').then((j) => {
      const list = $('queue');
      list.replaceChildren();
      if (!j.posts.length) {
        const empty = list.appendChild(document.createElement('li'));
        empty.className = 'empty';
        empty.textContent = 'Nothing queued.';
      }
      j.posts.forEach((p) => {
        const li = list.appendChild(document.createElement('li'));
        li.dataset.postId = p.id;
        li.style.borderLeftColor = p.color;
        const open = li.appendChild(document.createElement('button'));
        open.type = 'button';
        open.className = 'open-post';
        open.textContent = p.channel + ' · ' + (p.title || 'post ' + p.id);
        const caption = li.appendChild(document.createElement('p'));
        caption.className = 'caption';
        caption.textContent = p.caption;
        if (p.broken) { // its clip details cannot be read: say so, and that cancel still works
          li.classList.add('broken');
          const broken = li.appendChild(document.createElement('p'));
          broken.className = 'broken-reason';
          broken.textContent = p.broken;
        }
      });
    }).catch((e) => toast(e.message));
    const refresh = () => { cal.refetchEvents(); loadQueue(); };
    // the page renders the first list; each item's button opens its post (items from loadQueue too)
    $('queue').addEventListener('click', (e) => {
      const item = e.target.closest('.open-post') && e.target.closest('li[data-post-id]');
      if (item) { openEditor(item.dataset.postId); }
    });

    // restore: Undo of a move sends its answer's `moved` back, so the posts it placed again return to their times too
    const move = (id, at, previousAt, restore) =>
      window.tagline.api('PATCH', '/api/posts/' + id + '/schedule', { at: at, tz: tz.value, previousAt: previousAt,
        restore: (restore || []).map((m) => ({ id: m.id, previousAt: m.previousAt, at: m.at })) });
    // the other posts a move placed again to keep the channel's posting rule, each named with where it went, in the
    // moved post's words: the calendar's zone, then the channel's clock (one zone per time, never a label for all)
    const alsoMoved = (j) => {
      const moved = j.moved || [];
      if (!moved.length) { return ''; }
      return ' It also moved ' + moved.map((m) => 'post ' + m.id + (m.at
        ? ' to ' + whenText(m.at, j.post.channelZone) : ' back to the queue (no free slot)')).join(', ')
        + ' to keep the posting rule of ' + j.post.extendedProps.channel + '.';
    };

    tz.addEventListener('change', () => {
      const url = new URL(window.location.href);
      url.searchParams.set('tz', tz.value);
      window.history.replaceState(null, '', url);
      cal.render(); // "today" moves with the zone
      cal.refetchEvents();
    });
    $('undo').addEventListener('click', () => { if (undoAction) { const a = undoAction; undoAction = null; a().catch((e) => toast(e.message)); } });
    $('auto-schedule').addEventListener('click', () => {
      window.tagline.api('POST', '/api/auto-schedule').then((j) => {
        const placed = j.channels.reduce((n, c) => n + c.placed, 0);
        const unplaced = j.channels.flatMap((c) => c.unplaced.map((u) => c.channel + ' post ' + u.post + ': ' + u.reason));
        const skipped = j.skipped.map((c) => c.channel + ' skipped (' + c.queued + ' queued): ' + c.reason);
        const notes = unplaced.concat(skipped);
        toast('Auto-schedule placed ' + placed + ' post(s).' + (notes.length ? ' ' + notes.join('. ') + '.' : '')
          + (j.why ? ' ' + j.why : ''));
        refresh();
      }).catch((e) => toast(e.message));
    });

    // ---- post editor ----
    const dialog = $('editor');
    let current = null;
    const count = (input, out, max, what, measure) => {
      const n = (measure || chars)(input.value);
      out.textContent = n + (max ? ' / ' + max : '') + ' ' + what;
      out.classList.toggle('over', max > 0 && n > max);
    };
    const recount = () => {
      if (!current) { return; }
      count($('ed-title'), $('ed-title-count'), current.limits.title, 'characters in the title');
      const x = (current.extendedProps || {}).platform === 'x';
      count($('ed-caption'), $('ed-caption-count'), current.limits.caption, x ? 'weighted characters' : 'characters',
        x ? weighted : chars);
      const tags = ($('ed-caption').value.match(/#[\p{L}\p{N}_]+/gu) || []).length;
      $('ed-hashtags').textContent = tags + (current.limits.hashtags ? ' / ' + current.limits.hashtags : '') + ' hashtags';
      $('ed-hashtags').classList.toggle('over', current.limits.hashtags > 0 && tags > current.limits.hashtags);
    };
    const fill = (p) => {
      current = p;
      $('ed-id').textContent = p.id;
      $('ed-channel').textContent = p.extendedProps.channel + ' (' + p.extendedProps.platform + ')';
      $('ed-status').textContent = p.extendedProps.status;
      $('ed-link').hidden = !p.extendedProps.url;
      if (p.extendedProps.url && /^https?:\/\//.test(p.extendedProps.url)) { $('ed-link').href = p.extendedProps.url; }
      $('ed-reason').hidden = !p.extendedProps.reason;
      $('ed-reason').textContent = p.extendedProps.reason;
      $('ed-title').value = p.postTitle;
      $('ed-caption').value = p.caption;
      $('ed-zone').textContent = tz.value;
      // a failed post may be edited and sent again only where the server's exactly-once rule offers it (p.retry)
      const retry = p.retry || null;
      const retryable = !!(retry && retry.offered);
      const start = p.start && !retry ? p.start.slice(0, 16) : '';
      $('ed-date').value = start.slice(0, 10);
      $('ed-clock').value = start.slice(11, 16);
      ['ed-title', 'ed-caption', 'ed-date', 'ed-clock'].forEach((id) => { $(id).disabled = !(p.movable || retryable); });
      // an unconfirmed post: the create call's answer was lost; the user checks the platform and says what they found
      const resolvable = !!p.resolvable;
      ['ed-save', 'ed-publish'].forEach((id) => { $(id).disabled = !p.movable; $(id).hidden = !!retry || resolvable || !!p.resending; });
      // a broken post (its clip details cannot be read) would only fail if sent: no Publish now, and the reason why
      const broken = p.extendedProps.status === 'broken';
      if (broken) { $('ed-publish').disabled = true; }
      $('ed-publish').title = broken ? 'A run would fail it: re-queue the clip first, or cancel the post' : '';
      ['ed-posted', 'ed-not-posted'].forEach((id) => { $(id).hidden = !resolvable; });
      // a receiver that dedupes by Idempotency-Key: Tagline sends it again by itself, nothing to check
      const resending = p.resending || null;
      $('ed-resolve-why').textContent = resending ? 'Retrying at ' + resending.at + ' (' + resending.why + '): the'
        + ' answer to its create call was lost, and Tagline sends it again by itself. Nothing to check.'
        : !resolvable ? '' : 'Unconfirmed: the answer to its create call was lost, so'
        + ' whether ' + p.extendedProps.platform + ' has this post is not known. Check ' + p.extendedProps.platform
        + ', then say what you found.';
      $('ed-resolve-why').hidden = !resolvable && !resending;
      $('ed-cancel').hidden = !p.movable;
      // only a post with a time that nothing has acted on yet: not a queued, failed or published one
      $('ed-unschedule').hidden = !(p.movable && p.at);
      $('ed-retry').hidden = !retryable;
      const why = !retry ? '' : retryable ? 'Edit the text if needed, then Retry: with a time it is scheduled then,'
        + ' without one it goes back to the queue.' : retry.why;
      $('ed-retry-why').textContent = why;
      $('ed-retry-why').hidden = !why;
      // until it is sent a post follows its clip's copy, unless its text was edited here
      $('ed-copy-note').textContent = !p.movable ? '' : p.copyEdited
        ? 'Text edited here: it is sent as it is; edits on the Clips page no longer change it.'
        : 'Text from the clip (Clips page): it follows edits there until it is sent; editing it here makes it this'
          + ' post\'s own.';
      $('ed-copy-note').hidden = !p.movable;
      // the way back: an edited post may drop its own text and follow its clip again (the text it would take shown)
      const clip = p.movable && p.copyEdited ? p.clipCopy : null;
      $('ed-clip-copy').hidden = !clip;
      $('ed-clip-title').textContent = clip ? clip.title : '';
      $('ed-clip-caption').textContent = clip ? clip.caption : '';
      $('ed-error').hidden = true;
      recount();
      showChannelTime();
    };
    // The time fields: a date and a 24 h HH:MM in the calendar's zone. `wall` is "2026-11-30T14:00", '' for no time;
    // `error` says what is wrong with what was typed.
    const timeField = () => {
      const date = $('ed-date').value;
      const text = $('ed-clock').value.trim();
      if (!date && !text) { return { wall: '' }; }
      const hhmm = clock(text);
      if (!hhmm) { return { error: 'Type the time as HH:MM, 24 h (e.g. 09:00 or 18:30).' }; }
      if (!date) { return { error: 'Pick the date as well, or clear the time to leave the post without one.' }; }
      return { wall: date + 'T' + hhmm };
    };
    // beside the fields: the same moment on the channel's own clock, as it is typed
    const showChannelTime = () => {
      const out = $('ed-channel-time');
      const t = timeField();
      out.classList.toggle('error', !!t.error);
      if (!current || t.error || !t.wall) {
        out.textContent = t.error || (current && current.movable ? 'No time: the post waits in the Unscheduled list.' : '');
        return;
      }
      const zone = current.channelZone || tz.value;
      const at = instantOf(t.wall, tz.value);
      out.textContent = dayTime(at.ms, zone) + ' in ' + zone + ' (' + current.extendedProps.channel + '\'s clock)'
        + (at.gap ? '. ' + t.wall.slice(11) + ' does not exist in ' + tz.value + ' (the clocks go forward): it is '
          + wallOf(at.ms, tz.value).slice(11) + ' there.' : '');
    };
    $('ed-date').addEventListener('input', showChannelTime);
    $('ed-clock').addEventListener('input', showChannelTime);
    $('ed-clock').addEventListener('change', () => {
      const hhmm = clock($('ed-clock').value);
      if (hhmm) { $('ed-clock').value = hhmm; }
      showChannelTime();
    });
    const fail = (e) => { $('ed-error').textContent = e.message; $('ed-error').hidden = false; };
    const load = (id) => window.tagline.api('GET', '/api/posts/' + id + '?tz=' + encodeURIComponent(tz.value));
    const openEditor = (id) => load(id).then((p) => { fill(p); dialog.showModal(); }).catch((e) => toast(e.message));
    $('ed-title').addEventListener('input', recount);
    $('ed-caption').addEventListener('input', recount);
    $('ed-close').addEventListener('click', () => dialog.close());
    // one request: the server checks the text, then the new time, and stores nothing when either is refused
    $('ed-save').addEventListener('click', () => {
      const id = current.id;
      const field = timeField();
      if (field.error) { fail(new Error(field.error)); return; }
      const time = field.wall;
      const moving = time && time !== (current.start || '').slice(0, 16);
      const previous = (current.start || '').slice(0, 16);
      window.tagline.api('PUT', '/api/posts/' + id + '/copy', { title: $('ed-title').value,
        caption: $('ed-caption').value, at: moving ? time : null, tz: tz.value, previousAt: current.at })
        .then((j) => {
          dialog.close();
          if (moving) {
            const warn = j.warnings.length ? ' Warning: ' + j.warnings.join('; ') : '';
            toast('Post ' + id + ' saved and moved to ' + whenText(j.at, j.channelZone) + '.' + alsoMoved({ moved: j.moved,
              post: j }) + warn, previous
              ? () => move(id, previous, j.at, j.moved).then(() => { toast('Move undone.'); refresh(); }) : undefined);
          } else {
            toast('Post ' + id + ' saved.');
          }
          refresh();
        }).catch(fail);
    });
    $('ed-retry').addEventListener('click', () => {
      const field = timeField();
      if (field.error) { fail(new Error(field.error)); return; }
      window.tagline.api('POST', '/api/posts/' + current.id + '/retry', {
        title: $('ed-title').value, caption: $('ed-caption').value, at: field.wall || null, tz: tz.value
      }).then((j) => {
        dialog.close();
        toast(j.message + (j.warnings.length ? ' Warning: ' + j.warnings.join('; ') : ''));
        refresh();
      }).catch(fail);
    });
    // back to the Unscheduled list; Undo moves it back to the time it had (a move, as a drag's Undo)
    $('ed-unschedule').addEventListener('click', () => {
      const id = current.id;
      window.tagline.api('POST', '/api/posts/' + id + '/unschedule', { previousAt: current.at })
        .then((j) => {
          dialog.close();
          toast(j.message, () => move(id, j.previousAt, null).then(() => { toast('Unschedule undone.'); refresh(); }));
          refresh();
        }).catch(fail);
    });
    $('ed-cancel').addEventListener('click', () => {
      if (!window.confirm('Cancel post ' + current.id + ' on ' + current.extendedProps.channel
        + '? It will not be published. No other post moves; the next Auto-schedule may give its time to a queued'
        + ' post.')) { return; }
      window.tagline.api('POST', '/api/posts/' + current.id + '/cancel')
        .then((j) => { dialog.close(); toast(j.message); refresh(); }).catch(fail);
    });
    const resolve = (body) => window.tagline.api('POST', '/api/posts/' + current.id + '/resolve', body)
      .then((j) => { dialog.close(); toast(j.message); refresh(); }).catch(fail);
    $('ed-posted').addEventListener('click', () => {
      const url = window.prompt('Post ' + current.id + ' is on ' + current.extendedProps.platform + '? It will be marked'
        + ' published and not sent again. Its link there (optional):', '');
      if (url === null) { return; }
      resolve({ posted: true, url: url.trim() || null });
    });
    $('ed-not-posted').addEventListener('click', () => {
      if (!window.confirm('Post ' + current.id + ' is not on ' + current.extendedProps.platform + '? It will be sent'
        + ' again now.')) { return; }
      resolve({ posted: false });
    });
    $('ed-follow-clip').addEventListener('click', () => {
      const id = current.id;
      window.tagline.api('POST', '/api/posts/' + id + '/follow-clip')
        .then((j) => { toast(j.message); refresh(); return load(id).then(fill); }).catch(fail);
    });
    $('ed-publish').addEventListener('click', () => window.tagline.api('POST', '/api/posts/' + current.id + '/publish-now')
      .then((j) => { dialog.close(); toast(j.message); refresh(); }).catch(fail));
  });
})();
