package io.leadflow.lead;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An imported file as it was sent: its bytes in memory (a small file) or a file on disk (a large
 * one, spooled from the request), read as many times as needed and always as a stream.
 */
public final class ImportFile {

  private final byte[] bytes;
  private final Path path;

  private ImportFile(byte[] bytes, Path path) {
    this.bytes = bytes;
    this.path = path;
  }

  public static ImportFile of(byte[] bytes) {
    return new ImportFile(bytes, null);
  }

  /** A file on disk; the caller deletes it when done. */
  public static ImportFile at(Path path) {
    return new ImportFile(null, path);
  }

  InputStream open() throws IOException {
    return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(path);
  }

  /** On disk, or null when in memory. */
  Path path() {
    return path;
  }

  /** Whether it starts as a zip file does, as an .xlsx workbook does. */
  boolean isWorkbook() throws IOException {
    byte[] start;
    try (InputStream in = open()) {
      start = in.readNBytes(4);
    }
    return start.length == 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4;
  }
}
