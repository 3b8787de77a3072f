package io.recshell.shell;

import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * Every command recshell knows, collected from the {@code @Command} methods of its beans
 * into Spring Shell's {@link CommandRegistry} (which also feeds tab completion).
 */
@Component
public class CommandCatalog {

    /** The audit action of a line of an audited group that names no command. */
    public static final String UNKNOWN_ACTION = "unknown";

    private final ApplicationContext context;
    private CommandRegistry registry;

    public CommandCatalog(ApplicationContext context) {
        this.context = context;
    }

    /** Built on first use, so that command beans may themselves depend on the catalog. */
    public synchronized CommandRegistry registry() {
        if (registry == null) {
            registry = new CommandRegistry();
            collectCommands();
        }
        return registry;
    }

    private void collectCommands() {
        for (String beanName : context.getBeanNamesForAnnotation(Component.class)) {
            Class<?> type = context.getType(beanName);
            if (type == null || type == CommandCatalog.class) {
                continue;
            }
            Class<?> userType = AopUtils.isAopProxy(type) ? AopUtils.getTargetClass(type) : type;
            ReflectionUtils.doWithMethods(userType, method -> register(beanName, method),
                    method -> method.isAnnotationPresent(Command.class));
        }
    }

    private void register(String beanName, Method method) {
        registry.registerCommand(AnnotatedCommand.of(method, context.getBean(beanName)));
    }

    public Optional<AnnotatedCommand> byName(String name) {
        return Optional.ofNullable((AnnotatedCommand) registry().getCommandByName(name));
    }

    /** All commands, sorted by name, hidden ones left out. */
    public List<AnnotatedCommand> all() {
        return registry().getCommands().stream()
                .filter(command -> !command.isHidden())
                .map(AnnotatedCommand.class::cast)
                .sorted(Comparator.comparing(AnnotatedCommand::getName))
                .toList();
    }

    /**
     * Every action an audit entry can carry: those of the audited commands, and
     * {@value #UNKNOWN_ACTION} for a misspelt command of an audited group. Sorted.
     */
    public List<String> auditActions() {
        java.util.TreeSet<String> actions = new java.util.TreeSet<>();
        registry().getCommands().forEach(command -> actions.addAll(((AnnotatedCommand) command).auditedActions()));
        actions.add(UNKNOWN_ACTION);
        return List.copyOf(actions);
    }

    /** The command named by the longest run of leading words, if any. */
    public Optional<AnnotatedCommand> longestMatch(List<String> words) {
        for (int n = Math.min(words.size(), 3); n > 0; n--) {
            Optional<AnnotatedCommand> command = byName(String.join(" ", words.subList(0, n)));
            if (command.isPresent()) {
                return command;
            }
        }
        return Optional.empty();
    }
}
