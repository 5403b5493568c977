// WORKBENCH_SANDBOX_PORT: the built-in sandbox's port for this process. Its tokens name the port
// they were issued on, so processes that share installs of the "Local sandbox" must agree on it
// (the default, 47615, unless another program holds it). A value that is not a port stops every
// command that opens a session (usage error), the lean `token` included.
import { CliError } from './cli-error';

export function sandboxPortFrom(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError('INVALID_ARGUMENT', `WORKBENCH_SANDBOX_PORT must be a port number (0-65535), not "${value.slice(0, 20)}".`);
  return port;
}
