package io.recshell.shell;

import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command and option names come from Spring Shell's completer over the
 * catalog; the value after {@code --as} completes to usernames and the value after
 * {@code --user-id} to user ids, both read from the platform's users table.
 */
final class ShellCompleter implements Completer {

    private final Completer names;
    private final UserCompletions users;

    ShellCompleter(Completer names, UserCompletions users) {
        this.names = names;
        this.users = users;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String option = line.wordIndex() > 0 ? line.words().get(line.wordIndex() - 1) : "";
        String prefix = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        switch (option) {
            case "--as" -> users.usernamesStartingWith(prefix).forEach(user -> candidates.add(
                    new Candidate(user.username(), user.username(), null, user.usertype() + ", id " + user.id(),
                            null, null, true)));
            case "--user-id" -> users.idsStartingWith(prefix).forEach(user -> candidates.add(
                    new Candidate(Long.toString(user.id()), Long.toString(user.id()), null,
                            user.username() + " (" + user.usertype() + ")", null, null, true)));
            default -> names.complete(reader, line, candidates);
        }
    }
}
