// The preload: exposes `window.workbench`, built by the same generic bridge the e2e harness injects,
// over ipcRenderer. It is bundled into ONE CommonJS file whose only require is `electron`, so it runs
// with `sandbox: true`. Nothing else belongs here: no generic invoke, no Node objects leak through.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from './create-bridge';
import { EVENT_CHANNEL, methodChannel, type EventName } from '../common/contract-names';

interface EventMessage {
  event: EventName;
  payload: unknown;
}

contextBridge.exposeInMainWorld(
  'workbench',
  createBridge({
    invoke: (method, input) => ipcRenderer.invoke(methodChannel(method), input),
    subscribe(listener) {
      const onEvent = (_event: IpcRendererEvent, message: EventMessage) => {
        if (typeof message === 'object' && message !== null) listener(message.event, message.payload);
      };
      ipcRenderer.on(EVENT_CHANNEL, onEvent);
      return () => {
        ipcRenderer.removeListener(EVENT_CHANNEL, onEvent);
      };
    },
  }),
);
