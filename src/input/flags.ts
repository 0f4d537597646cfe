// The command-line spelling of a setting, shared by the CLI's messages and by messages about
// run-file or library settings that a flag also sets.

/** The flag of an option key: gpuHours -> --gpu-hours. */
export function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`;
}
