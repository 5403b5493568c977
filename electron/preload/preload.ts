// The preload: exposes `window.workbench` ({ invoke, on }), built by the generic bridge over
// ipcRenderer. It is bundled into ONE CommonJS file whose only require is `electron`, so it runs
// with `sandbox: true`. Nothing else belongs here: no raw ipcRenderer, no Node objects leak through.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from './create-bridge';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../common/ipc-channels';

interface EventMessage {
  event: string;
  payload: unknown;
}

contextBridge.exposeInMainWorld(
  'workbench',
  createBridge({
    invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
    subscribe(listener) {
      const onEvent = (_event: IpcRendererEvent, message: EventMessage) => {
        if (typeof message === 'object' && message !== null && typeof message.event === 'string') listener(message.event, message.payload);
      };
      ipcRenderer.on(EVENT_CHANNEL, onEvent);
      return () => {
        ipcRenderer.removeListener(EVENT_CHANNEL, onEvent);
      };
    },
  }),
);
