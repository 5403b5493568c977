// Method names of the tools (issue [ui-tools]); merged into METHOD_NAMES by contract-names.ts.
// Plain data only: the preload imports this file.
export const TOOLS_METHOD_NAMES = [
  'api.send',
  'api.responseLines',
  'api.responseSearch',
  'api.responseFold',
  'api.curl',
  'api.history',
  'runs.across',
  'activity.exportHar',
  'inspector.inspect',
  'diagnostics.run',
  'diagnostics.report',
  'transfer.export',
  'transfer.preview',
  'transfer.import',
  'transfer.exportInstall',
] as const;

export type ToolsMethodName = (typeof TOOLS_METHOD_NAMES)[number];
