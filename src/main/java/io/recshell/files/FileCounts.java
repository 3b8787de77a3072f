package io.recshell.files;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.recshell.format.Values;

/**
 * What one pass over a job's files found, counted in files (recordings that share a
 * uniqueid share a file), with the first few problems word for word. See the columns of
 * {@code recshell.file_pass} for what each count means.
 */
final class FileCounts {

    /** How many refused or failed files a report names; the log file has them all. */
    static final int PROBLEMS_SHOWN = 20;

    long done;
    long doneBefore;
    long bytes;
    long absent;
    long remote;
    long inUse;
    long kept;
    /** Local files listed in a manifest without being looked at (no --files). */
    long listed;
    long refused;
    long failed;
    private long manifestFailures;
    private final List<String> problems = new ArrayList<>();

    void refuse(FileGroup group, String reason) {
        refused++;
        note("refused: " + group.recordings() + ", " + reason);
    }

    void fail(FileGroup group, String reason) {
        failed++;
        note("failed: " + group.recordings() + " (" + group.name() + "): " + reason);
    }

    /** The manifest could not be written: the job stays pending so that a later pass writes it. */
    void failManifest(java.nio.file.Path manifest, String reason) {
        failed++;
        manifestFailures++;
        note("failed: the manifest " + manifest + " could not be written: " + reason);
    }

    /** Every file the pass looked at, whatever became of it. */
    long files() {
        return done + doneBefore + absent + remote + inUse + kept + refused + failed - manifestFailures + listed;
    }

    private void note(String problem) {
        if (problems.size() < PROBLEMS_SHOWN) {
            problems.add(problem);
        }
    }

    List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Problems beyond those listed in {@link #problems()}. */
    long problemsNotShown() {
        return refused + failed - problems.size();
    }

    boolean hasProblems() {
        return refused + failed > 0;
    }

    static String bytes(long bytes) {
        return Values.humanBytes(bytes) + ", " + bytes + " bytes";
    }
}
