package dev.loadtest.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of loadtest, read from the properties file the build writes. */
public final class Version {

  private static final String CURRENT = read();

  private Version() {}

  public static String current() {
    return CURRENT;
  }

  private static String read() {
    try (InputStream in = Version.class.getResourceAsStream("/dev/loadtest/version.properties")) {
      if (in == null) {
        return "development";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "development");
    } catch (IOException e) {
      return "development";
    }
  }
}
