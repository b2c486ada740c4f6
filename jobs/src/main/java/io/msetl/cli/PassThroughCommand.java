package io.msetl.cli;

import java.util.List;

/**
 * A command that parses its own arguments (a tool with sub-commands, such as {@code lightdb}). It
 * still appears in {@code msetl --help}; its own {@code --help} is its business.
 */
public interface PassThroughCommand {
  String name();

  String summary();

  int run(List<String> args, CliContext context) throws Exception;
}
