package io.msetl.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * conf/examples/: every YAML file parses (python3-yaml), the Airflow DAG compiles (py_compile, no
 * Airflow needed), and each example runs exactly the msetl command the standalone cluster test
 * submits: the same main class and the same arguments, with only the locations differing.
 */
class SchedulerExamplesTest {
  @TempDir Path tmp;

  /**
   * Prints, as JSON, each example's spark-submit main class and application arguments: from the
   * crontab line (shlex), the CronJob's container args, the SparkApplication's spec, and the DAG's
   * SparkSubmitOperator call (read with ast, not imported).
   */
  private static final String EXTRACT =
      String.join(
          "\n",
          "import ast, json, py_compile, shlex, sys, yaml, pathlib",
          "d = pathlib.Path(sys.argv[1]); out = {}",
          "for y in sorted(d.rglob('*.yaml')):",
          "    docs = list(yaml.safe_load_all(y.read_text()))",
          "    for doc in docs:",
          "        if doc.get('kind') == 'CronJob':",
          "            c = doc['spec']['jobTemplate']['spec']['template']['spec']['containers'][0]",
          "            a = c['args']; i = a.index('--class'); jar = next(k for k in range(i, len(a))"
              + " if a[k].endswith('.jar'))",
          "            out[y.name] = {'main': a[i + 1], 'args': a[jar + 1:], 'command': c['command']}",
          "        elif doc.get('kind') == 'SparkApplication':",
          "            s = doc['spec']",
          "            out[y.name] = {'main': s['mainClass'], 'args': s['arguments']}",
          "for p in sorted(d.rglob('*.py')):",
          "    py_compile.compile(str(p), cfile=sys.argv[2] + '/' + p.name + 'c', doraise=True)",
          "    for node in ast.walk(ast.parse(p.read_text())):",
          "        if isinstance(node, ast.Call) and getattr(node.func, 'id', '') =="
              + " 'SparkSubmitOperator':",
          "            kw = {k.arg: k.value for k in node.keywords}",
          "            out[p.name] = {'main': ast.literal_eval(kw['java_class']),",
          "                           'args': ast.literal_eval(kw['application_args'])}",
          "for line in (d / 'crontab').read_text().splitlines():",
          "    if line.strip() and not line.startswith('#'):",
          "        words = shlex.split(line)[5:]",
          "        words = words[:words.index('>>')] if '>>' in words else words",
          "        i = words.index('--class'); jar = next(k for k in range(i, len(words))"
              + " if words[k].endswith('.jar'))",
          "        out['crontab'] = {'main': words[i + 1], 'args': words[jar + 1:],"
              + " 'command': words[:1]}",
          "print(json.dumps(out))");

  @Test
  void everyExampleParsesAndRunsTheCommandTheClusterTestRuns() throws Exception {
    Path examples = project().resolve("conf/examples");
    Path script = tmp.resolve("extract.py");
    Files.writeString(script, EXTRACT, StandardCharsets.UTF_8);
    Process p =
        new ProcessBuilder("python3", script.toString(), examples.toString(), tmp.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "python3 with python3-yaml parses the examples:\n" + output);
    JsonNode found = new ObjectMapper().readTree(output);

    Map<String, String> expected = new TreeMap<>();
    for (String name :
        List.of("crontab", "k8s-cronjob.yaml", "spark-application.yaml", "msetl_nightly.py")) {
      expected.put(name, StandaloneClusterTest.MAIN_CLASS);
    }
    List<String> names = new ArrayList<>();
    found.fieldNames().forEachRemaining(names::add);
    assertEquals(List.copyOf(expected.keySet()), names.stream().sorted().toList(), output);
    List<String> shape =
        StandaloneClusterTest.nightlyArgs("<conf>", "<input>", "<tables>", "<exports>");
    for (String name : names) {
      JsonNode e = found.get(name);
      assertEquals(StandaloneClusterTest.MAIN_CLASS, e.get("main").asText(), name);
      List<String> args = new ArrayList<>();
      e.get("args").forEach(a -> args.add(a.asText()));
      assertEquals(shape, placeholders(args), name + " runs the cluster test's command");
      if (e.has("command")) {
        assertTrue(e.get("command").get(0).asText().endsWith("/spark-submit"), name);
      }
    }
    try (Stream<Path> yamls = Files.walk(examples)) {
      assertEquals(
          2, yamls.filter(f -> f.toString().endsWith(".yaml")).count(), "every YAML was parsed");
    }
  }

  /** The arguments with their locations (values of --conf, --input, --tables, --exports) named. */
  private static List<String> placeholders(List<String> args) {
    List<String> out = new ArrayList<>(args);
    for (int i = 0; i + 1 < out.size(); i++) {
      String flag = out.get(i);
      if (List.of("--conf", "--input", "--tables", "--exports").contains(flag)) {
        out.set(i + 1, "<" + flag.substring(2) + ">");
      }
    }
    return out;
  }

  private static Path project() {
    Path p = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(p.resolve("conf/examples"))) {
      p = p.getParent();
    }
    return p;
  }
}
