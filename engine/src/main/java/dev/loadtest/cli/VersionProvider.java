package dev.loadtest.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version the build stamped into the jar. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"loadtest " + dev.loadtest.run.Version.current()};
  }
}
