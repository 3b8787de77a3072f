package io.recshell.audit;

import javax.sql.DataSource;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.recshell.db.DatabaseGate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log as commands see it: the shell opens an entry when an audited command
 * starts, the command fills it in, and the entry is written when the command ends, in its
 * own transaction, or, for a delete, inside the transaction that deletes. Secrets in the
 * command, the message and the filters are masked ({@link SecretMasking}) before anything
 * is stored or logged.
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditRepository repository;
    private final TransactionTemplate transactions;
    private final Operator operator;
    private final DatabaseGate gate;
    private final JsonMapper json = JsonMapper.builder().build();
    private PendingEntry current;

    public AuditTrail(AuditRepository repository, TransactionTemplate transactions, Operator operator,
            DatabaseGate gate) {
        this.repository = repository;
        this.gate = gate;
        this.transactions = transactions;
        this.operator = operator;
    }

    /** Opens the entry of a command that is starting; secrets in the command are masked. */
    public PendingEntry begin(String action, String command) {
        current = new PendingEntry(action, SecretMasking.maskText(command));
        return current;
    }

    /** The entry of the command now running; commands add their filters and counts to it. */
    public PendingEntry current() {
        if (current == null) {
            throw new IllegalStateException("No audited command is running");
        }
        return current;
    }

    public Operator operator() {
        return operator;
    }

    /**
     * Writes the entry inside the caller's transaction (used by deletes), as its last step:
     * the chain lock taken here is held until that transaction commits.
     */
    public AuditEntry appendInCurrentTransaction(PendingEntry entry) {
        return write(repository, operator, filtersJson(entry), entry);
    }

    /**
     * Writes the entry inside the current transaction of one pinned session: a delete or
     * restore run writes each batch's entry in the transaction that deletes its rows.
     */
    public AuditEntry appendOn(DataSource session, PendingEntry entry) {
        return write(new AuditRepository(JdbcClient.create(session)), operator, filtersJson(entry), entry);
    }

    /**
     * Writes the entry inside the caller's transaction in another operator's name, with
     * the filters already as JSON: used to close a run whose process died, in its name.
     */
    public AuditEntry appendOnBehalf(Operator runOperator, String filtersJson, PendingEntry entry) {
        return write(repository, runOperator, SecretMasking.maskText(filtersJson), entry);
    }

    private static AuditEntry write(AuditRepository target, Operator by, String filtersJson, PendingEntry entry) {
        AuditEntry written = target.append(entry, by, filtersJson);
        entry.markWritten();
        log.info("audit entry {}: {} {} ({})", written.id(), written.action(), written.outcome(),
                written.message());
        return written;
    }

    /** Writes the entry in a transaction of its own, unless it was already written. */
    public void finish(PendingEntry entry) {
        if (entry == null || entry.isWritten()) {
            return;
        }
        if (entry == current) {
            current = null;
        }
        gate.ready();
        long started = System.nanoTime();
        AuditEntry written = transactions.execute(status -> {
            AuditEntry appended = repository.append(entry, operator, filtersJson(entry));
            entry.markWritten();
            return appended;
        });
        long micros = (System.nanoTime() - started) / 1_000;
        log.info("audit entry {}: {} {} ({}); appended and committed in {} us", written.id(), written.action(),
                written.outcome(), written.message(), micros);
    }

    /** The entry's filters as stored: JSON with sorted keys, secrets masked. */
    public String filtersJson(PendingEntry entry) {
        return SecretMasking.maskText(json.writeValueAsString(entry.filters()));
    }
}
