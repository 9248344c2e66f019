/**
 * How `send` and `curl` find what they need: the payload file's text, and the profile to use
 * (`--profile` from the workspace settings, else the provider's default built from `--endpoint` and
 * the environment). Refusals are `CliFailure`s carrying their exit code.
 */
import * as path from 'node:path';
import { MAX_SETTINGS_BYTES, readPayloadFile, readTextFile } from '../core/read-file';
import { parseDocument } from '../core/parse';
import { findSettingsFile, ProfileError, safeUrl, type Profile } from '../core/profile';
import { resolveProvider } from '../pipeline/validate';
import { defaultProfile, profilesFromSettings } from '../pipeline/profiles';
import { EXIT_PROBLEMS, EXIT_USAGE, UsageError } from './output';

export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exit: number,
  ) {
    super(message);
  }
}

export interface Loaded {
  file: string;
  text: string;
  profile: Profile;
}

export function loadForSend(file: string, options: { profile?: string; endpoint?: string }): Loaded {
  const read = readPayloadFile(file);
  if (!read.ok) throw new CliFailure(read.kind === 'io' ? read.message : `${file}: ${read.message}`, read.kind === 'io' ? EXIT_USAGE : EXIT_PROBLEMS);
  if (options.endpoint !== undefined) {
    const url = safeUrl(options.endpoint);
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new UsageError(`--endpoint must be an http(s) URL such as https://api.nexmo.com (got "${options.endpoint}").`);
  }
  const profile = options.profile ? namedProfile(file, options.profile, options.endpoint) : fileDefaultProfile(file, read.text, options.endpoint);
  return { file, text: read.text, profile };
}

/** `--profile NAME` from the .vscode/settings.json nearest `file` (or the current directory). */
export function namedProfile(file: string, name: string, endpoint: string | undefined): Profile {
  const settingsFile = findSettingsFile(path.dirname(path.resolve(file))) ?? findSettingsFile(process.cwd());
  if (!settingsFile)
    throw new CliFailure(
      `No profile "${name}": no .vscode/settings.json found above ${file} or the current directory. Add "messageWorkbench.profiles" there, or leave out --profile and pass --endpoint.`,
      EXIT_USAGE,
    );
  const settings = readTextFile(settingsFile, MAX_SETTINGS_BYTES, 'a settings file');
  if (!settings.ok) throw new CliFailure(settings.message, EXIT_USAGE);
  const { profiles, problems } = profilesFromSettings(settings.text, settingsFile);
  const found = profiles.find((p) => p.name === name);
  if (!found) {
    const names = profiles.map((p) => `"${p.name}"`).join(', ');
    throw new CliFailure(`No profile "${name}" in ${settingsFile}${names ? `; it has ${names}` : ''}.${problems.length ? `\n${problems.join('\n')}` : ''}`, EXIT_USAGE);
  }
  return endpoint ? { ...found, endpoint } : found;
}

function fileDefaultProfile(file: string, text: string, endpoint: string | undefined): Profile {
  const provider = resolveProvider(file, parseDocument(text).value);
  if (!provider) throw new CliFailure(`${file}: cannot tell which API it is for. Name it with a provider suffix (e.g. message.vonage.json) or pass --profile.`, EXIT_PROBLEMS);
  try {
    return defaultProfile(provider, { endpoint, env: process.env });
  } catch (e) {
    if (e instanceof ProfileError) throw new CliFailure(e.message, EXIT_USAGE);
    throw e;
  }
}

/** The provider of a loaded profile (checked when the profile was read). */
