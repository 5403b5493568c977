// The sidebar's fixed entries, shared by the React sidebar and the first paint (renderer/src/first-paint).
export const TOOLS = [
  ['activity', 'Activity'],
  ['inspector', 'Inspector'],
  ['runs', 'Runs'],
  ['transfer', 'Import / export'],
  ['settings', 'Settings'],
] as const;

export const SIDEBAR_LABEL = 'Workbench';
export const navItemClass = (current: boolean): string => (current ? 'nav-item nav-item--current' : 'nav-item');
