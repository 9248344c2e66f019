/**
 * Values for `{{NAME}}` placeholders: only what the user declared for them, never a credential.
 * A payload is sent to whatever `to` it names, so a placeholder filled from any environment variable
 * could mail a token or a private key to a stranger as message text.
 *
 * In the CLI the sources are, strongest first: `--var NAME=VALUE`, `--vars-file FILE` (dotenv lines),
 * and environment variables with the prefix `MWB_VAR_` (`MWB_VAR_TO_NUMBER` fills `{{TO_NUMBER}}`).
 * Not `--env-file`: Node 20 takes a script's `--env-file` argument as its own option and loads the
 * file into the environment before the script runs (nodejs/node#54232).
 * In VS Code they are the active environment's values. A name that reads as a credential is never
 * filled from any of them, and the `placeholder-secret` lint rule makes it an error in the file.
 */
import { parse as parseDotenv } from 'dotenv';
import { readTextFile } from './read-file';
import { isSecretName } from './secret-names';

export const VARIABLE_PREFIX = 'MWB_VAR_';
/** A vars file of placeholder values is a few lines; this is far more. */
export const MAX_VARS_FILE_BYTES = 1024 * 1024;

export class VariableError extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkName(name: string, where: string): void {
  if (!NAME.test(name)) throw new VariableError(`${where}: "${name}" is not a placeholder name (letters, digits and _, not starting with a digit).`);
  if (isSecretName(name))
    throw new VariableError(
      `${where}: "${name}" is a credential's name, and placeholders are never filled with credentials (the value would go out as message text). Give the placeholder another name.`,
    );
}

/** `MWB_VAR_NAME=value` environment variables, as `{ NAME: value }`. */
export function variablesFromEnvironment(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (!k.startsWith(VARIABLE_PREFIX) || v === undefined) continue;
    const name = k.slice(VARIABLE_PREFIX.length);
    if (NAME.test(name) && !isSecretName(name)) out[name] = v;
  }
  return out;
}

/** `--var NAME=VALUE` arguments. */
export function variablesFromArgs(args: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new VariableError(`--var takes NAME=VALUE, e.g. --var TO_NUMBER=447700900000 (got "${arg.length > 60 ? arg.slice(0, 60) + '…' : arg}").`);
    const name = arg.slice(0, eq);
    checkName(name, '--var');
    out[name] = arg.slice(eq + 1);
  }
  return out;
}

/** A vars file: `NAME=VALUE` lines, `#` comments, optional quotes (dotenv's syntax). */
export function variablesFromFile(file: string): Record<string, string> {
  const read = readTextFile(file, MAX_VARS_FILE_BYTES, 'a vars file');
  if (!read.ok) throw new VariableError(read.message);
  const parsed = parseDotenv(read.text);
  for (const name of Object.keys(parsed)) checkName(name, file);
  return parsed;
}

export interface VariableSources {
  /** `--var NAME=VALUE`, repeatable. */
  vars?: readonly string[];
  varsFile?: string;
  env: Record<string, string | undefined>;
}

/** The CLI's placeholder values: `--var` over `--vars-file` over `MWB_VAR_*`. Throws VariableError for bad input. */
export function cliVariables(sources: VariableSources): Record<string, string> {
  return {
    ...variablesFromEnvironment(sources.env),
    ...(sources.varsFile !== undefined ? variablesFromFile(sources.varsFile) : {}),
    ...variablesFromArgs(sources.vars ?? []),
  };
}

/** How to give a placeholder a value, for messages. */
export function howToSet(names: readonly string[]): string {
  const n = names[0] ?? 'NAME';
  return `in VS Code, in the active environment; in the CLI, --var ${n}=VALUE, a line ${n}=VALUE in a --vars-file, or the environment variable ${VARIABLE_PREFIX}${n}`;
}
