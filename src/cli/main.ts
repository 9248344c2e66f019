/**
 * `mwb`: the command-line face of the domain. Each command is one file in commands/, bundled on
 * its own (dist/cli/<name>.js) and loaded only when it runs, so a command pays only for what it
 * uses.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXIT_USAGE, err, out } from './output';
import { requireWithCodeCache } from './code-cache';

interface Command {
  usage: string;
  run(argv: string[]): Promise<number>;
}

const COMMANDS = ['validate', 'sms', 'preview', 'sandbox', 'jwt', 'send', 'curl', 'convert', 'listen', 'trigger', 'templates', 'bulk'] as const;
type CommandName = (typeof COMMANDS)[number];

function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

function load(name: CommandName): Command {
  // The bundle ships each command as dist/cli/<name>.js; tsc's output (tests) has commands/<name>.js.
  const bundled = path.join(__dirname, 'cli', `${name}.js`);
  if (fs.existsSync(bundled)) return requireWithCodeCache<Command>(bundled);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(__dirname, 'commands', name)) as Command;
}

function help(): string {
  return ['Message Workbench CLI', '', 'Usage:', ...COMMANDS.map((c) => `  ${load(c).usage}`), '', 'Exit codes: 0 ok, 1 the input has problems or the send failed, 2 usage or I/O error.'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(help());
    return name ? 0 : EXIT_USAGE;
  }
  if (name === '--version') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    out((require('../../package.json') as { version: string }).version);
    return 0;
  }
  if (!isCommand(name)) {
    err(`mwb: unknown command "${name}".\n\n${help()}`);
    return EXIT_USAGE;
  }
  const command = load(name);
  try {
    return await command.run(rest);
  } catch (e) {
    if ((e as Error).name === 'UsageError' || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`mwb ${name}: ${(e as Error).message}\nusage: ${command.usage}`);
      return EXIT_USAGE;
    }
    err(`mwb ${name}: internal error: ${(e as Error).message}. Please report it.`);
    if (process.env.MWB_DEBUG) err(String((e as Error).stack));
    return EXIT_USAGE;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = EXIT_USAGE;
  },
);
