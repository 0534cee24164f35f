package io.jenkins.plugins.deployoften.model.deploy;

import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Serialises the deploys of one job to one environment. Only one build deploys at a time; a build that
 * waits while a newer build also waits, or that arrives after a newer build already started deploying,
 * never deploys its stale code: it is superseded by the newer build.
 */
public final class DeployLane {
    private final TreeSet<Integer> waiting = new TreeSet<>();
    private boolean busy;
    private int newestStarted;

    /** The answer to a build that asked to deploy. */
    public final class Admission implements AutoCloseable {
        private final int supersededBy;
        private boolean open;

        private Admission(int supersededBy) {
            this.supersededBy = supersededBy;
            this.open = supersededBy == 0;
        }

        /** @return whether the build may deploy now; it must {@link #close()} the admission when done */
        public boolean isGranted() {
            return supersededBy == 0;
        }

        /** @return the newer build that made this one's deploy pointless, when not granted */
        public OptionalInt getSupersededBy() {
            return supersededBy == 0 ? OptionalInt.empty() : OptionalInt.of(supersededBy);
        }

        /** Frees the lane for the next build. Idempotent; does nothing for a superseded build. */
        @Override
        public void close() {
            synchronized (DeployLane.this) {
                if (open) {
                    open = false;
                    busy = false;
                    DeployLane.this.notifyAll();
                }
            }
        }
    }

    /**
     * Waits until this build may deploy, or until a newer build makes its deploy pointless.
     *
     * @param buildNumber the build asking
     * @return granted (close it when the deploy ends) or superseded by a newer build
     * @throws InterruptedException when the build is aborted while waiting, or was before it asked; it then no
     *     longer waits and never takes the lane
     */
    public synchronized Admission enter(int buildNumber) throws InterruptedException {
        waiting.add(buildNumber);
        notifyAll();
        try {
            while (true) {
                int newer = newerThan(buildNumber);
                if (newer != 0) {
                    waiting.remove(buildNumber);
                    notifyAll();
                    return new Admission(newer);
                }
                if (!busy) {
                    if (Thread.interrupted()) {
                        // aborted just as the lane came free: a notify and the interrupt can wake wait() together
                        throw new InterruptedException();
                    }
                    waiting.remove(buildNumber);
                    busy = true;
                    newestStarted = Math.max(newestStarted, buildNumber);
                    return new Admission(0);
                }
                wait();
            }
        } catch (InterruptedException e) {
            waiting.remove(buildNumber);
            notifyAll();
            throw e;
        }
    }

    /**
     * Asks without waiting whether a newer build already started or waits to deploy, for callers that
     * must not block (a Pipeline block step).
     *
     * @param buildNumber the build asking
     * @return the newer build, if there is one
     */
    public synchronized OptionalInt supersededBy(int buildNumber) {
        int newer = newerThan(buildNumber);
        return newer == 0 ? OptionalInt.empty() : OptionalInt.of(newer);
    }

    /**
     * Notes that a build started deploying without holding the lane (a Pipeline block step).
     *
     * @param buildNumber the build that started
     */
    public synchronized void started(int buildNumber) {
        newestStarted = Math.max(newestStarted, buildNumber);
        notifyAll();
    }

    private int newerThan(int buildNumber) {
        Integer newestWaiting = waiting.isEmpty() ? null : waiting.last();
        int newest = Math.max(newestStarted, newestWaiting == null ? 0 : newestWaiting);
        return newest > buildNumber ? newest : 0;
    }
}
