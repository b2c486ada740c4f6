package io.msetl.cli;

import io.msetl.lightdb.tool.LightDbTool;
import java.util.List;

/** {@code msetl lightdb info|verify|dump|get FILE ...}: the LightDB file tool. */
final class LightDbCommand implements PassThroughCommand {
  @Override
  public String name() {
    return "lightdb";
  }

  @Override
  public String summary() {
    return "inspect a LightDB file: info, verify, dump, get (see msetl lightdb --help)";
  }

  @Override
  public int run(List<String> args, CliContext context) {
    return LightDbTool.run(args.toArray(String[]::new), context.out(), context.err());
  }
}
