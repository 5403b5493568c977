// The window's two IPC channels. Every contract call travels on ONE channel with the method's name
// as its first argument: main answers it only for our own window's main frame, and its dispatcher
// refuses any name the contract does not declare, so the channel opens nothing the contract does
// not. (This keeps the method list in one place, the contract, instead of one channel per method.)
export const INVOKE_CHANNEL = 'workbench:invoke';
/** Main -> renderer: `{ event, payload }` for every contract event. */
export const EVENT_CHANNEL = 'workbench:event';
