package org.vigil.crmsh.simulate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibFormatException;
import org.vigil.cib.xml.CibXml;
import org.vigil.cib.xml.XmlParseException;
import org.vigil.crmsh.CrmException;
import org.vigil.pe.AllocationScores;
import org.vigil.pe.simulate.CrmSimulate;
import org.vigil.pe.simulate.SimulationOutput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crm simulate}: what Pacemaker's {@code crm_simulate} prints for a CIB file. The "now"
 * is the CIB's {@code execution-date} when it has one, else the clock.
 */
@Command(
    name = "simulate",
    description = "Show, schedule and simulate a CIB file as crm_simulate does (-x FILE [-R|-S] [-s]), "
        + "or every NAME.xml of a directory into NAME.summary files (--xml-dir DIR --summary-dir OUT)")
public final class SimulateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  @Option(names = {"-x", "--xml-file"}, paramLabel = "FILE", description = "the CIB to simulate")
  Path xmlFile;

  @Option(names = {"-S", "--simulate"}, description = "schedule, execute the transition in simulation, "
      + "show the revised status")
  boolean simulate;

  @Option(names = {"-R", "--run"}, description = "schedule and print the Transition Summary")
  boolean run;

  @Option(names = {"-s", "--show-scores"}, description = "show the allocation and promotion scores the "
      + "scheduler chose from, after the current status (implies -R without -S)")
  boolean showScores;

  @Option(names = {"-Q", "--quiet"}, description = "print nothing but the scores of -s; the exit code tells the outcome")
  boolean quiet;

  @Option(names = {"-V", "--verbose"}, description = "also print the scheduler's warnings and errors on stderr")
  boolean verbose;

  @Option(names = {"-L", "--live-check"}, description = "(not supported: simulate a CIB file)")
  boolean live;

  @Option(names = "--xml-dir", paramLabel = "DIR", description = "batch: simulate every DIR/NAME.xml")
  Path xmlDir;

  @Option(names = "--summary-dir", paramLabel = "OUT", description = "batch: write OUT/NAME.summary")
  Path summaryDir;

  @Option(names = "--jobs", paramLabel = "N", defaultValue = "2", description = "batch: cases run at once (default 2)")
  int jobs;

  @Option(names = "--case-timeout", paramLabel = "SECONDS", defaultValue = "20",
      description = "batch: a case still running after this is abandoned (default 20)")
  int caseTimeoutSeconds;

  /**
   * The command {@code args} is when it is {@code simulate -x FILE} with no other option than
   * the flags -S, -R, -s, -Q and -V (short or long), each once and apart, as the conformance
   * runner and the benchmarks call it; empty for any other form, which picocli reads. A one-shot
   * {@code crm simulate} is then spared picocli's start-up, a quarter of a second: its classes
   * are too old for class data sharing and it builds every command's model, interpreted.
   */
  public static Optional<SimulateCommand> plain(String[] args) {
    if (args.length < 3 || !args[0].equals("simulate")) {
      return Optional.empty();
    }
    SimulateCommand command = new SimulateCommand();
    Set<PlainOption> given = EnumSet.noneOf(PlainOption.class);
    for (int i = 1; i < args.length; i++) {
      PlainOption option = PlainOption.named(args[i]);
      if (option == null || !given.add(option)) {
        return Optional.empty();
      }
      switch (option) {
        case XML_FILE -> {
          // a value that looks like an option or an @file is for picocli to judge
          if (i + 1 == args.length || args[i + 1].isEmpty() || args[i + 1].startsWith("-")
              || args[i + 1].startsWith("@")) {
            return Optional.empty();
          }
          try {
            command.xmlFile = Path.of(args[++i]);
          } catch (InvalidPathException e) {
            return Optional.empty();
          }
        }
        case SIMULATE -> command.simulate = true;
        case RUN -> command.run = true;
        case SHOW_SCORES -> command.showScores = true;
        case QUIET -> command.quiet = true;
        case VERBOSE -> command.verbose = true;
      }
    }
    return given.contains(PlainOption.XML_FILE) ? Optional.of(command) : Optional.empty();
  }

  /** The options {@link #plain} reads, as the annotations above name them. */
  private enum PlainOption {
    XML_FILE("-x", "--xml-file"),
    SIMULATE("-S", "--simulate"),
    RUN("-R", "--run"),
    SHOW_SCORES("-s", "--show-scores"),
    QUIET("-Q", "--quiet"),
    VERBOSE("-V", "--verbose");

    private final String shortName;
    private final String longName;

    PlainOption(String shortName, String longName) {
      this.shortName = shortName;
      this.longName = longName;
    }

    static PlainOption named(String arg) {
      for (PlainOption option : values()) {
        if (option.shortName.equals(arg) || option.longName.equals(arg)) {
          return option;
        }
      }
      return null;
    }
  }

  @Override
  public Integer call() {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Runs the command, printing on {@code out} and {@code err}; the result is the exit code. */
  public int run(PrintWriter out, PrintWriter err) {
    if (live) {
      throw new CrmException("crm simulate works on a CIB file: use -x FILE", 2);
    }
    if (xmlDir != null || summaryDir != null) {
      if (xmlDir == null || summaryDir == null || xmlFile != null) {
        throw new CrmException("the batch form needs both --xml-dir DIR and --summary-dir OUT, and no -x", 2);
      }
      BatchSimulation batch = new BatchSimulation(Schedulers.load(), Math.max(1, jobs), caseTimeoutSeconds);
      BatchSimulation.Totals totals = batch.run(xmlDir, summaryDir);
      err.println("simulated " + totals.cases() + " cases: " + totals.failed()
          + " failed, " + totals.timedOut() + " timed out");
      return 0;
    }
    if (xmlFile == null) {
      throw new CrmException("no CIB given: use -x FILE (a live cluster cannot be simulated)", 2);
    }
    Cib cib = read(xmlFile);
    CrmSimulate.Mode mode = simulate ? CrmSimulate.Mode.SIMULATE
        : run || showScores ? CrmSimulate.Mode.RUN : CrmSimulate.Mode.SHOW;
    AllocationScores scores = showScores ? new AllocationScores() : null;
    SimulationOutput output = CrmSimulate.run(cib, cib.executionDate().orElseGet(Instant::now),
        mode == CrmSimulate.Mode.SHOW ? null : Schedulers.load(), mode, verbose, Aside.BACKGROUND, scores);
    if (!quiet) {
      out.print(output.stdout());
    } else if (scores != null && !scores.lines().isEmpty()) {
      // as crm_simulate -Q -s: the scores alone, then a blank line
      scores.lines().forEach(out::println);
      out.println();
    }
    out.flush();
    err.print(output.stderr());
    err.flush();
    return output.exitCode();
  }

  static Cib read(Path file) {
    try {
      return CibXml.read(file);
    } catch (NoSuchFileException e) {
      throw new CrmException("CIB file " + file + " does not exist");
    } catch (IOException e) {
      throw new CrmException("cannot read CIB file " + file + ": " + e.getMessage());
    } catch (XmlParseException | CibFormatException e) {
      throw new CrmException("not a valid CIB: " + e.getMessage());
    }
  }
}
