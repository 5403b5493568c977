// The first questions to the backend, as a classic script at the top of index.html: it runs as soon as
// the parser reaches it, before the stylesheet has loaded and before the app's modules run (those
// wait for both), so the vault's status and the grid's first answer (installs.grid) are on their way
// a little earlier. window.workbench is there already (the preload, or serve's bridge script just
// above). The app takes the answers from window.__workbenchEarly (renderer/src/workbench/early.ts);
// without a bridge this does nothing and the app asks itself. Emitted by vite.config.ts.
(function () {
  var bridge = window.workbench;
  if (!bridge || typeof bridge.invoke !== 'function' || typeof bridge.on !== 'function') return;
  var changed = null;
  // A change while the status is on its way would otherwise be missed until the app subscribes.
  var off = bridge.on('vault.changed', function (status) {
    changed = status;
  });
  var early = {
    status: bridge.invoke('vault.status'),
    grid: bridge.invoke('installs.grid'),
    changed: function () {
      return changed;
    },
    stop: off,
  };
  Object.defineProperty(window, '__workbenchEarly', { value: Object.freeze(early) });
})();
