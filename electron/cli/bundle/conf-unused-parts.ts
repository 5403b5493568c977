// Stand-ins, in the CLI's bundle only, for the parts of `conf` the workbench never uses: JSON-schema
// validation (ajv, ajv-formats) and version migrations (semver). conf imports them at load time, but
// runs them only when a store is created with `schema`/`ajvOptions`/`rootSchema` or `migrations`,
// options the backend's StoreFactory port does not even offer (electron/backend/ports.ts). Together
// they are more than half of what `token` would parse on every start. Should a store ever ask for
// them, this fails loudly rather than silently skipping a validation.
const UNUSED = 'the CLI build leaves out conf\'s schema validation and migrations (electron/cli/bundle/conf-unused-parts.ts)';

function unused(): never {
  throw new Error(UNUSED);
}

export class Ajv2020 {
  constructor() {
    unused();
  }
}

const formats = unused;
export default { default: formats, eq: unused, clean: unused, satisfies: unused, lte: unused, gt: unused };
