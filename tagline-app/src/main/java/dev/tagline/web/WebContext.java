package dev.tagline.web;

import dev.tagline.publish.Publishing;
import java.time.Clock;

/** What the routes share, wired once by {@link WebServer}. {@code setupCode} is null once a password is set. */
record WebContext(WebSettings settings, Publishing publishing, Clock clock, Sessions sessions, Passwords passwords,
                  FailureThrottle throttle, FailureThrottle videoLinkThrottle, String setupCode) {
}
