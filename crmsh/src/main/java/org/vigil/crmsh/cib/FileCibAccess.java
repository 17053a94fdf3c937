package org.vigil.crmsh.cib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.vigil.cib.model.Cib;
import org.vigil.cib.store.AtomicFile;
import org.vigil.cib.xml.CibFormatException;
import org.vigil.cib.xml.CibXml;
import org.vigil.cib.xml.XmlParseException;
import org.vigil.crmsh.CrmException;

/** A CIB file, as Pacemaker's tools use one with {@code CIB_file}: read whole, written atomically. */
public final class FileCibAccess implements CibAccess {
  private final Path file;

  public FileCibAccess(Path file) {
    this.file = file;
  }

  @Override
  public Cib read() {
    try {
      return CibXml.read(file);
    } catch (NoSuchFileException e) {
      throw new CrmException("CIB file " + file + " does not exist");
    } catch (IOException e) {
      throw new CrmException("cannot read CIB file " + file + ": " + e.getMessage());
    } catch (XmlParseException | CibFormatException e) {
      throw new CrmException("CIB file is not a valid CIB: " + e.getMessage());
    }
  }

  @Override
  public void commit(Cib base, Cib next) {
    Cib current = Files.exists(file) ? read() : null;
    if (current != null && !current.version().equals(base.version())) {
      throw new CibConflictException("CIB file " + file + " changed since it was read (version " + base.version() + " is now "
          + current.version() + "); nothing written");
    }
    try {
      AtomicFile.write(file, CibXml.write(next));
    } catch (IOException e) {
      throw new CrmException("cannot write CIB file " + file + ": " + e.getMessage());
    }
  }

  @Override
  public String describe() {
    return "file " + file;
  }
}
