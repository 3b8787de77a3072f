package io.recshell.shell;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.stereotype.Component;

import io.recshell.audit.SecretMasking;

/**
 * The one parser every runner of recshell uses. Unlike Spring Shell 4.0.1's default it is
 * strict, because a loose command line deletes the wrong rows: an unknown or misspelt
 * option, a repeated option, a flag given a value, an option without its value, or a stray
 * word are all errors (exit 2) before anything runs. {@code --help} or {@code -h} anywhere
 * after the command name asks for that command's help instead of running it.
 */
@Component
public class StrictCommandParser implements CommandParser {

    private final CommandCatalog catalog;

    public StrictCommandParser(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ParsedInput parse(String input) {
        return parseWords(Tokenizer.split(input)).input();
    }

    /** Parses already split words (from a process's arguments or {@link Tokenizer}). */
    public ParsedCommand parseWords(List<String> words) {
        if (words.isEmpty()) {
            throw RecshellException.invalid("No command given. Type 'help' to list commands.");
        }
        AnnotatedCommand command = catalog.longestMatch(words).orElseThrow(() -> unknown(words));
        int nameLength = command.getName().split(" ").length;
        String[] nameWords = command.getName().split(" ");
        if (!String.join(" ", words.subList(0, nameLength)).equals(command.getName())) {
            nameLength = 1; // matched by alias, which is always one word
            nameWords = new String[] {words.get(0)};
        }
        ParsedInput.Builder builder = ParsedInput.builder().commandName(nameWords[0]);
        for (int i = 1; i < nameWords.length; i++) {
            builder.addSubCommand(nameWords[i]);
        }
        boolean help = readOptionsAndArguments(command, words.subList(nameLength, words.size()), builder);
        return new ParsedCommand(command, builder.build(), List.copyOf(words), help);
    }

    private boolean readOptionsAndArguments(AnnotatedCommand command, List<String> rest,
            ParsedInput.Builder builder) {
        Set<String> seen = new HashSet<>();
        boolean help = false;
        int argumentIndex = 0;
        for (int i = 0; i < rest.size(); i++) {
            String word = rest.get(i);
            if (word.equals("--help") || word.equals("-h")) {
                help = true;
                continue;
            }
            if (!isOptionName(word)) {
                checkArgumentAllowed(command, word, argumentIndex);
                builder.addArgument(new CommandArgument(argumentIndex++, word));
                continue;
            }
            String name = word.substring(2);
            String inlineValue = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                inlineValue = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            CommandOption declared = option(command, name)
                    .orElseThrow(() -> unknownOption(command, word));
            if (!seen.add(name)) {
                throw RecshellException.invalid("Option --" + name + " is given more than once");
            }
            String value;
            if (AnnotatedCommand.isFlag(declared)) {
                if (inlineValue != null) {
                    throw RecshellException.invalid("Option --" + name + " is a flag and takes no value"
                            + " (remove '=" + inlineValue + "')");
                }
                value = "true";
            } else if (inlineValue != null) {
                value = inlineValue;
            } else if (i + 1 < rest.size() && !isOptionName(rest.get(i + 1))) {
                value = rest.get(++i);
            } else {
                throw RecshellException.invalid("Option --" + name + " needs a value");
            }
            builder.addOption(CommandOption.with().longName(name).value(value)
                    .type(declared.type()).build());
        }
        return help;
    }

    /** A word is an option name when it starts with "--" and is not a negative number. */
    private static boolean isOptionName(String word) {
        return word.startsWith("--") && word.length() > 2;
    }

    private static Optional<CommandOption> option(AnnotatedCommand command, String name) {
        return command.getOptions().stream().filter(o -> name.equals(o.longName())).findFirst();
    }

    private static void checkArgumentAllowed(AnnotatedCommand command, String word, int index) {
        int max = command.maxArguments();
        if (max >= 0 && index >= max) {
            String hint = word.startsWith("-") ? " (options start with two dashes)" : "";
            throw RecshellException.invalid("Unexpected argument '" + SecretMasking.maskText(word) + "' for '"
                    + command.getName() + "'" + hint + ". See '" + command.getName() + " --help'.");
        }
    }

    /** The word is masked: a secret typed as an option (--spring.datasource.password=x) is not echoed. */
    private static RecshellException unknownOption(AnnotatedCommand command, String word) {
        List<String> known = command.getOptions().stream().map(o -> "--" + o.longName()).toList();
        String list = known.isEmpty() ? "it takes no options" : "known options: " + String.join(", ", known);
        return RecshellException.invalid("Unknown option '" + SecretMasking.maskText(word) + "' for '"
                + command.getName()
                + "'; " + list + ". Nothing was run.");
    }

    private RecshellException unknown(List<String> words) {
        String first = words.get(0);
        List<String> group = catalog.all().stream().map(AnnotatedCommand::getName)
                .filter(name -> name.startsWith(first + " ")).toList();
        if (!group.isEmpty()) {
            String typed = words.size() > 1 ? first + " " + words.get(1) : first;
            return RecshellException.invalid("Unknown command '" + typed + "'. Commands of '" + first
                    + "': " + String.join(", ", group) + ".");
        }
        return RecshellException.invalid("Unknown command '" + first + "'. Type 'help' to list commands.");
    }
}
