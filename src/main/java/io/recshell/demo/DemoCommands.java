package io.recshell.demo;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.recshell.db.DatabaseGate;
import io.recshell.recordings.FilterValidator;
import io.recshell.shell.Audited;
import io.recshell.shell.RecshellException;
import io.recshell.shell.Session;
import io.recshell.shell.ShellOutput;
import io.recshell.audit.AuditTrail;
import io.recshell.audit.Outcome;

/** {@code demo load}: sample platform data for trying recshell out. */
@Component
public class DemoCommands {

    private final SampleDataLoader loader;
    private final DatabaseGate gate;
    private final AuditTrail audit;
    private final ShellOutput output;
    private final Session session;

    public DemoCommands(SampleDataLoader loader, DatabaseGate gate, AuditTrail audit, ShellOutput output,
            Session session) {
        this.loader = loader;
        this.gate = gate;
        this.audit = audit;
        this.output = output;
        this.session = session;
    }

    @Audited("demo_load")
    @Command(name = {"demo", "load"}, group = "Demo",
            description = "Create the sample platform tables and fill them with generated data",
            help = "For demos, tests and benchmarks only. Creates users, devices and recordings shaped like"
                    + " MOR's if they are missing, and refuses to touch tables that already hold data unless"
                    + " --replace is given. --replace first prints what it would remove (rows of users,"
                    + " devices and recordings, and the database name); on a terminal you must type the"
                    + " database name, without one --yes is needed too. The data is deterministic for a"
                    + " given --seed and size.")
    public void load(@Option(longName = "recordings", description = "how many recordings", defaultValue = "10000")
            String recordings,
            @Option(longName = "seed", description = "random seed", defaultValue = "42") String seed,
            @Option(longName = "replace", description = "delete existing sample data first") boolean replace,
            @Option(longName = "yes", description = "with --replace and no terminal: replace without asking")
            boolean yes) {
        long count = FilterValidator.id("--recordings", recordings);
        if (count > 50_000_000) {
            throw RecshellException.invalid("Invalid --recordings '" + recordings + "': at most 50000000");
        }
        long seedValue = FilterValidator.wholeNumber("--seed", seed);
        audit.current().filter("recordings", count).filter("seed", seedValue).filter("replace", replace)
                .filter("yes", yes);
        gate.readyWithoutPlatform();
        SampleDataLoader.Existing removed = replace ? confirmReplace(yes) : null;

        long started = System.nanoTime();
        SampleDataLoader.Loaded loaded = loader.load((int) count, seedValue, replace);
        double seconds = (System.nanoTime() - started) / 1e9;
        String message = String.format("Loaded %d users, %d devices and %d recordings in %.1f s", loaded.users(),
                loaded.devices(), loaded.recordings(), seconds);
        if (removed != null && !removed.isEmpty()) {
            message = "Removed " + removed + " from database " + removed.database() + "; " + message;
        }
        audit.current().matched(loaded.recordings()).outcome(Outcome.OK, message);
        output.println(message + ".");
    }

    /**
     * Shows what --replace would remove and asks for the database name (on a terminal) or
     * requires --yes (without one). Returns what is about to be removed.
     */
    private SampleDataLoader.Existing confirmReplace(boolean yes) {
        SampleDataLoader.Existing existing = loader.existing();
        if (existing.isEmpty()) {
            return existing;
        }
        output.println("--replace would remove " + existing + " from database " + existing.database() + ".");
        if (session.canPrompt()) {
            String answer = session.ask("Type the database name (" + existing.database() + ") to replace its"
                    + " platform tables: ").orElse("");
            if (!answer.strip().equals(existing.database())) {
                throw RecshellException.aborted("Aborted: the database name was not typed; nothing was removed");
            }
        } else if (!yes) {
            throw RecshellException.invalid("demo load --replace removes " + existing + " from database "
                    + existing.database() + "; without a terminal add --yes to confirm (demo load --replace --yes)");
        }
        return existing;
    }
}
