// The main screen's heading and hint, shared by HomeView and the first paint (renderer/src/first-paint).
export const HOME_TITLE = 'Installs';
export const HOME_TITLE_ID = 'home-title';
export const HOME_HINT = 'Press Ctrl+K (⌘K) to jump to any account or install.';
