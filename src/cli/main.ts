/** `mwb`: the command-line face of the domain. Each command is one file in commands/. */
import { EXIT_USAGE, UsageError, err, out } from './output';
import * as validate from './commands/validate';
import * as sms from './commands/sms';
import * as preview from './commands/preview';
import * as sandbox from './commands/sandbox';
import * as jwt from './commands/jwt';
import * as send from './commands/send';
import * as curl from './commands/curl';

interface Command {
  usage: string;
  run(argv: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  validate,
  sms,
  preview,
  sandbox,
  jwt,
  send,
  curl,
};

function help(): string {
  return ['Message Workbench CLI', '', 'Usage:', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`), '', 'Exit codes: 0 ok, 1 the input has problems or the send failed, 2 usage or I/O error.'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(help());
    return name ? 0 : EXIT_USAGE;
  }
  if (name === '--version') {
    out(require('../../package.json').version);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    err(`mwb: unknown command "${name}".\n\n${help()}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
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
