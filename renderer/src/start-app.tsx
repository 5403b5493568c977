// React and the app, loaded by main.tsx once the first questions to the backend are on their way.
// When the first paint drew the main screen (first-paint/), React adopts that DOM once it is on
// screen (hydrateRoot: its first render finds each node where it would have created it, so nothing
// is built or laid out again) and lifts its `inert`; otherwise it renders into the empty root as
// usual. A copy React would draw differently is not adopted: React throws it away and renders its
// own (a recoverable error, which the e2e test of the first paint would see).
import { StrictMode, useLayoutEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app';
import { firstPaintDecided, liftFirstPaint } from './first-paint/paint-first-screen';
import { afterNextPaint } from './workbench/after-next-paint';

function AdoptFirstPaint() {
  useLayoutEffect(liftFirstPaint, []);
  return null;
}

const container = document.getElementById('root')!;
void firstPaintDecided().then((painted) => {
  if (!painted) {
    createRoot(container).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    return;
  }
  // The copy reaches the screen first; React's render would otherwise hold that frame back.
  afterNextPaint(
    () =>
      hydrateRoot(
        container,
        <StrictMode>
          <App />
          <AdoptFirstPaint />
        </StrictMode>,
      ),
    100,
  );
});
