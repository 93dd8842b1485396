package org.itsm.devstack;

import java.nio.file.Path;
import java.util.OptionalLong;

/** A component run as one {@link ManagedProcess}: whether it runs, its PID and its log come from that process. */
abstract class ProcessComponent implements InfrastructureComponent {

    abstract ManagedProcess process();

    @Override
    public boolean isRunning() {
        return process().isRunning();
    }

    @Override
    public OptionalLong pid() {
        return process().pid();
    }

    @Override
    public Path logFile() {
        return process().logFile();
    }
}
