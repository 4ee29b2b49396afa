import { assertConfigPathExists, ConfigKey, ConfigValues, findConfigFile, ProjectConfig, readConfigFile } from './config-file';
import { reserveStdoutForJson } from './safe-output';

/** Input paths that must exist when the config file sets them (the output folder is made by the build). */
const INPUT_PATHS: ReadonlySet<ConfigKey> = new Set(['translations', 'template', 'data', 'fonts']);

/** The config file read once per process, by its path; null when there is none. */
const loaded = new Map<string, ProjectConfig | null>();

export function projectConfig(explicit: string | undefined): ProjectConfig | null {
  const cacheKey = explicit ?? '';
  if (!loaded.has(cacheKey)) {
    const file = findConfigFile(explicit);
    loaded.set(cacheKey, file === null ? null : readConfigFile(file));
  }
  return loaded.get(cacheKey)!;
}

/**
 * A yargs middleware that gives each option in `fallbacks` its value: from
 * the command line if given there, else from pamphlet.config.json (or the
 * --config file), else the fallback. Options therefore have no yargs
 * default: an absent one is one the command line did not give.
 */
export function defaultsFrom<K extends ConfigKey>(fallbacks: Pick<ConfigValues, K>) {
  // Async: yargs sends a rejected middleware to the .fail() handler, where a thrown error would escape it.
  return async (argv: Record<string, unknown>): Promise<void> => {
    const config = projectConfig(argv.config as string | undefined);
    for (const key of Object.keys(fallbacks) as K[]) {
      if (argv[key] !== undefined) continue;
      const value = config?.values[key];
      if (value === undefined) {
        argv[key] = fallbacks[key];
        continue;
      }
      if (INPUT_PATHS.has(key)) assertConfigPathExists(config!, key, value as string);
      argv[key] = value;
    }
    if (argv.json === true) reserveStdoutForJson();
  };
}
