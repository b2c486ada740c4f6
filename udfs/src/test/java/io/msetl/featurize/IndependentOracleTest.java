package io.msetl.featurize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.msetl.testing.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares the identity columns with tools that share no code path with the RDKit 2020.09 Java
 * bindings: Debian's python3-rdkit 2022.09 (SMILES, formula, exact mass, atom and bond counts,
 * scaffold) and the InChI Trust's {@code inchi_main} from libinchi-bin (InChIKey). Both run at test
 * time; CI installs {@code python3-rdkit libinchi-bin}.
 *
 * <p>Canonical SMILES are compared after re-canonicalising ours with the oracle: the canonical atom
 * ranking changed between RDKit 2020.09 and 2022.09, so the same molecule may be spelled
 * differently; a different molecule would still differ after re-canonicalisation.
 */
class IndependentOracleTest {
  private static final String PYTHON = "/usr/bin/python3";
  @TempDir static Path dir;
  private static Map<Integer, MoleculeIdentity> ours;
  private static Map<Integer, Path> files;
  private static Map<Integer, MoleculeFeatures> graphs;

  @BeforeAll
  static void identifyEverything() throws IOException {
    MoleculeIdentifier identifier =
        new MoleculeIdentifier(
            FeaturizerConfig.defaults().withFragmentPolicy(FragmentPolicy.KEEP_ALL));
    ours = new LinkedHashMap<>();
    files = new LinkedHashMap<>();
    graphs = new LinkedHashMap<>();
    MoleculeFeaturizer featurizer =
        new MoleculeFeaturizer(FeaturizerConfig.defaults().withConformers(false));
    for (int id : TestMolecules.READABLE_IDS) {
      Path mol = dir.resolve("ID" + id + ".MOL");
      Files.writeString(mol, TestMolecules.molblock(id));
      files.put(id, mol);
      ours.put(id, identifier.identify(TestMolecules.molblock(id), "molblock", null).identity());
      graphs.put(id, featurizer.featurize(TestMolecules.molblock(id)).features());
    }
    featurizer.close();
  }

  @Test
  void pythonRdkitAgreesOnSmilesFormulaMassAndCounts() throws Exception {
    Oracles.assumeAvailable(
        run(List.of(PYTHON, "-c", "import rdkit"), "").exit == 0,
        "Debian python3-rdkit is not installed (apt-get install python3-rdkit)");
    StringBuilder in = new StringBuilder();
    ours.forEach(
        (id, m) ->
            in.append(id)
                .append('\t')
                .append(files.get(id))
                .append('\t')
                .append(m.canonicalSmiles())
                .append('\n'));
    Path script = dir.resolve("rdkit_oracle.py");
    Files.writeString(script, TestMolecules.resource("/oracle/rdkit_oracle.py"));
    Result r = run(List.of(PYTHON, script.toString()), in.toString());
    assertEquals(0, r.exit, r.out);
    int compared = 0;
    for (String line : r.out.split("\n")) {
      String[] f = line.split("\t", -1);
      int id = Integer.parseInt(f[0]);
      MoleculeIdentity m = ours.get(id);
      String label = "ID" + id;
      assertEquals(
          f[1],
          f[2],
          label
              + ": our SMILES "
              + m.canonicalSmiles()
              + " is a different molecule for RDKit 2022.09");
      assertEquals(f[3], m.formula(), label + " formula");
      assertEquals(Double.parseDouble(f[4]), m.exactMass(), 1e-6, label + " exact mass");
      assertEquals(Integer.parseInt(f[5]), m.heavyAtoms(), label + " heavy atoms");
      assertEquals(f[7], m.murckoScaffold(), label + " scaffold");
      assertEquals(Integer.parseInt(f[6]) * 2, graphs.get(id).numEdges(), label + " bonds");
      assertEquals(Integer.parseInt(f[5]), graphs.get(id).numAtoms(), label + " graph nodes");
      compared++;
    }
    assertEquals(TestMolecules.READABLE_IDS.size(), compared);
  }

  @Test
  void inchiTrustReferenceAgreesOnEveryInchiKey() throws Exception {
    Oracles.assumeAvailable(
        Files.isExecutable(Path.of("/usr/bin/inchi_main")),
        "inchi_main is not installed (apt-get install libinchi-bin)");
    for (Map.Entry<Integer, Path> e : files.entrySet()) {
      Result r =
          run(
              List.of(
                  "/usr/bin/inchi_main",
                  e.getValue().toString(),
                  "-Key",
                  "-STDIO",
                  "-NoLabels",
                  "-AuxNone"),
              "");
      String key = null;
      for (String line : r.out.split("\n")) {
        if (line.startsWith("InChIKey=")) {
          key = line.substring("InChIKey=".length()).trim();
        }
      }
      assertEquals(key, ours.get(e.getKey()).inchikey(), "ID" + e.getKey());
    }
  }

  private record Result(int exit, String out) {}

  private static Result run(List<String> cmd, String stdin) throws Exception {
    Process p;
    try {
      p =
          new ProcessBuilder(new ArrayList<>(cmd))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException notInstalled) {
      return new Result(127, notInstalled.getMessage());
    }
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("oracle timed out: " + cmd);
    }
    return new Result(p.exitValue(), out);
  }
}
