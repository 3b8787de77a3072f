package io.recshell.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.shell.core.command.CommandOption;

/**
 * Tab completion, word by word: the next word of a command name (so {@code rec} Tab gives
 * {@code recordings}, then {@code del} Tab gives {@code delete}), the options of the
 * command typed so far that are not used yet, usernames after {@code --as} and user ids
 * after {@code --user-id}, read from the platform's users table.
 */
final class ShellCompleter implements Completer {

    private final CommandCatalog catalog;
    private final UserCompletions users;

    ShellCompleter(CommandCatalog catalog, UserCompletions users) {
        this.catalog = catalog;
        this.users = users;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> before = line.words().subList(0, Math.min(line.wordIndex(), line.words().size()));
        String option = before.isEmpty() ? "" : before.get(before.size() - 1);
        String prefix = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        switch (option) {
            case "--as" -> users.usernamesStartingWith(prefix).forEach(user -> candidates.add(
                    new Candidate(user.username(), user.username(), null, user.usertype() + ", id " + user.id(),
                            null, null, true)));
            case "--user-id" -> users.idsStartingWith(prefix).forEach(user -> candidates.add(
                    new Candidate(Long.toString(user.id()), Long.toString(user.id()), null,
                            user.username() + " (" + user.usertype() + ")", null, null, true)));
            default -> catalog.longestMatch(before).ifPresentOrElse(
                    command -> options(command, before, candidates),
                    () -> nextWords(before, candidates));
        }
    }

    /** The next word of every command whose name begins with the words typed so far. */
    private void nextWords(List<String> typed, List<Candidate> candidates) {
        Map<String, Candidate> next = new LinkedHashMap<>();
        for (AnnotatedCommand command : catalog.all()) {
            List<String> name = List.of(command.getName().split(" "));
            if (name.size() <= typed.size() || !name.subList(0, typed.size()).equals(typed)) {
                continue;
            }
            String word = name.get(typed.size());
            boolean last = name.size() == typed.size() + 1;
            next.putIfAbsent(word, new Candidate(word, word, null, last ? command.getDescription() : null,
                    null, null, true));
        }
        candidates.addAll(next.values());
    }

    /** The command's options not given yet (and --help). */
    private static void options(AnnotatedCommand command, List<String> typed, List<Candidate> candidates) {
        List<String> used = new ArrayList<>(typed);
        for (CommandOption option : command.getOptions()) {
            String name = "--" + option.longName();
            if (!used.contains(name)) {
                candidates.add(new Candidate(name, name, null, option.description(), null, null, true));
            }
        }
        if (!used.contains("--help")) {
            candidates.add(new Candidate("--help", "--help", null, "show this command's options", null, null, true));
        }
    }
}
