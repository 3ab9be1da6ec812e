package dev.tagline.publish.engine;

import dev.tagline.publish.platform.Publisher;
import dev.tagline.publish.platform.PublishRequest;

/**
 * Wraps an adapter and, at one named point between the engine's steps, announces {@code AT <point>} on stdout and
 * blocks, so that the test can {@code kill -9} the worker JVM exactly there.
 */
final class CrashingPublisher implements Publisher {
    private final Publisher delegate;
    private final String point;

    CrashingPublisher(Publisher delegate, String point) {
        this.delegate = delegate;
        this.point = point;
    }

    @Override
    public void upload(PublishRequest r) {
        hold("upload:before");
        delegate.upload(r);
        hold("upload:after");
    }

    @Override
    public Created create(PublishRequest r) {
        hold("create:before");
        Created c = delegate.create(r);
        hold("create:after");
        return c;
    }

    @Override
    public Outcome status(PublishRequest r) {
        hold("status:before");
        Outcome o = delegate.status(r);
        hold("status:after");
        return o;
    }

    @Override
    public Lookup find(PublishRequest r) {
        hold("find:before");
        return delegate.find(r);
    }

    @Override
    public int concurrency() {
        return delegate.concurrency();
    }

    private void hold(String here) {
        if (!here.equals(point)) {
            return;
        }
        System.out.println("AT " + here);
        System.out.flush();
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
