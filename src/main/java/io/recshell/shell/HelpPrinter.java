package io.recshell.shell;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.shell.core.command.CommandOption;
import org.springframework.stereotype.Component;

/**
 * Help texts: the list of commands by group, and a command's synopsis, options and
 * longer description. Spring Shell's own help is replaced because it shows Java types
 * instead of value names and does not know which options are flags.
 */
@Component
public class HelpPrinter {

    private final CommandCatalog catalog;
    private final ShellOutput output;

    public HelpPrinter(CommandCatalog catalog, ShellOutput output) {
        this.catalog = catalog;
        this.output = output;
    }

    /** The groups in the order a DBA needs them; any other group follows these. */
    private static final List<String> GROUP_ORDER = List.of("Recordings", "Audit log", "MOR API", "Shell", "Demo");

    public void printOverview() {
        PrintWriter out = output.out();
        out.println("recshell - find and delete MOR call recordings, with dry runs and an audit log");
        out.println();
        Map<String, List<AnnotatedCommand>> groups = new LinkedHashMap<>();
        GROUP_ORDER.forEach(group -> groups.put(group, new java.util.ArrayList<>()));
        for (AnnotatedCommand command : catalog.all()) {
            groups.computeIfAbsent(command.getGroup(), g -> new java.util.ArrayList<>()).add(command);
        }
        int width = catalog.all().stream().mapToInt(c -> c.getName().length()).max().orElse(10) + 2;
        groups.values().removeIf(List::isEmpty);
        groups.forEach((group, commands) -> {
            commands.sort(java.util.Comparator.comparing(AnnotatedCommand::getName));
            out.println(group + ":");
            for (AnnotatedCommand command : commands) {
                out.printf("  %-" + width + "s%s%n", command.getName(), command.getDescription());
            }
            out.println();
        });
        out.println("Type 'COMMAND --help' (or 'help COMMAND') for a command's options.");
        out.flush();
    }

    public void printCommand(AnnotatedCommand command) {
        PrintWriter out = output.out();
        out.println(command.getName() + " - " + command.getDescription());
        out.println();
        out.println("Usage: " + synopsis(command));
        if (!command.getOptions().isEmpty()) {
            out.println();
            out.println("Options:");
            for (CommandOption option : command.getOptions()) {
                String name = "--" + option.longName() + (AnnotatedCommand.isFlag(option) ? "" : " " + valueName(option));
                String defaults = option.defaultValue() == null || option.defaultValue().isEmpty()
                        ? "" : " (default " + option.defaultValue() + ")";
                out.printf("  %-26s %s%s%n", name, option.description(), defaults);
            }
        }
        if (command.getHelp() != null && !command.getHelp().isBlank()) {
            out.println();
            out.println(command.getHelp().strip());
        }
        out.flush();
    }

    static String synopsis(AnnotatedCommand command) {
        StringBuilder b = new StringBuilder(command.getName());
        for (String argument : command.argumentNames()) {
            b.append(' ').append(argument);
        }
        if (command.maxArguments() < 0) {
            b.append(" ARGS...");
        }
        for (CommandOption option : command.getOptions()) {
            b.append(" [--").append(option.longName());
            if (!AnnotatedCommand.isFlag(option)) {
                b.append(' ').append(valueName(option));
            }
            b.append(']');
        }
        return b.toString();
    }

    private static String valueName(CommandOption option) {
        String name = option.longName();
        if (name.endsWith("-id")) {
            return "ID";
        }
        if (name.startsWith("date-") || name.equals("since")) {
            return "UNIX";
        }
        if (name.equals("as")) {
            return "USERNAME";
        }
        if (name.endsWith("-file")) {
            return "FILE";
        }
        if (name.equals("expect") || name.equals("limit") || name.equals("recordings") || name.equals("seed")) {
            return "N";
        }
        return switch (name) {
            case "files" -> "DIR";
            case "manifest" -> "FILE";
            case "older-than" -> "DAYS";
            default -> name.toUpperCase().replace('-', '_');
        };
    }
}
