package org.kinship.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.kinship.security.LoginSettings;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per client address in a fixed window, whatever user name was tried, so that
 * guessing across many user names is slowed down too. Held in memory per node: it is a brake, not a record.
 */
@Component
class ClientThrottle {

    private final LoginSettings settings;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    ClientThrottle(LoginSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    boolean blocked(String address) {
        Window window = windows.get(address);
        return window != null && window.isCurrent(clock.instant()) && window.failures >= settings.maxFailuresPerClient();
    }

    void failed(String address) {
        Instant now = clock.instant();
        windows.compute(address, (key, window) -> window == null || !window.isCurrent(now)
                ? new Window(now.plus(settings.clientWindow()), 1)
                : new Window(window.end, window.failures + 1));
        if (windows.size() > 10_000) {
            windows.values().removeIf(window -> !window.isCurrent(now));
        }
    }

    private record Window(Instant end, int failures) {
        boolean isCurrent(Instant now) {
            return now.isBefore(end);
        }
    }
}
