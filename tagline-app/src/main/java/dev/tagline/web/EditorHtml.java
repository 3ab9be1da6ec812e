package dev.tagline.web;

/** The post editor dialog; filled by {@code calendar.js} with {@code textContent}/{@code value}, never as HTML. */
final class EditorHtml {
    static final String DIALOG = """
            <dialog id="editor" aria-labelledby="editor-heading">
              <form id="editor-form" method="dialog">
                <h2 id="editor-heading">Post <span id="ed-id"></span></h2>
                <p class="meta"><span id="ed-channel"></span> · <span id="ed-status"></span>
                  <a id="ed-link" target="_blank" rel="noopener noreferrer" hidden>open on the platform</a></p>
                <p id="ed-reason" class="error" hidden></p>
                <p id="ed-retry-why" class="notice" hidden></p>
                <p id="ed-resolve-why" class="notice" hidden></p>
                <p id="ed-copy-note" class="meta" hidden></p>
                <div id="ed-clip-copy" class="notice" hidden>
                  <p>The clip's copy now (clip.json): <strong id="ed-clip-title"></strong></p>
                  <p id="ed-clip-caption" class="caption"></p>
                  <button type="button" id="ed-follow-clip">Use the clip's copy</button>
                </div>
                <label>Title <input id="ed-title" name="title"></label>
                <p class="count" id="ed-title-count"></p>
                <label>Caption (with hashtags) <textarea id="ed-caption" name="caption" rows="7"></textarea></label>
                <p class="count"><span id="ed-caption-count"></span> · <span id="ed-hashtags"></span></p>
                <fieldset class="when"><legend>Time in <span id="ed-zone"></span> (24 h)</legend>
                  <label>Date <input id="ed-date" type="date"></label>
                  <label>Time <input id="ed-clock" inputmode="numeric" pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
                    maxlength="5" placeholder="HH:MM" autocomplete="off" spellcheck="false"></label>
                  <p id="ed-channel-time" class="meta" aria-live="polite"></p>
                </fieldset>
                <p id="ed-error" class="error" role="alert" hidden></p>
                <menu>
                  <button type="button" id="ed-save">Save</button>
                  <button type="button" id="ed-publish">Publish now</button>
              <button type="button" id="ed-unschedule" hidden>Unschedule</button>
                  <button type="button" id="ed-retry" hidden>Retry</button>
                  <button type="button" id="ed-posted" hidden>Posted: it is there</button>
                  <button type="button" id="ed-not-posted" hidden>Not posted: send again</button>
                  <button type="button" id="ed-cancel" class="danger">Cancel post</button>
                  <button type="button" id="ed-close">Close</button>
                </menu>
              </form>
            </dialog>
            """;

    private EditorHtml() {
    }
}
