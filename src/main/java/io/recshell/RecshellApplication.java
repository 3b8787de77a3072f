package io.recshell;

import java.util.TimeZone;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.recshell.audit.Operator;
import io.recshell.shell.ExitCode;
import io.recshell.shell.LaunchOptions;
import io.recshell.shell.RecshellException;

/**
 * Entry point. Global options are read before Spring starts (so that a typo there fails
 * fast and no option is mistaken for a Spring property); the process exits with the code
 * of the command, script or session it ran.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RecshellApplication {

    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        LaunchOptions launch;
        try {
            launch = LaunchOptions.parse(args);
        } catch (RecshellException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(e.exitCode().code());
            return;
        }
        System.exit(run(launch));
    }

    static int run(LaunchOptions launch) {
        SpringApplication application = new SpringApplication(RecshellApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        if (LogFile.isSpecial(System.getenv())) {
            application.setAdditionalProfiles(LogFile.PLAIN_PROFILE);
        }
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("launchOptions", launch));
        try {
            ConfigurableApplicationContext context = application.run(launch.springArguments().toArray(String[]::new));
            return SpringApplication.exit(context);
        } catch (RecshellException e) {
            System.err.println("error: " + e.getMessage());
            return e.exitCode().code();
        } catch (RuntimeException e) {
            RecshellException known = findRecshellCause(e);
            System.err.println("error: " + (known != null ? known.getMessage()
                    : "recshell could not start: " + e.getMessage() + " (details in the log file)"));
            return known != null ? known.exitCode().code() : ExitCode.FAILURE.code();
        }
    }

    private static RecshellException findRecshellCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RecshellException r) {
                return r;
            }
        }
        return null;
    }

    @Bean
    public Operator operator() {
        return Operator.current(System.getenv());
    }
}
