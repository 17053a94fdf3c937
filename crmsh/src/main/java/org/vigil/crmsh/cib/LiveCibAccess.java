package org.vigil.crmsh.cib;

import java.nio.file.Path;
import java.util.Optional;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibFormatException;
import org.vigil.cib.xml.CibXml;
import org.vigil.cib.xml.XmlParseException;
import org.vigil.crmsh.CrmException;
import org.vigil.protocol.ProtocolException;
import org.vigil.protocol.Scope;
import org.vigil.protocol.VigilClient;

/**
 * The CIB of a running cluster, through the local socket of one node's vigild. A commit is a
 * replace guarded by the version read: the DC refuses it if anybody wrote in between, and sets the
 * new version itself.
 */
public final class LiveCibAccess implements CibAccess {
  private final Path socket;

  public LiveCibAccess(Path socket) {
    this.socket = socket;
  }

  @Override
  public Cib read() {
    try (VigilClient client = VigilClient.connect(socket)) {
      String xml = client.query(Scope.CIB).xml();
      return CibXml.parse(xml, "CIB from " + socket);
    } catch (ProtocolException e) {
      throw new CrmException(e.getMessage());
    } catch (VigilClient.RefusedException e) {
      throw new CrmException("vigild refused the query: " + e.getMessage());
    } catch (XmlParseException | CibFormatException e) {
      throw new CrmException("vigild at " + socket + " sent a CIB that cannot be read: " + e.getMessage());
    }
  }

  @Override
  public void commit(Cib base, Cib next) {
    try (VigilClient client = VigilClient.connect(socket)) {
      client.replace(Scope.CIB, CibXml.write(next), Optional.of(base.version()));
    } catch (ProtocolException e) {
      throw new CrmException(e.getMessage());
    } catch (VigilClient.RefusedException e) {
      throw new CrmException(e.getMessage());
    }
  }

  @Override
  public String describe() {
    return "vigild via " + socket;
  }

  public Path socket() {
    return socket;
  }
}
