package dev.enclave.residency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.EnclaveException;
import dev.enclave.residency.Verification.Finding;
import dev.enclave.residency.Verification.Signature;
import dev.enclave.util.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Checks a run folder against its own audit log, trusting nothing else in it: recomputes the hash chain (and the
 * HMACs, given the steward's key), then the sha256 of every file the log lists as read or written inside the run
 * folder. The first failure names the broken entry (its {@code seq}, i.e. its line number minus one) or the changed
 * file. Files outside the run folder (sources, model weights) are rechecked when present, as warnings: they are not
 * part of the run's record.
 */
public final class AuditVerifier {
    /** Files in a run folder that the log does not list by design: itself and the steward reports made from it. */
    public static final Set<String> UNLISTED_BY_DESIGN = Set.of("audit.jsonl", AuditReport.HTML_FILE,
            AuditReport.MARKDOWN_FILE);

    private AuditVerifier() {}

    /** Verifies {@code runFolder}; {@code key} checks the entries' HMACs when given. */
    public static Verification verify(Path runFolder, Optional<AuditKey> key) {
        Path root = runFolder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw EnclaveException.badInput(runFolder + ": not a folder");
        }
        AuditTrail trail = AuditTrail.read(root.resolve("audit.jsonl"));
        List<Finding> failures = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        Signature signature = checkChain(trail, key, failures);
        List<Finding> fileFailures = new ArrayList<>();
        int runFiles = checkRunFiles(root, trail, fileFailures, warnings);
        fileFailures.sort(Comparator.comparing(f -> f.entry() == null ? Integer.MAX_VALUE : f.entry()));
        failures.addAll(fileFailures);
        int outsideFiles = checkOutsideFiles(root, trail, warnings);
        List<AuditTrail.Line> lines = trail.lines();
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).event().equals("run_end")) {
            warnings.add(new Finding(lines.size() - 1, null, "the log ends without a run_end entry: the run was"
                    + " killed or is still running, or the end of the log was cut off"));
        }
        String head = lines.isEmpty() ? AuditLog.GENESIS : lines.get(lines.size() - 1).sha256();
        return new Verification(lines.size(), signature, head, runFiles, outsideFiles, failures, warnings);
    }

    private static Signature checkChain(AuditTrail trail, Optional<AuditKey> givenKey, List<Finding> failures) {
        Optional<AuditKey> key = givenKey;
        List<AuditTrail.Line> lines = trail.lines();
        if (lines.isEmpty()) {
            failures.add(new Finding(null, null, "audit.jsonl is empty"));
            return Signature.UNSIGNED;
        }
        boolean signed = lines.stream().anyMatch(l -> l.text() != null && AuditLog.hmacOf(l.text()).isPresent());
        if (!signed) {
            if (key.isPresent()) {
                failures.add(new Finding(0, null, "audit.jsonl is not signed, but a key was given: the log was"
                        + " written without the steward's key, or rewritten"));
            }
        } else if (givenKey.isPresent() && lines.stream().noneMatch(l -> hmacMatches(l, givenKey.get()))) {
            String logKey = lines.get(0).detail("audit_key_id").asText("not recorded");
            failures.add(new Finding(null, null, "no entry's HMAC matches the key from " + givenKey.get().source()
                    + " (its id is " + givenKey.get().id() + ", the log's run_start names " + logKey
                    + "): wrong key"));
            key = Optional.empty();
        }
        for (int i = 0; i < lines.size(); i++) {
            Optional<Finding> problem = problemAt(lines, i, signed, key);
            if (problem.isPresent()) {
                failures.add(problem.get());
                break;
            }
        }
        if (!trail.endsWithLineBreak() && failures.isEmpty()) {
            int last = lines.size() - 1;
            failures.add(new Finding(last, null, "entry " + last + " is cut off: the log does not end with a line"
                    + " break"));
        }
        return !signed ? Signature.UNSIGNED : key.isPresent() ? Signature.SIGNED_CHECKED : Signature.SIGNED_NOT_CHECKED;
    }

    /** The first thing wrong at line {@code i}, judged with its neighbours so the message names what changed. */
    private static Optional<Finding> problemAt(List<AuditTrail.Line> lines, int i, boolean signed,
            Optional<AuditKey> key) {
        AuditTrail.Line line = lines.get(i);
        String at = "entry " + i + " (line " + (i + 1) + ")";
        if (line.entry() == null) {
            return failure(i, at + " is not a valid JSON entry: it was changed or cut off");
        }
        long seq = seq(line);
        if (seq != i) {
            return failure(i, misplaced(lines, i, seq));
        }
        if (signed) {
            if (AuditLog.hmacOf(line.text()).isEmpty()) {
                return failure(i, at + " has no HMAC although the log is signed: it was added or rewritten without"
                        + " the key");
            }
            if (key.isPresent() && !hmacMatches(line, key.get())) {
                return failure(i, at + " was changed after it was written: its HMAC does not match");
            }
        }
        if (linked(lines, i)) {
            return Optional.empty();
        }
        if (i == 0) {
            return failure(0, at + " does not start the chain (its prev is not " + AuditLog.GENESIS.substring(0, 8)
                    + "…): the beginning of the log was changed or removed");
        }
        String previous = "entry " + (i - 1) + " (line " + i + ")";
        if (i + 1 == lines.size()) {
            return failure(i - 1, previous + " was changed after it was written, or the prev of " + at + " was: the"
                    + " sha256 of " + previous + " is no longer what " + at + " recorded");
        }
        if (linked(lines, i + 1)) {
            return failure(i - 1, previous + " was changed after it was written: its sha256 no longer matches the"
                    + " prev recorded in " + at);
        }
        return failure(i, at + " was changed after it was written: its prev does not match " + previous + ", and the"
                + " prev of entry " + (i + 1) + " does not match it");
    }

    /** Explains a line whose {@code seq} is not its position: a deletion, a move, or an edited number. */
    private static String misplaced(List<AuditTrail.Line> lines, int i, long seq) {
        String at = "line " + (i + 1);
        for (int j = i + 1; j < lines.size(); j++) {
            if (seq(lines.get(j)) == i) {
                return j == i + 1 && seq == i + 1
                        ? "entries " + i + " and " + (i + 1) + " are in the wrong order: " + at + " holds entry "
                                + seq + " and line " + (i + 2) + " holds entry " + i
                        : "entry " + i + " is out of order: it is on line " + (j + 1) + ", and " + at + " holds"
                                + " entry " + seq;
            }
        }
        if (i + 1 < lines.size() && seq(lines.get(i + 1)) == seq) {
            return "entry " + i + " (" + at + ") was changed after it was written: its seq reads " + seq;
        }
        if (seq > i) {
            return (seq == i + 1 ? "entry " + i + " is missing" : "entries " + i + " to " + (seq - 1) + " are missing")
                    + ": " + at + " holds entry " + seq + " (deleted from the log)";
        }
        return at + " holds entry " + seq + " again where entry " + i + " belongs";
    }

    private static boolean linked(List<AuditTrail.Line> lines, int i) {
        JsonNode entry = lines.get(i).entry();
        String expected = i == 0 ? AuditLog.GENESIS : lines.get(i - 1).sha256();
        return entry != null && expected.equals(entry.path("prev").asText());
    }

    private static long seq(AuditTrail.Line line) {
        JsonNode seq = line.entry() == null ? null : line.entry().get("seq");
        return seq != null && seq.canConvertToLong() && seq.isIntegralNumber() ? seq.asLong() : -1;
    }

    private static boolean hmacMatches(AuditTrail.Line line, AuditKey key) {
        if (line.text() == null) {
            return false;
        }
        Optional<String> hmac = AuditLog.hmacOf(line.text());
        return hmac.isPresent()
                && AuditKey.constantTimeEquals(hmac.get(), key.sign(AuditLog.unsignedText(line.text())));
    }

    private static Optional<Finding> failure(int entry, String message) {
        return Optional.of(new Finding(entry, null, message));
    }

    /** What the log last says about a file: its hash after entry {@code entry}, or null when it was deleted. */
    private record Expected(int entry, String sha256) {}

    /** The last recorded state of every file the log names, keyed by the path as the log writes it. */
    private static Map<String, Expected> expectedFiles(AuditTrail trail) {
        Map<String, Expected> files = new TreeMap<>();
        for (AuditTrail.Line line : trail.lines()) {
            Optional<String> path = line.text("path");
            if (path.isEmpty()) {
                continue;
            }
            switch (line.event()) {
                case "delete" -> files.put(path.get(), new Expected(line.index(), null));
                case "read", "write" -> line.text("sha256")
                        .ifPresent(sha -> files.put(path.get(), new Expected(line.index(), sha)));
                default -> { }
            }
        }
        return files;
    }

    private static int checkRunFiles(Path root, AuditTrail trail, List<Finding> failures, List<Finding> warnings) {
        int checked = 0;
        Map<String, Expected> expected = expectedFiles(trail);
        for (Map.Entry<String, Expected> file : expected.entrySet()) {
            String name = file.getKey();
            if (Path.of(name).isAbsolute()) {
                continue;
            }
            Expected state = file.getValue();
            Path path = root.resolve(name).normalize();
            if (!path.startsWith(root) || name.contains("..")) {
                failures.add(new Finding(state.entry(), name, "entry " + state.entry() + " names " + name
                        + ", which is outside the run folder"));
            } else if (state.sha256() == null) {
                if (Files.exists(path)) {
                    failures.add(new Finding(state.entry(), name, name + " was deleted at entry " + state.entry()
                            + " but is present again"));
                }
            } else if (!Files.isRegularFile(path)) {
                failures.add(new Finding(state.entry(), name, name + " (recorded by entry " + state.entry()
                        + ") is missing"));
            } else {
                checked++;
                String actual = Hashing.sha256Hex(path);
                if (!actual.equals(state.sha256())) {
                    failures.add(new Finding(state.entry(), name, name + " was changed after entry " + state.entry()
                            + " recorded it: sha256 " + state.sha256().substring(0, 12) + "… then, "
                            + actual.substring(0, 12) + "… now"));
                }
            }
        }
        for (String name : filesIn(root)) {
            if (!expected.containsKey(name) && !UNLISTED_BY_DESIGN.contains(name)) {
                warnings.add(new Finding(null, name, name + " is in the run folder but no audit entry lists it"));
            }
        }
        return checked;
    }

    private static int checkOutsideFiles(Path root, AuditTrail trail, List<Finding> warnings) {
        int checked = 0;
        Map<String, Expected> outside = new TreeMap<>();
        expectedFiles(trail).forEach((name, state) -> {
            if (Path.of(name).isAbsolute() && state.sha256() != null) {
                outside.put(name, state);
            }
        });
        Optional<Path> workingDir = workingDir(root);
        for (AuditTrail.Line start : trail.events(AuditEvent.Type.RUN_START)) {
            String spec = start.detail("spec_source").textValue();
            String sha256 = start.detail("spec_source_sha256").textValue();
            if (spec != null && sha256 != null && workingDir.isPresent()) {
                outside.put(workingDir.get().resolve(spec).normalize().toString(), new Expected(start.index(), sha256));
            }
        }
        for (AuditTrail.Line load : trail.events(AuditEvent.Type.MODEL_LOAD)) {
            Optional<String> model = Optional.ofNullable(load.detail("path").textValue());
            if (workingDir.isEmpty() || model.isEmpty()) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = load.detail("weights_sha256").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> weight = it.next();
                Path file = workingDir.get().resolve(model.get()).resolve(weight.getKey()).normalize();
                outside.put(file.toString(), new Expected(load.index(), weight.getValue().asText()));
            }
        }
        for (Map.Entry<String, Expected> file : outside.entrySet()) {
            Path path = Path.of(file.getKey());
            if (!Files.isRegularFile(path)) {
                continue;
            }
            checked++;
            Expected state = file.getValue();
            if (!Hashing.sha256Hex(path).equals(state.sha256())) {
                warnings.add(new Finding(state.entry(), file.getKey(), file.getKey() + " outside the run folder has"
                        + " changed since entry " + state.entry() + " recorded it"));
            }
        }
        return checked;
    }

    private static Optional<Path> workingDir(Path root) {
        Path info = root.resolve("run.json");
        try {
            JsonNode dir = AuditLog.parse(Files.readString(info)).get("working_dir");
            return dir == null || !dir.isTextual() ? Optional.empty() : Optional.of(Path.of(dir.asText()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<String> filesIn(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
