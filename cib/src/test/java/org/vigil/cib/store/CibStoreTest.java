package org.vigil.cib.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cib.store.CibStore.CrashPoint;

class CibStoreTest {
  @TempDir Path dir;

  @Test
  void savedContentLoadsBack() throws Exception {
    CibStore store = new CibStore(dir.resolve("cib.xml"), 5);
    store.save("<cib epoch=\"1\"/>");
    assertThat(store.load()).isEqualTo("<cib epoch=\"1\"/>");
  }

  @Test
  void aCrashBetweenWriteAndRenameLeavesTheOldCib() throws Exception {
    Path file = dir.resolve("cib.xml");
    new CibStore(file, 5).save("<cib epoch=\"1\"/>");
    CibStore crashing = CibStore.crashingAt(file, 5, CrashPoint.AFTER_TEMP_WRITTEN);
    assertThatThrownBy(() -> crashing.save("<cib epoch=\"2\"/>")).isInstanceOf(CibStore.SimulatedCrash.class);
    assertThat(new CibStore(file, 5).load()).isEqualTo("<cib epoch=\"1\"/>");
  }

  @Test
  void aCrashBetweenTheTwoRenamesIsCompletedOnLoad() throws Exception {
    Path file = dir.resolve("cib.xml");
    new CibStore(file, 5).save("<cib epoch=\"1\"/>");
    CibStore crashing = CibStore.crashingAt(file, 5, CrashPoint.AFTER_FILE_RENAMED);
    assertThatThrownBy(() -> crashing.save("<cib epoch=\"2\"/>")).isInstanceOf(CibStore.SimulatedCrash.class);
    assertThat(new CibStore(file, 5).load()).isEqualTo("<cib epoch=\"2\"/>");
  }

  @Test
  void aTruncatedFileIsRefusedNamingTheFileAndTheBackupToUse() throws Exception {
    Path file = dir.resolve("cib.xml");
    CibStore store = new CibStore(file, 5);
    store.save("<cib epoch=\"1\"><configuration/></cib>");
    store.save("<cib epoch=\"2\"><configuration/></cib>");
    byte[] full = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(full, full.length / 2));
    assertThatThrownBy(store::load)
        .isInstanceOf(CibStoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("cib-1.raw");
  }

  @Test
  void aFileChangedByHandIsRefused() throws Exception {
    Path file = dir.resolve("cib.xml");
    CibStore store = new CibStore(file, 5);
    store.save("<cib epoch=\"1\"/>");
    Files.writeString(file, "<cib epoch=\"9\"/>");
    assertThatThrownBy(store::load).isInstanceOf(CibStoreException.class).hasMessageContaining("does not match")
        .hasMessageContaining("no intact backup");
  }

  @Test
  void keepsAtMostTheConfiguredNumberOfBackups() throws Exception {
    CibStore store = new CibStore(dir.resolve("cib.xml"), 3);
    for (int i = 1; i <= 6; i++) {
      store.save("<cib epoch=\"" + i + "\"/>");
    }
    assertThat(store.backupNumbers()).containsExactly(3, 4, 5);
    assertThat(Files.readString(dir.resolve("cib-5.raw"))).isEqualTo("<cib epoch=\"5\"/>");
    assertThat(store.newestIntactBackup()).contains(dir.resolve("cib-5.raw").toAbsolutePath());
  }
}
