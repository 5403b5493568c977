// The short name of who approved an install, shared by the renderer (grid cells, pickers) and the
// backend (installs.grid sends it ready-made, so the grid's first answer carries one string per
// install instead of the user object).
import type { InstallUser } from './model';

/** Short form for tight places (a grid cell): the name, else the email, else the `sub`. */
export function userShortName(user: InstallUser): string {
  return user.name ?? user.email ?? `sub ${user.sub}`;
}
