package io.recshell.shell;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

/**
 * A command declared with Spring Shell's {@code @Command} and {@code @Option} annotations,
 * invoked by recshell itself: option values reach the method as the strings typed (each
 * command validates its own values, so that errors can name the option), flags as booleans,
 * and exceptions propagate unwrapped so that their exit code survives.
 */
public final class AnnotatedCommand extends AbstractCommand {

    private final Method method;
    private final Object target;
    private final List<String> argumentNames;
    private final boolean variadic;
    private final String auditedAction;
    private final List<String> alsoAudited;

    private AnnotatedCommand(Command annotation, Method method, Object target) {
        super(String.join(" ", annotation.name()), annotation.description(), annotation.group(),
                annotation.help(), annotation.hidden());
        this.method = method;
        this.target = target;
        this.argumentNames = new ArrayList<>();
        boolean manyArguments = false;
        List<CommandOption> options = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            Option option = parameter.getAnnotation(Option.class);
            Argument argument = parameter.getAnnotation(Argument.class);
            if (option != null) {
                options.add(CommandOption.with().longName(option.longName())
                        .description(option.description()).required(option.required())
                        .defaultValue(option.defaultValue()).type(parameter.getType()).build());
            } else if (argument != null) {
                argumentNames.add(argument.description().isEmpty() ? "ARG" : argument.description());
            } else if (parameter.getAnnotation(Arguments.class) != null) {
                manyArguments = true;
            }
        }
        this.variadic = manyArguments;
        Audited audited = method.getAnnotation(Audited.class);
        this.auditedAction = audited == null ? null : audited.value();
        this.alsoAudited = audited == null ? List.of() : List.of(audited.also());
        setOptions(options);
        setAliases(List.of(annotation.alias()));
    }

    public static AnnotatedCommand of(Method method, Object target) {
        return new AnnotatedCommand(method.getAnnotation(Command.class), method, target);
    }

    /** Whether this option takes no value (a boolean parameter). */
    public static boolean isFlag(CommandOption option) {
        return option.type() == boolean.class || option.type() == Boolean.class;
    }

    /** How many positional arguments the command takes at the most, -1 for any number. */
    public int maxArguments() {
        return variadic ? -1 : argumentNames.size();
    }

    /** The audit action of this command, or empty if running it writes no audit entry. */
    /** Every action this command writes audit entries under: its own and the {@code also} ones. */
    public List<String> auditedActions() {
        List<String> all = new ArrayList<>(alsoAudited);
        auditedAction().ifPresent(action -> all.add(0, action));
        return all;
    }

    public Optional<String> auditedAction() {
        return Optional.ofNullable(auditedAction);
    }

    public List<String> argumentNames() {
        return argumentNames;
    }

    @Override
    public ExitStatus doExecute(CommandContext context) throws Exception {
        Object[] values = new Object[method.getParameterCount()];
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            values[i] = valueFor(parameters[i], context);
        }
        try {
            method.invoke(target, values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
        return ExitStatus.OK;
    }

    private static Object valueFor(Parameter parameter, CommandContext context) {
        if (parameter.getType() == CommandContext.class) {
            return context;
        }
        Option option = parameter.getAnnotation(Option.class);
        if (option != null) {
            CommandOption given = context.getOptionByLongName(option.longName());
            if (parameter.getType() == boolean.class || parameter.getType() == Boolean.class) {
                return given != null;
            }
            if (given != null) {
                return given.value();
            }
            return option.defaultValue().isEmpty() ? null : option.defaultValue();
        }
        Argument argument = parameter.getAnnotation(Argument.class);
        if (argument != null) {
            CommandArgument given = context.getArgumentByIndex(argument.index());
            return given != null ? given.value() : null;
        }
        if (parameter.getAnnotation(Arguments.class) != null) {
            return context.parsedInput().arguments().stream().map(CommandArgument::value).toList();
        }
        throw new IllegalStateException("Parameter " + parameter.getName() + " of "
                + parameter.getDeclaringExecutable() + " has no recshell binding");
    }
}
