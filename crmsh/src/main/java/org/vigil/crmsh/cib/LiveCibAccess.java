package org.vigil.crmsh.cib;

import java.nio.file.Path;
import java.util.Optional;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibFormatException;
import org.vigil.cib.xml.CibXml;
import org.vigil.cib.xml.XmlCodec;
import org.vigil.cib.xml.XmlElement;
import org.vigil.cib.xml.XmlParseException;
import org.vigil.crmsh.CrmException;
import org.vigil.crmsh.VersionProvider;
import org.vigil.pe.render.ClusterSummary;
import org.vigil.protocol.ClusterStatus;
import org.vigil.protocol.ErrorCode;
import org.vigil.protocol.ProtocolException;
import org.vigil.protocol.Scope;
import org.vigil.protocol.VigilClient;

/**
 * The CIB of a running cluster, through the local socket of one node's vigild. A commit sends what
 * changed: the configuration guarded by the epoch read (the DC refuses it if anybody changed the
 * configuration in between, and sets the new version itself), changed node states as an update.
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

  /**
   * Sends only what changed, so that nothing the cluster wrote meanwhile is overwritten: a changed
   * configuration alone as a replace guarded by the epoch read (status written in between, such as
   * operation results, is kept); a change of the status section as a replace of the whole CIB
   * guarded by the exact version read, refused when anything was written in between (the caller
   * reads again and redoes its change, see {@link CibEditor}).
   *
   * @throws CibConflictException when the DC refused the write because the CIB changed since {@code base}
   */
  @Override
  public void commit(Cib base, Cib next) {
    try (VigilClient client = VigilClient.connect(socket)) {
      if (!next.status().equals(base.status())) {
        client.replace(Scope.CIB, CibXml.write(next), Optional.of(base.version()));
      } else if (!next.configuration().equals(base.configuration())) {
        XmlElement config = CibXml.toElement(next).child("configuration").orElseThrow();
        client.replace(Scope.CONFIGURATION, XmlCodec.write(config), Optional.of(base.version()));
      }
    } catch (ProtocolException e) {
      throw new CrmException(e.getMessage());
    } catch (VigilClient.RefusedException e) {
      if (e.failure().code() == ErrorCode.VERSION_CONFLICT) {
        throw new CibConflictException(e.getMessage());
      }
      throw new CrmException(e.getMessage());
    }
  }

  /**
   * crm_mon's summary facts from the node itself: its partition's DC and quorum now (not as last
   * written in the CIB), the stack, and who changed the CIB last.
   */
  public ClusterSummary summary(Cib cib) {
    ClusterStatus st;
    try (VigilClient client = VigilClient.connect(socket)) {
      st = client.status();
    } catch (ProtocolException e) {
      throw new CrmException(e.getMessage());
    } catch (VigilClient.RefusedException e) {
      throw new CrmException("vigild refused the status request: " + e.getMessage());
    }
    return new ClusterSummary("vigil (JGroups)", st.dc().orElse(null), "Vigil " + VersionProvider.VERSION,
        st.quorate(), cib.attr("cib-last-written"), cib.attr("update-user"), cib.attr("update-client"),
        cib.attr("update-origin"));
  }

  @Override
  public String describe() {
    return "vigild via " + socket;
  }

  public Path socket() {
    return socket;
  }
}
